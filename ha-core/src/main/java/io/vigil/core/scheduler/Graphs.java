package io.vigil.core.scheduler;

import io.vigil.core.model.Operation;
import io.vigil.core.model.Role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the transition graph: fencing, probes, every action that will run, recurring monitors for the new
 * placements, and the "runs after" edges (implicit per-resource ones, fencing before implied stops, probes
 * before starts, and every order edge between actions that both run). Edges that would close a cycle are
 * dropped, so the graph is always executable.
 */
final class Graphs {
    private Graphs() {
    }

    /**
     * The graph while it is built: one growing array per field (see {@link GraphColumns}) and the "runs after"
     * edges as (then, first) pairs in the order added.
     */
    private static final class Builder {
        int size;
        byte[] kind;
        int[] resource;
        int[] node;
        int[] info;
        final List<Duration> intervals = new ArrayList<>();
        final List<String> details = new ArrayList<>();
        int edgeCount;
        int[] edgeThen;
        int[] edgeFirst;

        Builder(int capacity, int edgeCapacity) {
            capacity = Math.max(16, capacity);
            edgeThen = new int[Math.max(16, edgeCapacity)];
            edgeFirst = new int[edgeThen.length];
            kind = new byte[capacity];
            resource = new int[capacity];
            node = new int[capacity];
            info = new int[capacity];
        }

        /** Adds an action; returns its id. */
        int add(ActionType type, int rsc, int nodeIndex, Duration interval, boolean runnable, String detail) {
            if (size == kind.length) {
                int c = size * 2;
                kind = Arrays.copyOf(kind, c);
                resource = Arrays.copyOf(resource, c);
                node = Arrays.copyOf(node, c);
                info = Arrays.copyOf(info, c);
            }
            int id = size++;
            kind[id] = GraphColumns.kind(type, runnable);
            resource[id] = rsc;
            node[id] = nodeIndex;
            if (detail == null && interval.isZero()) {
                info[id] = -1;
            } else {
                info[id] = intervals.size();
                intervals.add(interval);
                details.add(detail);
            }
            return id;
        }

        /** Reserves ids for a probe per node in {@code nodes} (ascending node indexes) of one resource. */
        void probes(int rsc, int[] nodes, int count) {
            if (size + count > kind.length) {
                int c = Math.max(size * 2, size + count);
                kind = Arrays.copyOf(kind, c);
                resource = Arrays.copyOf(resource, c);
                node = Arrays.copyOf(node, c);
                info = Arrays.copyOf(info, c);
            }
            byte k = GraphColumns.kind(ActionType.PROBE, true);
            int from = size;
            int to = size + count;
            Arrays.fill(kind, from, to, k);
            Arrays.fill(resource, from, to, rsc);
            System.arraycopy(nodes, 0, node, from, count);
            Arrays.fill(info, from, to, -1);
            size = to;
        }

        boolean runnable(int id) {
            return GraphColumns.runnable(kind[id]);
        }

        /** {@code then} runs after {@code first}. */
        void after(int then, int first) {
            if (edgeCount == edgeThen.length) {
                edgeThen = Arrays.copyOf(edgeThen, edgeCount * 2);
                edgeFirst = Arrays.copyOf(edgeFirst, edgeCount * 2);
            }
            edgeThen[edgeCount] = then;
            edgeFirst[edgeCount++] = first;
        }

        /**
         * Groups the edges by then-action (keeping the order added), drops repeats (keeping the first), drops the
         * edges that close a cycle, and sorts each action's prerequisites.
         */
        GraphColumns finish(String[] resourceNames, String[] nodeNames) {
            int[] start = new int[size + 1];
            for (int e = 0; e < edgeCount; e++) {
                start[edgeThen[e] + 1]++;
            }
            for (int i = 0; i < size; i++) {
                start[i + 1] += start[i];
            }
            int[] fill = Arrays.copyOf(start, size);
            int[] ids = new int[edgeCount];
            for (int e = 0; e < edgeCount; e++) {
                ids[fill[edgeThen[e]]++] = edgeFirst[e];
            }
            edgeThen = null;
            edgeFirst = null;
            // Drop repeats, keeping the first; count[i] = distinct prerequisites of i, from start[i].
            int[] count = fill; // reused: fill[i] == start[i + 1] now
            int[] seen = new int[size];
            for (int i = 0; i < size; i++) {
                int from = start[i];
                int to = start[i + 1];
                int k = from;
                int stamp = i + 1;
                for (int p = from; p < to; p++) {
                    int x = ids[p];
                    if (seen[x] != stamp) {
                        seen[x] = stamp;
                        ids[k++] = x;
                    }
                }
                count[i] = k - from;
            }
            breakCycles(size, start, count, ids);
            // Compact in place (writes never overtake reads), each action's list sorted.
            int w = 0;
            for (int i = 0; i < size; i++) {
                int from = start[i];
                int to = from + count[i];
                start[i] = w;
                int begin = w;
                for (int p = from; p < to; p++) {
                    if (ids[p] >= 0) {
                        ids[w++] = ids[p];
                    }
                }
                if (w - begin > 1) {
                    Arrays.sort(ids, begin, w);
                }
            }
            start[size] = w;
            return new GraphColumns(size, kind, resource, node, info, resourceNames, nodeNames,
                    intervals.toArray(new Duration[0]), details.toArray(new String[0]), start, ids);
        }
    }

