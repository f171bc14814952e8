package io.vigil.core.scheduler;

import io.vigil.core.model.PlacementStrategy;

/**
 * Picks the node for one resource: the highest score among nodes that can run it; ties go (with the default and
 * utilization strategies) to the node with fewer resources assigned, then to the node it already runs on, then
 * to the lowest name — as Pacemaker's node comparison does.
 */
final class NodeChoice {
    private NodeChoice() {
    }

    static SchedNode best(Cluster cluster, PrimitiveRsc rsc, SchedNode prefer) {
        PlacementStrategy strategy = cluster.config.properties().placementStrategy();
        SchedNode running = rsc.currentNode();
        SchedNode best = null;
        int bestScore = 0;
        for (SchedNode n : cluster.nodes) {
            int s = rsc.scores[n.index];
            if (s == Rsc.UNSET || s < 0 || !n.canRunResources()) {
                continue;
            }
            if (!Utilization.fits(cluster, rsc, n)) {
                continue;
            }
            if (best == null || better(strategy, n, s, best, bestScore, running)) {
                best = n;
                bestScore = s;
            }
        }
        if (best == null) {
            return null;
        }
        if (prefer != null && prefer != best && prefer.canRunResources() && rsc.scores[prefer.index] != Rsc.UNSET
                && rsc.scores[prefer.index] >= bestScore && Utilization.fits(cluster, rsc, prefer)) {
            return prefer;
        }
        if (running != null && running != best && running.canRunResources() && rsc.scores[running.index] != Rsc.UNSET
                && rsc.scores[running.index] == bestScore && Utilization.fits(cluster, rsc, running)) {
            return running;
        }
        return best;
    }

    private static boolean better(PlacementStrategy strategy, SchedNode n, int s, SchedNode best, int bestScore,
                                  SchedNode running) {
        if (s != bestScore) {
            return s > bestScore;
        }
        if (strategy == PlacementStrategy.MINIMAL) {
            return false; // lowest name wins, nodes come sorted by name
        }
        if (strategy == PlacementStrategy.BALANCED) {
            int c = Utilization.compareCapacity(n, best);
            if (c != 0) {
                return c < 0;
            }
        }
        if (n.assignedCount != best.assignedCount) {
            return n.assignedCount < best.assignedCount;
        }
        if (running != null) {
            if (n == running) {
                return true;
            }
            if (best == running) {
                return false;
            }
        }
        return false;
    }
}
