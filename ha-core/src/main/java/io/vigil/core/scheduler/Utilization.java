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

    static boolean fits(Cluster cluster, PrimitiveRsc rsc, SchedNode node) {
        if (!active(cluster)) {
            return true;
        }
        for (Map.Entry<String, Integer> e : rsc.primitive.utilization().entrySet()) {
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
