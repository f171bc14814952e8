package io.vigil.core.scheduler;

import io.vigil.core.model.Score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which top-level resources are assigned (Pacemaker's resource sort): higher priority first; with a
 * placement strategy other than default, then the higher score on the node it runs on now, then the higher
 * score node by node; configuration order last.
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
        out.sort(Comparator.comparingInt((Rsc r) -> -priority[r.order])
                .thenComparingInt(r -> -currentScore[r.order])
                .thenComparing((a, b) -> {
                    int[] x = scores[a.order];
                    int[] y = scores[b.order];
                    for (int k = 0; k < n; k++) {
                        if (x[k] != y[k]) {
                            return Integer.compare(y[k], x[k]);
                        }
                    }
                    return 0;
                })
                .thenComparingInt(r -> r.order));
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
