package io.vigil.core.scheduler;

import java.time.Duration;
import java.util.List;

/**
 * One action of a transition.
 *
 * @param id       index in the graph
 * @param type     what to do
 * @param resource the resource instance id ({@code rsc} or {@code rsc:N}); null for fencing and pseudo actions
 *                 without a resource
 * @param node     the target node; null for pseudo actions
 * @param interval for monitors: the interval (zero = probe); otherwise zero
 * @param after    ids of the actions that must complete before this one may run
 * @param runnable false when the action cannot run (blocked, unrunnable prerequisite, no quorum)
 * @param detail   extra information: the fence action ({@code reboot}), notification type, ...
 */
public record GraphAction(int id, ActionType type, String resource, String node, Duration interval,
                          List<Integer> after, boolean runnable, String detail) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public GraphAction {
        after = after instanceof GraphColumns.Ids ? after : List.copyOf(after); // Ids: already immutable
        interval = interval == null ? Duration.ZERO : interval;
    }
}
