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
    private final Probes probes;
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
     * @param probes        the probes by resource, and the starts that run after them
     * @param kind          per slot: type ordinal, plus {@link #UNRUNNABLE}
     * @param resource      per slot: index into {@code resourceNames}, -1 for none
     * @param node          per slot: index into {@code nodeNames}, -1 for none
     * @param info          per slot: index into {@code intervals}/{@code details}, -1 for zero interval, no detail
     * @param afterStart    {@code slots + 1} offsets into {@code afterIds}; slot s's prerequisites (action ids) are
     *                      {@code afterIds[afterStart[s] .. afterStart[s + 1])}, ascending, plus the probes of
     *                      its resource when it is a start (see {@link Probes})
     */
    GraphColumns(int slots, int probeBase, int probeCount, Probes probes, byte[] kind,
                 int[] resource, int[] node, int[] info, int[] afterStart, int[] afterIds, String[] resourceNames,
                 String[] nodeNames, Duration[] intervals, String[] details) {
        this.size = slots + probeCount;
        this.probeBase = probeBase;
        this.probeCount = probeCount;
        this.probes = probes;
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
            int b = Probes.floor(probes.blockStart, probes.blockCount, i);
            return new GraphAction(i, ActionType.PROBE, resourceNames[probes.blockResource[b]],
                    nodeNames[probes.blockNodes[b][i - probes.blockStart[b]]], Duration.ZERO, List.of(), true, null);
        }
        int s = p < 0 ? i : i - probeCount;
        int k = kind[s];
        int r = resource[s];
        int n = node[s];
        int x = info[s];
        int from = afterStart[s];
        int to = afterStart[s + 1];
        int range = Probes.floor(probes.rangeSlot, probes.rangeCount, s);
        int rangeFrom = 0;
        int rangeLength = 0;
        if (range >= 0 && probes.rangeSlot[range] == s) {
            rangeFrom = probes.rangeFrom[range];
            rangeLength = probes.rangeLength[range];
        }
        List<Integer> after = from == to && rangeLength == 0 ? List.of()
                : new Ids(afterIds, from, to, rangeFrom, rangeLength);
        return new GraphAction(i, TYPES[k & ~UNRUNNABLE], r < 0 ? null : resourceNames[r], n < 0 ? null : nodeNames[n],
                x < 0 ? Duration.ZERO : intervals[x], after, (k & UNRUNNABLE) == 0, x < 0 ? null : details[x]);
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * The probes, one block of consecutive ids per probed resource (its node list often shared between blocks: from
     * scratch every resource is probed on the same nodes), and the starts that run after their resource's block.
     */
    static final class Probes {
        int blockCount;
        /** Per block: the first probe's id (ascending), the resource index, the node indexes in id order. */
        int[] blockStart;
        int[] blockResource;
        int[][] blockNodes;
        int rangeCount;
        /** Per start that runs after probes: its slot (ascending), the first probe's id, how many. */
        int[] rangeSlot = new int[16];
        int[] rangeFrom = new int[16];
        int[] rangeLength = new int[16];

        Probes(int maxBlocks) {
            blockStart = new int[maxBlocks];
            blockResource = new int[maxBlocks];
            blockNodes = new int[maxBlocks][];
        }

        void block(int firstId, int resource, int[] nodes) {
            blockStart[blockCount] = firstId;
            blockResource[blockCount] = resource;
            blockNodes[blockCount++] = nodes;
        }

        void range(int slot, int firstId, int length) {
            if (rangeCount == rangeSlot.length) {
                rangeSlot = Arrays.copyOf(rangeSlot, rangeCount * 2);
                rangeFrom = Arrays.copyOf(rangeFrom, rangeCount * 2);
                rangeLength = Arrays.copyOf(rangeLength, rangeCount * 2);
            }
            rangeSlot[rangeCount] = slot;
            rangeFrom[rangeCount] = firstId;
            rangeLength[rangeCount++] = length;
        }

        /** The last position in {@code sorted[0 .. count)} whose value is at most {@code key}, or -1. */
        static int floor(int[] sorted, int count, int key) {
            int p = Arrays.binarySearch(sorted, 0, count, key);
            return p >= 0 ? p : -p - 2;
        }
    }

    /**
     * The prerequisites of one action: a read-only window on the shared id array, with a block of consecutive probe
     * ids inserted where they sort. Immutable, so {@link GraphAction} keeps it without copying.
     */
    static final class Ids extends AbstractList<Integer> implements RandomAccess {
        private final int[] ids;
        private final int from;
        private final int to;
        private final int rangeFrom;
        private final int rangeLength;
        /** Position in {@code ids} before which the range goes. */
        private final int split;

        Ids(int[] ids, int from, int to, int rangeFrom, int rangeLength) {
            this.ids = ids;
            this.from = from;
            this.to = to;
            this.rangeFrom = rangeFrom;
            this.rangeLength = rangeLength;
            int p = Arrays.binarySearch(ids, from, to, rangeFrom);
            this.split = p >= 0 ? p : -p - 1;
        }

        @Override
        public Integer get(int i) {
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException(i);
            }
            int k = from + i;
            if (k < split) {
                return ids[k];
            }
            if (k < split + rangeLength) {
                return rangeFrom + k - split;
            }
            return ids[k - rangeLength];
        }

        @Override
        public int size() {
            return to - from + rangeLength;
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(o) >= 0;
        }

        @Override
        public int indexOf(Object o) {
            if (!(o instanceof Integer x)) {
                return -1;
            }
            if (x >= rangeFrom && x < rangeFrom + rangeLength) {
                return split - from + x - rangeFrom;
            }
            int p = Arrays.binarySearch(ids, from, to, x); // ascending
            if (p < 0) {
                return -1;
            }
            return p < split ? p - from : p - from + rangeLength;
        }

        @Override
        public int lastIndexOf(Object o) {
            return indexOf(o); // no repeats
        }
    }
}
