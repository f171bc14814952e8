package io.vigil.core.scheduler;

import java.util.List;

/**
 * The actions of one transition and the order between them. Action ids are their index in {@link #actions()}.
 * Two graphs are equal when they hold equal actions in the same order.
 *
 * <p>The graph the scheduler returns stores its actions compactly and makes each {@link GraphAction} when it is
 * read: the list is unmodifiable and random-access, and reading the same index twice gives equal (not
 * necessarily identical) records. Walk it once and keep what you need when the graph is large.
 *
 * @param actions every action, sorted deterministically; unmodifiable
 */
public record TransitionGraph(List<GraphAction> actions) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public TransitionGraph {
        actions = actions instanceof GraphColumns ? actions : List.copyOf(actions); // GraphColumns: immutable
    }
}
