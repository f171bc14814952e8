package io.vigil.core.scheduler;

import io.vigil.core.model.Score;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed one resource's node scores, for "why is X on node2?": a log in the order the changes were made,
 * turned into per-node texts only when the score report is read. A colocation changes a resource's score on
 * most nodes at once, so it is logged as one entry holding the scores before and after, not an entry per node.
 */
final class ScoreReasons {
    private sealed interface Entry permits Contribution, Changes {
    }

    /** {@code cause} added {@code score} on one node ({@code location l1: +100}). */
    private record Contribution(int node, Object cause, int score) implements Entry {
    }

    /** {@code cause} set the scores to {@code after} on every node where they differ from {@code before}. */
    private record Changes(Object cause, int[] before, int[] after) implements Entry {
    }

    private final List<Entry> log = new ArrayList<>(4);

    /**
     * Records that {@code cause} added {@code score} on a node.
     *
     * @param cause a String, or an object whose {@code toString()} is the text (made only when the report is read)
     */
    void contribution(int node, Object cause, int score) {
        log.add(new Contribution(node, cause, score));
    }

    /**
     * Records that {@code cause} changed the scores from {@code before} to {@code after} ({@code why: 0 ->
     * -INFINITY} on each node where they differ). The arrays are kept, so neither may change afterwards.
     */
    void changes(Object cause, int[] before, int[] after) {
        log.add(new Changes(cause, before, after));
    }

    /** The texts by node index, in the order recorded; an entry is null where nothing was recorded. */
    List<String>[] textsByNode(int nodeCount) {
        @SuppressWarnings("unchecked")
        List<String>[] out = new List[nodeCount];
        for (Entry e : log) {
            if (e instanceof Contribution c) {
                add(out, c.node(), c.cause() + ": " + Score.toString(c.score()));
            } else if (e instanceof Changes c) {
                for (int n = 0; n < nodeCount; n++) {
                    int old = c.before()[n];
                    int now = c.after()[n];
                    if (old != now) {
                        add(out, n, c.cause() + ": " + (old == Rsc.UNSET ? "" : Score.toString(old) + " -> ")
                                + Score.toString(now));
                    }
                }
            }
        }
        return out;
    }

    private static void add(List<String>[] out, int node, String text) {
        if (out[node] == null) {
            out[node] = new ArrayList<>(2);
        }
        out[node].add(text);
    }
}