    static TransitionGraph build(Cluster cluster, List<Orderings.Edge> edges) {
        int nodeCount = cluster.nodes.size();
        String[] nodeNames = new String[nodeCount];
        for (SchedNode n : cluster.nodes) {
            nodeNames[n.index] = n.name;
        }
        List<PrimitiveRsc> leaves = cluster.leaves;
        String[] leafIds = new String[leaves.size()];
        for (int i = 0; i < leafIds.length; i++) {
            leafIds[i] = leaves.get(i).id;
        }
        // Which nodes can be probed at all, ascending.
        int[] probeable = new int[nodeCount];
        int probeableCount = 0;
        for (SchedNode n : cluster.nodes) {
            if (n.online() && !n.fenced) {
                probeable[probeableCount++] = n.index;
            }
        }
        int probeCount = 0; // counted first, so the arrays are allocated once
        for (PrimitiveRsc leaf : leaves) {
            if (probed(leaf)) {
                java.util.BitSet known = leaf.known;
                for (int k = 0; k < probeableCount; k++) {
                    if (!known.get(probeable[k])) {
                        probeCount++;
                    }
                }
            }
        }
        Builder g = new Builder(nodeCount + probeCount + 3 * leaves.size(), probeCount + 3 * leaves.size());
        int[] fences = new int[nodeCount];
        Arrays.fill(fences, -1);
        for (SchedNode n : cluster.nodes) {
            if (n.fenced) {
                fences[n.index] = g.add(ActionType.FENCE, -1, n.index, Duration.ZERO, true,
                        cluster.config.properties().stonithAction().text());
            }
        }
        int[] probeFrom = new int[leaves.size()]; // leaf -> its probes' ids, from (incl.), to (excl.)
        int[] probeTo = new int[leaves.size()];
        int[] unknown = new int[nodeCount];
        for (int li = 0; li < leafIds.length; li++) {
            PrimitiveRsc leaf = leaves.get(li);
            if (!probed(leaf)) {
                continue;
            }
            java.util.BitSet known = leaf.known;
            int count = 0;
            for (int k = 0; k < probeableCount; k++) {
                int n = probeable[k];
                if (!known.get(n)) {
                    unknown[count++] = n;
                }
            }
            probeFrom[li] = g.size;
            g.probes(li, unknown, count);
            probeTo[li] = g.size;
        }
        for (int li = 0; li < leafIds.length; li++) {
            PrimitiveRsc leaf = leaves.get(li);
            if (leaf.demote != null && !leaf.demote.optional) {
                add(g, li, leaf.demote, ActionType.DEMOTE);
            }
            for (Act stop : leaf.stops) {
                if (!stop.optional) {
                    int s = add(g, li, stop, ActionType.STOP);
                    int f = stop.node == null ? -1 : fences[stop.node.index];
                    if (f >= 0) {
                        g.after(s, f);
                    }
                    if (leaf.demote != null && leaf.demote.graphId >= 0 && leaf.demote.node == stop.node) {
                        g.after(s, leaf.demote.graphId);
                    }
                }
            }
            int start = -1;
            if (leaf.start.node != null && !leaf.start.optional) {
                start = add(g, li, leaf.start, ActionType.START);
                for (Act stop : leaf.stops) {
                    if (stop.graphId >= 0) {
                        g.after(start, stop.graphId);
                    }
                }
                for (int p = probeFrom[li]; p < probeTo[li]; p++) {
                    g.after(start, p);
                }
            }
            int promote = -1;
            if (leaf.promote != null && !leaf.promote.optional) {
                promote = add(g, li, leaf.promote, ActionType.PROMOTE);
                if (start >= 0) {
                    g.after(promote, start);
                }
            }
            int last = promote >= 0 ? promote : start;
            if (leaf.demote != null && leaf.demote.graphId >= 0 && leaf.start.node == leaf.demote.node
                    && start < 0) {
                last = leaf.demote.graphId;
            }
            if (last >= 0 && g.runnable(last)) {
                Role role = leaf.role;
                for (Operation op : leaf.primitive.operations()) {
                    if (!op.name().equals("monitor") || !op.isRecurring() || !op.enabled()) {
                        continue;
                    }
                    Role opRole = op.role();
                    boolean matches = opRole == null || opRole == role
                            || opRole == Role.STARTED && role != Role.PROMOTED
                            || opRole == Role.UNPROMOTED && role == Role.STARTED;
                    if (!matches) {
                        continue;
                    }
                    int m = g.add(ActionType.MONITOR, li, leaf.start.node.index, op.interval(), true, null);
                    g.after(m, last);
                }
            }
        }
        int[] firsts = new int[16];
        int[] thens = new int[16];
        for (Orderings.Edge e : edges) {
            boolean perNode = Orderings.interleaved(e);
            firsts = realized(e.first(), firsts);
            int firstCount = firsts[0];
            if (firstCount == 0) {
                continue;
            }
            thens = realized(e.then(), thens);
            int thenCount = thens[0];
            for (int ti = 1; ti <= thenCount; ti++) {
                int t = thens[ti];
                for (int fi = 1; fi <= firstCount; fi++) {
                    int f = firsts[fi];
                    if (f != t && (!perNode || g.node[f] == g.node[t])) {
                        g.after(t, f);
                    }
                }
            }
        }
        return new TransitionGraph(g.finish(leafIds, nodeNames));
    }

