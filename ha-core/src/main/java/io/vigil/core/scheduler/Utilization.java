package io.vigil.core.scheduler;

import io.vigil.core.model.PlacementStrategy;

import java.util.Map;

/**
 * Utilization: with a placement strategy other than {@code default}, a resource only goes to a node whose
 * remaining capacity covers every utilization it declares; {@code balanced} prefers the node with the most
 * capacity left.
 */
final class Utilization {
    private Utilization() {
    }

    static boolean active(Cluster cluster) {
        return cluster.config.properties().placementStrategy() != PlacementStrategy.DEFAULT;
    }

    /**
     * What a node must have free to take {@code rsc}: its own utilization plus that of every not yet placed
     * resource tied to it by mandatory colocations, when some node can hold them all; else its own.
     */
    static Map<String, Integer> needed(Cluster cluster, PrimitiveRsc rsc) {
        if (!active(cluster)) {
            return Map.of();
        }
        java.util.Set<Rsc> seen = new java.util.LinkedHashSet<>();
        collect(rsc, seen);
        Map<String, Integer> own = rsc.primitive.utilization();
        Map<String, Integer> all = new java.util.TreeMap<>();
        for (Rsc r : seen) {
            for (PrimitiveRsc leaf : r.leaves()) {
                if (leaf == rsc || leaf.provisional) {
                    leaf.primitive.utilization().forEach((k, v) -> all.merge(k, v, Integer::sum));
                }
            }
        }
        if (all.equals(own)) {
            return own;
        }
        for (SchedNode n : cluster.nodes) {
            if (n.canRunResources() && rsc.scores[n.index] != Rsc.UNSET && rsc.scores[n.index] >= 0
                    && fits(cluster, all, n)) {
                return all;
            }
        }
        return own;
    }

    /** The available, allowed node with the most capacity left (a placement preference on equal scores). */
    static SchedNode mostCapable(Cluster cluster, PrimitiveRsc rsc) {
        SchedNode best = null;
        for (SchedNode n : cluster.nodes) {
            if (n.canRunResources() && rsc.scores[n.index] != Rsc.UNSET
                    && (best == null || compareCapacity(n, best) < 0)) {
                best = n;
            }
        }
        return best;
    }

    private static void collect(Rsc r, java.util.Set<Rsc> seen) {
        if (r instanceof CloneRsc || !seen.add(r)) {
            return;
        }
        for (Coloc c : r.thisWith) {
            if (c.score() >= io.vigil.core.model.Score.INFINITY) {
                collect(c.primary(), seen);
            }
        }
        for (Coloc c : r.withThis) {
            if (c.score() >= io.vigil.core.model.Score.INFINITY) {
                collect(c.dependent(), seen);
            }
        }
    }

    static boolean fits(Cluster cluster, Map<String, Integer> need, SchedNode node) {
        if (!active(cluster)) {
            return true;
        }
        for (Map.Entry<String, Integer> e : need.entrySet()) {
            Integer left = node.remaining.get(e.getKey());
            int have = left == null ? 0 : left;
            if (have < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static void consume(Cluster cluster, PrimitiveRsc rsc, SchedNode node) {
        if (!active(cluster)) {
            return;
        }
        for (Map.Entry<String, Integer> e : rsc.primitive.utilization().entrySet()) {
            node.remaining.merge(e.getKey(), -e.getValue(), Integer::sum);
        }
    }

    static void release(Cluster cluster, PrimitiveRsc rsc, SchedNode node) {
        if (!active(cluster)) {
            return;
        }
        for (Map.Entry<String, Integer> e : rsc.primitive.utilization().entrySet()) {
            node.remaining.merge(e.getKey(), e.getValue(), Integer::sum);
        }
    }

    /** Negative when {@code a} has more capacity left than {@code b} (summed over every utilization name). */
    static int compareCapacity(SchedNode a, SchedNode b) {
        int result = 0;
        java.util.Set<String> names = new java.util.TreeSet<>(a.remaining.keySet());
        names.addAll(b.remaining.keySet());
        for (String name : names) {
            int x = a.remaining.getOrDefault(name, 0);
            int y = b.remaining.getOrDefault(name, 0);
            if (x > y) {
                result--;
            } else if (x < y) {
                result++;
            }
        }
        return result;
    }
}
