package io.vigil.core.scheduler;

import java.util.List;

/**
 * The actions of one transition and the order between them. Action ids are their index in {@link #actions()}.
 *
 * @param actions every action, sorted deterministically
 */
public record TransitionGraph(List<GraphAction> actions) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public TransitionGraph {
        actions = List.copyOf(actions);
    }
}
