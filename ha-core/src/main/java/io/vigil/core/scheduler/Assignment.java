package io.vigil.core.scheduler;

import io.vigil.core.model.PlacementStrategy;
import io.vigil.core.model.Score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which top-level resources are assigned (Pacemaker's resource sort): higher priority first; with a
 * placement strategy other than default, then the higher score on the node it runs on now, then the higher
 * score node by node, walking the nodes in Pacemaker's node order ({@link #nodeOrder}); configuration order last.
 */
final class Assignment {
    private Assignment() {
    }

    static List<Rsc> order(Cluster cluster) {
        int n = cluster.nodes.size();
        List<Rsc> out = new ArrayList<>(cluster.resources);
        int[] priority = new int[out.size()];
        for (int i = 0; i < out.size(); i++) {
            Rsc r = out.get(i);
            r.order = i;
            priority[i] = r.meta.priorityOrDefault();
        }
        if (!Utilization.active(cluster)) {
            // With the default placement strategy only priority reorders resources.
            out.sort(Comparator.comparingInt((Rsc r) -> -priority[r.order]).thenComparingInt(r -> r.order));
            return out;
        }
        int[][] scores = new int[out.size()][];
        int[] currentScore = new int[out.size()];
        for (int i = 0; i < out.size(); i++) {
            Rsc r = out.get(i);
            scores[i] = placementScores(r, n);
            SchedNode cur = currentNode(r);
            currentScore[i] = cur == null ? Score.MINUS_INFINITY : scores[i][cur.index];
        }
        int[] nodeOrder = nodeOrder(cluster);
        out.sort(Comparator.comparingInt((Rsc r) -> -priority[r.order])
                .thenComparingInt(r -> -currentScore[r.order])
                .thenComparing((a, b) -> {
                    int[] x = scores[a.order];
                    int[] y = scores[b.order];
                    for (int k : nodeOrder) {
                        if (x[k] != y[k]) {
                            return Integer.compare(y[k], x[k]);
                        }
                    }
                    return 0;
                })
                .thenComparingInt(r -> r.order));
        return out;
    }

    /**
     * The order in which the node-by-node comparison walks the nodes (Pacemaker sorts a copy of the node list with
     * its node comparison, pcmk__sort_nodes, before sorting resources): nodes that can run resources first, then
     * with {@code balanced} the one with more capacity free, then by name. (Nothing is assigned yet, so the
     * comparison's assigned-resource counts are all equal.)
     */
    static int[] nodeOrder(Cluster cluster) {
        boolean balanced = cluster.config.properties().placementStrategy() == PlacementStrategy.BALANCED;
        Comparator<SchedNode> cmp = Comparator.comparing((SchedNode x) -> !x.canRunResources())
                .thenComparing((x, y) -> balanced ? Utilization.compareCapacity(x, y) : 0)
                .thenComparingInt(x -> x.index);
        // The capacity comparison counts utilization names for and against, which need not be transitive: a
        // plain merge sort (as Pacemaker's list sort) rather than List.sort, which may reject such a comparator.
        List<SchedNode> nodes = mergeSort(new ArrayList<>(cluster.nodes), cmp);
        int[] order = new int[nodes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = nodes.get(i).index;
        }
        return order;
    }

    private static <T> List<T> mergeSort(List<T> list, Comparator<T> cmp) {
        if (list.size() < 2) {
            return list;
        }
        int mid = list.size() / 2;
        List<T> left = mergeSort(new ArrayList<>(list.subList(0, mid)), cmp);
        List<T> right = mergeSort(new ArrayList<>(list.subList(mid, list.size())), cmp);
        List<T> out = new ArrayList<>(list.size());
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            out.add(cmp.compare(left.get(i), right.get(j)) <= 0 ? left.get(i++) : right.get(j++));
        }
        out.addAll(left.subList(i, left.size()));
        out.addAll(right.subList(j, right.size()));
        return out;
    }

    private static int[] placementScores(Rsc r, int n) {
        int[] s = new int[n];
        if (r instanceof GroupRsc g) {
            for (PrimitiveRsc m : g.members) {
                for (int k = 0; k < n; k++) {
                    s[k] = Score.add(s[k], m.score(k));
                }
            }
            return s;
        }
        for (int k = 0; k < n; k++) {
            s[k] = r.score(k);
        }
        return s;
    }

    private static SchedNode currentNode(Rsc r) {
        if (r instanceof CloneRsc) {
            return null;
        }
        return CloneRsc.currentNode(r);
    }
}
