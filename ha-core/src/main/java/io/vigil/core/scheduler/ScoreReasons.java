package io.vigil.core.scheduler;

import io.vigil.core.model.Score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What changed one resource's node scores, for "why is X on node2?": a log in the order the changes were made,
 * kept in flat arrays and turned into per-node texts only when the score report is read. A colocation changes a
 * resource's score on most nodes, so an object and a list per node and change would be most of the run's garbage.
 */
final class ScoreReasons {
    /** {@link #before} of a contribution (a score added, not a score replaced). */
    private static final int CONTRIBUTION = Integer.MIN_VALUE + 1;

    private int size;
    private int[] node = new int[4];
    /** The cause: a String, or an object whose {@code toString()} is the text. */
    private Object[] why = new Object[4];
    /** The score before a change, {@link Rsc#UNSET} when there was none, or {@link #CONTRIBUTION}. */
    private int[] before = new int[4];
    /** The score after a change, or the score a contribution added. */
    private int[] after = new int[4];

    /** Records that {@code why} added {@code score} on a node ({@code location l1: +100}). */
    void contribution(int nodeIndex, Object cause, int score) {
        add(nodeIndex, cause, CONTRIBUTION, score);
    }

    /** Records that {@code why} changed a node's score from {@code old} to {@code now} ({@code why: 0 -> -INFINITY}). */
    void change(int nodeIndex, Object cause, int old, int now) {
        add(nodeIndex, cause, old, now);
    }

    private void add(int nodeIndex, Object cause, int b, int a) {
        if (size == node.length) {
            int grown = size * 2;
            node = Arrays.copyOf(node, grown);
            why = Arrays.copyOf(why, grown);
            before = Arrays.copyOf(before, grown);
            after = Arrays.copyOf(after, grown);
        }
        node[size] = nodeIndex;
        why[size] = cause;
        before[size] = b;
        after[size] = a;
        size++;
    }

    /** The texts by node index, in the order recorded; an entry is null where nothing was recorded. */
    List<String>[] textsByNode(int nodeCount) {
        @SuppressWarnings("unchecked")
        List<String>[] out = new List[nodeCount];
        for (int i = 0; i < size; i++) {
            List<String> texts = out[node[i]];
            if (texts == null) {
                texts = new ArrayList<>(2);
                out[node[i]] = texts;
            }
            texts.add(text(i));
        }
        return out;
    }

    private String text(int i) {
        String cause = why[i].toString();
        if (before[i] == CONTRIBUTION) {
            return cause + ": " + Score.toString(after[i]);
        }
        return cause + ": " + (before[i] == Rsc.UNSET ? "" : Score.toString(before[i]) + " -> ")
                + Score.toString(after[i]);
    }
}
