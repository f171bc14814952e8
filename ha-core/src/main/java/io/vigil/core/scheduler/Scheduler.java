package io.vigil.core.scheduler;

import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ResourceHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The policy engine: a pure, deterministic function from (configuration, status, now) to the intended
 * placement and the transition graph that gets there. No threads, clocks or I/O; the same input always gives
 * the same output.
 *
 * <p>The steps follow Pacemaker's scheduler, one class per concern: {@link History} (current state and
 * failures), {@link Fencing}, {@link Locations} (constraints and stickiness), {@link Colocations}, assignment by
 * variant ({@link PrimitiveRsc}, {@link GroupRsc}, {@link CloneRsc}, {@link Promotion}, {@link Utilization}),
 * {@link Actions}, {@link Orderings}, and the output ({@link Summary}, {@link Graphs}). See docs/scheduler.md.
 */
public final class Scheduler {
    private Scheduler() {
    }

    /**
     * Computes the next transition.
     *
     * @param configuration a valid configuration
     * @param status        what the cluster observed
     * @param now           the time failure timeouts and time-based rules are evaluated against
     * @return the placement, the transition graph, the transition summary and the scores
     */
    public static SchedulerResult schedule(Configuration configuration, ClusterStatus status, Instant now) {
        return run(configuration, status, now, null, null);
    }

    /**
     * One run; {@code previous} and {@code read} as in {@link History#apply} (used by {@link SchedulerSession} for
     * the configuration as given; an orphan pass runs on another configuration and never reuses anything).
     */
    static SchedulerResult run(Configuration configuration, ClusterStatus status, Instant now,
                               Map<List<ResourceHistory>, History.NodeEntries> previous,
                               Map<List<ResourceHistory>, History.NodeEntries> read) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(status, "status");
        Cluster cluster = new Cluster(configuration, status, now);
        History.apply(cluster, previous, read);
        if (!cluster.orphans.isEmpty()) {
            // Rare: something runs that is no longer configured. Start over with it added, to be stopped.
            cluster = new Cluster(cluster.orphans.include(configuration), status, now);
            History.apply(cluster, null, null);
        }
        Fencing.decide(cluster);
        for (PrimitiveRsc leaf : cluster.leaves) {
            // Fencing a node stops everything on it, so a failure frozen there no longer blocks the resource.
            if (leaf.blocked && !leaf.current.isEmpty() && leaf.current.stream().allMatch(a -> a.node().fenced)) {
                leaf.blocked = false;
            }
        }
        Locations.apply(cluster, cluster.promotedLocations);
        Locations.applyStickiness(cluster);
        Colocations.build(cluster);
        for (Rsc r : Assignment.order(cluster)) {
            r.assign(cluster, null);
        }
        Actions.create(cluster);
        List<Orderings.Edge> edges = Orderings.build(cluster);
        Orderings.propagate(cluster, edges);
        return result(cluster, edges);
    }

    private static SchedulerResult result(Cluster cluster, List<Orderings.Edge> edges) {
        List<InstancePlacement> current = new ArrayList<>(cluster.leaves.size());
        List<InstancePlacement> placement = new ArrayList<>(cluster.leaves.size());
        for (PrimitiveRsc leaf : cluster.leaves) {
            for (PrimitiveRsc.Active a : leaf.current) {
                current.add(new InstancePlacement(leaf.primitive.id(), leaf.id, a.node().name, a.role(), a.failed()));
            }
            Summary.Outcome o = Summary.outcome(leaf);
            if (o != null) {
                PrimitiveRsc.Active before = leaf.currentOn(o.node());
                boolean stillFailed = before != null && before.failed() && (leaf.stopOn(o.node()) == null
                        || leaf.stopOn(o.node()).optional || !leaf.stopOn(o.node()).runnable);
                placement.add(new InstancePlacement(leaf.primitive.id(), leaf.id, o.node().name, o.role(),
                        stillFailed));
            }
        }
        Map<String, String> nodes = new TreeMap<>();
        for (SchedNode n : cluster.nodes) {
            nodes.put(n.name, n.displayState());
        }
        List<Rsc> all = new ArrayList<>();
        for (Rsc top : cluster.resources) {
            all.add(top);
            if (top instanceof GroupRsc g) {
                all.addAll(g.members); // instances of clones are reported through their clone
            }
        }
        ScoreReport scores = new ScoreReport(cluster.nodes, all);
        return new SchedulerResult(current, placement, nodes, Graphs.build(cluster, edges), Summary.lines(cluster),
                scores);
    }
}