    /** Whether the leaf gets probes: an anonymous clone is probed once per node, through its first instance. */
    private static boolean probed(PrimitiveRsc leaf) {
        CloneRsc clone = leaf.parentClone();
        return clone == null || clone.unique || isFirstInstanceLeaf(clone, leaf);
    }

    private static boolean isFirstInstanceLeaf(CloneRsc clone, PrimitiveRsc leaf) {
        Rsc first = clone.instances.get(0);
        return leaf == first || leaf.parent == first;
    }

    private static int add(Builder g, int li, Act a, ActionType type) {
        String detail = a.node != null && a.node.fenced && type == ActionType.STOP ? "implied by fencing" : a.reason;
        int id = g.add(type, li, a.node == null ? -1 : a.node.index, Duration.ZERO, a.runnable, detail);
        a.graphId = id;
        return id;
    }

    /** The graph ids of the actions a side of an edge stands for, into {@code out[1..out[0]]} (grown if needed). */
    private static int[] realized(Orderings.Ref ref, int[] out) {
        int k = 0;
        for (Rsc r : ref.rscs()) {
            for (PrimitiveRsc leaf : r.leaves()) {
                for (Act a : Orderings.actsOf(leaf, ref.task())) {
                    if (a.graphId >= 0) {
                        if (++k == out.length) {
                            out = Arrays.copyOf(out, out.length * 2);
                        }
                        out[k] = a.graphId;
                    }
                }
            }
        }
        out[0] = k;
        return out;
    }

    /**
     * Drops "after" entries that close a cycle (depth-first, in id order, so the result is deterministic): action
     * i's prerequisites are {@code ids[start[i] .. start[i] + count[i])}; a dropped one becomes -1.
     */
    private static void breakCycles(int size, int[] start, int[] count, int[] ids) {
        byte[] state = new byte[size];
        int[] stackNode = new int[64];
        int[] stackPos = new int[64];
        for (int root = 0; root < size; root++) {
            if (state[root] != 0) {
                continue;
            }
            if (count[root] == 0) {
                state[root] = 2; // no prerequisites: cannot be part of a cycle
                continue;
            }
            int depth = 0;
            stackNode[0] = root;
            stackPos[0] = 0;
            state[root] = 1;
            while (depth >= 0) {
                int n = stackNode[depth];
                if (stackPos[depth] >= count[n]) {
                    state[n] = 2;
                    depth--;
                    continue;
                }
                int pos = start[n] + stackPos[depth]++;
                int next = ids[pos];
                if (state[next] == 1) {
                    ids[pos] = -1; // a back edge: it would close a cycle (each edge is walked once)
                } else if (state[next] == 0) {
                    state[next] = 1;
                    if (++depth == stackNode.length) {
                        stackNode = Arrays.copyOf(stackNode, depth * 2);
                        stackPos = Arrays.copyOf(stackPos, depth * 2);
                    }
                    stackNode[depth] = next;
                    stackPos[depth] = 0;
                }
            }
        }
    }
}
