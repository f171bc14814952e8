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
        java.util.Map<String, Integer> need = Utilization.needed(cluster, rsc);
        boolean utilization = Utilization.active(cluster);
        if (prefer == null && utilization && strategy != PlacementStrategy.MINIMAL) {
            prefer = Utilization.mostCapable(cluster, rsc);
        }
        SchedNode running = rsc.currentNode();
        CloneRsc clone = rsc.parentClone();
        SchedNode best = null;
        int bestScore = 0;
        int[] scores = rsc.scores;
        for (int i = 0; i < scores.length; i++) {
            int s = scores[i];
            if (s < 0) { // negative or not allowed (UNSET): the common case, so checked before touching the node
                continue;
            }
            SchedNode n = cluster.nodes.get(i);
            if (!n.canRunResources() || clone != null && !clone.allows(n)) {
                continue;
            }
            if (utilization && !Utilization.fits(cluster, need, n)) {
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
        if (prefer != null && prefer != best && prefer.canRunResources() && (clone == null || clone.allows(prefer))
                && rsc.scores[prefer.index] != Rsc.UNSET
                && rsc.scores[prefer.index] >= bestScore && Utilization.fits(cluster, need, prefer)) {
            return prefer;
        }
        // A positive tie goes to the node it already runs on (a zero score is no reason to stay).
        if (bestScore > 0 && running != null && running != best && running.canRunResources()
                && (clone == null || !clone.unique)
                && (clone == null || clone.allows(running))
                && rsc.scores[running.index] != Rsc.UNSET && rsc.scores[running.index] == bestScore
                && Utilization.fits(cluster, need, running)) {
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
