package io.vigil.core.scheduler;

import java.time.Duration;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * {@link TransitionGraph#actions()} as the scheduler builds it: one primitive array per field instead of one
 * object per action (from scratch almost every action is a probe, a million of them on a large cluster), with each
 * {@link GraphAction} made on access. Resource and node names are indexes into shared name tables, the rare
 * interval or detail an index into a side table, and the prerequisites of all actions one int array cut by
 * offsets. Immutable once built, so safe to share between threads; {@link #get} returns equal (not identical)
 * records on repeated calls.
 */
final class GraphColumns extends AbstractList<GraphAction> implements RandomAccess {
    private static final ActionType[] TYPES = ActionType.values();
    /** Flag in {@link #kind}, beside the type's ordinal in the low bits. */
    private static final int UNRUNNABLE = 0x40;

    private final int size;
    private final byte[] kind;
    private final int[] resource;
    private final int[] node;
    private final int[] info;
    private final String[] resourceNames;
    private final String[] nodeNames;
    private final Duration[] intervals;
    private final String[] details;
    private final int[] afterStart;
    private final int[] afterIds;

    /**
     * Takes the arrays as they are (no copies: the builder hands them over and keeps no reference).
     *
     * @param size          number of actions; the per-action arrays may be longer
     * @param kind          per action: type ordinal, plus {@link #UNRUNNABLE}
     * @param resource      per action: index into {@code resourceNames}, -1 for none
     * @param node          per action: index into {@code nodeNames}, -1 for none
     * @param info          per action: index into {@code intervals}/{@code details}, -1 for zero interval, no detail
     * @param afterStart    {@code size + 1} offsets into {@code afterIds}; action i's prerequisites are
     *                      {@code afterIds[afterStart[i] .. afterStart[i + 1])}, ascending
     */
    GraphColumns(int size, byte[] kind, int[] resource, int[] node, int[] info, String[] resourceNames,
                 String[] nodeNames, Duration[] intervals, String[] details, int[] afterStart, int[] afterIds) {
        this.size = size;
        this.kind = kind;
        this.resource = resource;
        this.node = node;
        this.info = info;
        this.resourceNames = resourceNames;
        this.nodeNames = nodeNames;
        this.intervals = intervals;
        this.details = details;
        this.afterStart = afterStart;
        this.afterIds = afterIds;
    }

    static byte kind(ActionType type, boolean runnable) {
        return (byte) (type.ordinal() | (runnable ? 0 : UNRUNNABLE));
    }

    static boolean runnable(byte kind) {
        return (kind & UNRUNNABLE) == 0;
    }

    @Override
    public GraphAction get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("action id " + i + " (graph of " + size + " actions)");
        }
        int k = kind[i];
        int r = resource[i];
        int n = node[i];
        int x = info[i];
        int from = afterStart[i];
        int to = afterStart[i + 1];
        List<Integer> after = from == to ? List.of() : new Ids(afterIds, from, to);
        return new GraphAction(i, TYPES[k & ~UNRUNNABLE], r < 0 ? null : resourceNames[r], n < 0 ? null : nodeNames[n],
                x < 0 ? Duration.ZERO : intervals[x], after, (k & UNRUNNABLE) == 0, x < 0 ? null : details[x]);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof GraphColumns g)) {
            return super.equals(o);
        }
        if (g.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (kind[i] != g.kind[i] || !get(i).equals(g.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /**
     * The prerequisites of one action: a read-only window on the shared id array. Immutable, so
     * {@link GraphAction} keeps it without copying.
     */
    static final class Ids extends AbstractList<Integer> implements RandomAccess {
        private final int[] ids;
        private final int from;
        private final int to;

        Ids(int[] ids, int from, int to) {
            this.ids = ids;
            this.from = from;
            this.to = to;
        }

        @Override
        public Integer get(int i) {
            if (i < 0 || i >= to - from) {
                throw new IndexOutOfBoundsException(i);
            }
            return ids[from + i];
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Integer x)) {
                return false;
            }
            return Arrays.binarySearch(ids, from, to, x) >= 0; // ascending
        }

        @Override
        public int indexOf(Object o) {
            if (!(o instanceof Integer x)) {
                return -1;
            }
            int p = Arrays.binarySearch(ids, from, to, x);
            return p >= 0 ? p - from : -1;
        }

        @Override
        public int lastIndexOf(Object o) {
            return indexOf(o); // no repeats
        }
    }
}
