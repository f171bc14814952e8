package io.vigil.core.scheduler;

import java.util.List;
import java.util.Map;

/**
 * What the scheduler decided.
 *
 * @param current    what runs now, as derived from the status (one entry per active leaf instance)
 * @param placement  what will run once every runnable action of {@code graph} succeeded (one entry per
 *                   active leaf instance); blocked actions are not applied
 * @param nodes      node name -> display state after the transition ({@code online}, {@code standby},
 *                   {@code offline}, {@code unclean}, {@code maintenance}, {@code pending}); fenced nodes are
 *                   {@code offline}
 * @param graph      the actions and their "runs after" edges
 * @param summary    the transition summary, one line per resource instance or fencing action, in Pacemaker's
 *                   format ({@code Start rsc1 ( node1 )}, {@code Move rsc ( n1 -> n2 )},
 *                   {@code Fence (reboot) node1 'reason'}), sorted as Pacemaker prints them
 * @param scores     resource id -> node -> allocation score, with reasons (see {@link ScoreDetail}); the
 *                   scheduler's own report is built on first access
 */
public record SchedulerResult(List<InstancePlacement> current, List<InstancePlacement> placement,
                              Map<String, String> nodes, TransitionGraph graph, List<String> summary,
                              Map<String, Map<String, ScoreDetail>> scores) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public SchedulerResult {
        current = List.copyOf(current);
        placement = List.copyOf(placement);
        nodes = Map.copyOf(nodes);
        summary = List.copyOf(summary);
        scores = scores instanceof ScoreReport ? scores : Map.copyOf(scores); // already unmodifiable
    }
}
