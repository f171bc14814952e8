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
    /** Probes are the ids {@code probeBase .. probeBase + probeCount}; they have no prerequisites. */
    private final int probeBase;
    private final int probeCount;
    private final int[] probeResource;
    private final int[] probeNode;
    /** The other actions, by slot: the id below the probes, the id minus {@link #probeCount} above them. */
    private final byte[] kind;
    private final int[] resource;
    private final int[] node;
    private final int[] info;
    private final int[] afterStart;
    private final int[] afterIds;
    private final String[] resourceNames;
    private final String[] nodeNames;
    private final Duration[] intervals;
    private final String[] details;

    /**
     * Takes the arrays as they are (no copies: the builder hands them over and keeps no reference).
     *
     * @param slots         number of actions that are not probes; the per-slot arrays may be longer
     * @param probeBase     id of the first probe
     * @param probeCount    number of probes
     * @param probeResource per probe: index into {@code resourceNames}
     * @param probeNode     per probe: index into {@code nodeNames}
     * @param kind          per slot: type ordinal, plus {@link #UNRUNNABLE}
     * @param resource      per slot: index into {@code resourceNames}, -1 for none
     * @param node          per slot: index into {@code nodeNames}, -1 for none
     * @param info          per slot: index into {@code intervals}/{@code details}, -1 for zero interval, no detail
     * @param afterStart    {@code slots + 1} offsets into {@code afterIds}; slot s's prerequisites (action ids) are
     *                      {@code afterIds[afterStart[s] .. afterStart[s + 1])}, ascending
     */
    GraphColumns(int slots, int probeBase, int probeCount, int[] probeResource, int[] probeNode, byte[] kind,
                 int[] resource, int[] node, int[] info, int[] afterStart, int[] afterIds, String[] resourceNames,
                 String[] nodeNames, Duration[] intervals, String[] details) {
        this.size = slots + probeCount;
        this.probeBase = probeBase;
        this.probeCount = probeCount;
        this.probeResource = probeResource;
        this.probeNode = probeNode;
        this.kind = kind;
        this.resource = resource;
        this.node = node;
        this.info = info;
        this.afterStart = afterStart;
        this.afterIds = afterIds;
        this.resourceNames = resourceNames;
        this.nodeNames = nodeNames;
        this.intervals = intervals;
        this.details = details;
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
        int p = i - probeBase;
        if (p >= 0 && p < probeCount) {
            return new GraphAction(i, ActionType.PROBE, resourceNames[probeResource[p]], nodeNames[probeNode[p]],
                    Duration.ZERO, List.of(), true, null);
        }
        int s = p < 0 ? i : i - probeCount;
        int k = kind[s];
        int r = resource[s];
        int n = node[s];
        int x = info[s];
        int from = afterStart[s];
        int to = afterStart[s + 1];
        List<Integer> after = from == to ? List.of() : new Ids(afterIds, from, to);
        return new GraphAction(i, TYPES[k & ~UNRUNNABLE], r < 0 ? null : resourceNames[r], n < 0 ? null : nodeNames[n],
                x < 0 ? Duration.ZERO : intervals[x], after, (k & UNRUNNABLE) == 0, x < 0 ? null : details[x]);
    }

    @Override
    public int size() {
        return size;
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
