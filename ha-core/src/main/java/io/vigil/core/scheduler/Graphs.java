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
     * The graph while it is built (see {@link GraphColumns}): the probes in one block of ids, every other action in
     * a slot with one growing array per field, and the "runs after" edges between slots as pairs in the order
     * added. Probes have no prerequisites and are only ever prerequisites of their resource's start, so they take
     * no part in dropping repeats and cycles: a start just remembers its resource's block.
     */
    private static final class Builder {
        int slots;
        byte[] kind;
        int[] resource;
        int[] node;
        int[] info;
        final List<Duration> intervals = new ArrayList<>();
        final List<String> details = new ArrayList<>();
        int probeBase = -1;
        int probeCount;
        GraphColumns.Probes probes;
        int edgeCount;
        int[] edgeThen = new int[256];
        int[] edgeFirst = new int[256];

        Builder(int capacity) {
            capacity = Math.max(16, capacity);
            kind = new byte[capacity];
            resource = new int[capacity];
            node = new int[capacity];
            info = new int[capacity];
        }

        /** Adds an action that is not a probe; returns its slot. */
        int add(ActionType type, int rsc, int nodeIndex, Duration interval, boolean runnable, String detail) {
            if (slots == kind.length) {
                int c = slots * 2;
                kind = Arrays.copyOf(kind, c);
                resource = Arrays.copyOf(resource, c);
                node = Arrays.copyOf(node, c);
                info = Arrays.copyOf(info, c);
            }
            int slot = slots++;
            kind[slot] = GraphColumns.kind(type, runnable);
            resource[slot] = rsc;
            node[slot] = nodeIndex;
            if (detail == null && interval.isZero()) {
                info[slot] = -1;
            } else {
                info[slot] = intervals.size();
                intervals.add(interval);
                details.add(detail);
            }
            return slot;
        }

        /** Starts the probes: at most {@code maxBlocks} resources, ids from the next free one. */
        void beginProbes(int maxBlocks) {
            probeBase = slots;
            probes = new GraphColumns.Probes(maxBlocks);
        }

        /**
         * Adds a probe of resource {@code rsc} per node in {@code nodes} (kept, not copied); returns the first one's
         * id.
         */
        int probes(int rsc, int[] nodes) {
            int first = probeBase + probeCount;
            probes.block(first, rsc, nodes);
            probeCount += nodes.length;
            return first;
        }

        /** The action id of a slot. */
        int id(int slot) {
            return slot < probeBase ? slot : slot + probeCount;
        }

        boolean runnable(int slot) {
            return GraphColumns.runnable(kind[slot]);
        }

        /** Slot {@code then} runs after slot {@code first}. */
        void after(int then, int first) {
            if (edgeCount == edgeThen.length) {
                edgeThen = Arrays.copyOf(edgeThen, edgeCount * 2);
                edgeFirst = Arrays.copyOf(edgeFirst, edgeCount * 2);
            }
            edgeThen[edgeCount] = then;
            edgeFirst[edgeCount++] = first;
        }

        /** Slot {@code then} (the last one added) runs after the probes with ids {@code from .. to}. */
        void afterProbes(int then, int from, int to) {
            probes.range(then, from, to - from);
        }

        /**
         * Groups the edges by then-action (keeping the order added), drops repeats (keeping the first), drops the
         * edges that close a cycle, and sorts each action's prerequisites, turning slots into ids.
         */
        GraphColumns finish(String[] resourceNames, String[] nodeNames) {
            int n = slots;
            if (probeBase < 0) {
                beginProbes(0);
            }
            int[] start = new int[n + 1];
            for (int e = 0; e < edgeCount; e++) {
                start[edgeThen[e] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                start[i + 1] += start[i];
            }
            int[] fill = Arrays.copyOf(start, n);
            int[] ids = new int[edgeCount];
            for (int e = 0; e < edgeCount; e++) {
                ids[fill[edgeThen[e]]++] = edgeFirst[e];
            }
            edgeThen = null;
            edgeFirst = null;
            // Drop repeats, keeping the first; count[i] = distinct prerequisites of i, from start[i].
            int[] count = fill; // reused: fill[i] == start[i + 1] now
            int[] seen = new int[n];
            for (int i = 0; i < n; i++) {
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
            breakCycles(n, start, count, ids);
            // Each slot's prerequisites as ids, ascending (its probes, when it has some, are added when read).
            int[] afterStart = new int[n + 1];
            int w = 0;
            for (int i = 0; i < n; i++) {
                int from = start[i];
                int to = from + count[i];
                afterStart[i] = w;
                int begin = w;
                for (int p = from; p < to; p++) {
                    if (ids[p] >= 0) {
                        ids[w++] = id(ids[p]); // in place: writes never overtake reads
                    }
                }
                if (w - begin > 1) {
                    Arrays.sort(ids, begin, w);
                }
            }
            afterStart[n] = w;
            return new GraphColumns(n, probeBase, probeCount, probes, kind, resource, node, info, afterStart, ids,
                    resourceNames, nodeNames, intervals.toArray(new Duration[0]),
                    details.toArray(new String[0]));
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
        Builder g = new Builder(nodeCount + 3 * leaves.size());
        int[] fences = new int[nodeCount];
        Arrays.fill(fences, -1);
        for (SchedNode n : cluster.nodes) {
            if (n.fenced) {
                fences[n.index] = g.add(ActionType.FENCE, -1, n.index, Duration.ZERO, true,
                        cluster.config.properties().stonithAction().text());
            }
        }
        // Probes: every probed leaf on every node that can be probed and whose state for it is not known.
        SchedNode[] probeableNodes = new SchedNode[probeableCount];
        for (int p = 0; p < probeableCount; p++) {
            probeableNodes[p] = cluster.nodes.get(probeable[p]);
        }
        long[] probeableMask = cluster.nodeMask(probeableNodes);
        int[] probeFrom = new int[leaves.size()]; // leaf -> its probes' ids, from (incl.), to (excl.)
        int[] probeTo = new int[leaves.size()];
        g.beginProbes(leaves.size());
        int[] unknown = new int[nodeCount];
        int[] allProbeable = Arrays.copyOf(probeable, probeableCount); // shared by every block that probes them all
        for (int li = 0; li < leafIds.length; li++) {
            PrimitiveRsc leaf = leaves.get(li);
            if (!probed(leaf)) {
                continue;
            }
            if (cluster.knownOnAll(leaf, probeableMask)) {
                continue; // the common case once a cluster has run: one look at a few words
            }
            int count = 0;
            for (SchedNode n : probeableNodes) {
                if (!cluster.isKnown(leaf, n)) {
                    unknown[count++] = n.index;
                }
            }
            if (count == 0) {
                continue;
            }
            probeFrom[li] = g.probes(li, count == probeableCount ? allProbeable : Arrays.copyOf(unknown, count));
            probeTo[li] = probeFrom[li] + count;
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
                if (probeTo[li] > probeFrom[li]) {
                    g.afterProbes(start, probeFrom[li], probeTo[li]);
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
                    if (!monitors(op, role)) {
                        continue;
                    }
                    int m = g.add(ActionType.MONITOR, li, leaf.start.node.index, op.interval(), true, null);
                    g.after(m, last);
                }
            }
            if (leaf.definitionChanges != null && last < 0) {
                definitionChanges(g, cluster, li, leaf);
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

    /**
     * A leaf that stays where it runs with a changed definition: the agent reloads its parameters, and recurring
     * monitors whose parameters changed are scheduled again (the new one replaces the old, as in Pacemaker).
     */
    private static void definitionChanges(Builder g, Cluster cluster, int li, PrimitiveRsc leaf) {
        SchedNode here = leaf.start.node;
        if (here == null || leaf.currentOn(here) == null || !leaf.actionable() || cluster.maintenanceMode) {
            return;
        }
        if (leaf.definitionChanges.reloadsOn(here) && leaf.start.runnable) {
            // After a reload every recurring monitor of the role starts again, with the new parameters.
            int reload = g.add(ActionType.RELOAD, li, here.index, Duration.ZERO, true, Digests.REASON);
            for (Operation op : leaf.primitive.operations()) {
                if (monitors(op, leaf.role)) {
                    g.after(g.add(ActionType.MONITOR, li, here.index, op.interval(), true, Digests.REASON), reload);
                }
            }
            return;
        }
        for (Digests.Recurring r : leaf.definitionChanges.reschedule) {
            if (r.node() == here) {
                g.add(ActionType.MONITOR, li, here.index, r.interval(), true, Digests.REASON);
            }
        }
    }

    /** Whether a configured operation is a recurring monitor the leaf runs in this role. */
    private static boolean monitors(Operation op, Role role) {
        if (!op.name().equals("monitor") || !op.isRecurring() || !op.enabled()) {
            return false;
        }
        Role opRole = op.role();
        return opRole == null || opRole == role || opRole == Role.STARTED && role != Role.PROMOTED
                || opRole == Role.UNPROMOTED && role == Role.STARTED;
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

    /** Adds the action of an {@link Act} and records its slot in {@link Act#graphId}; returns the slot. */
    private static int add(Builder g, int li, Act a, ActionType type) {
        String detail = a.node != null && a.node.fenced && type == ActionType.STOP ? "implied by fencing" : a.reason;
        int slot = g.add(type, li, a.node == null ? -1 : a.node.index, Duration.ZERO, a.runnable, detail);
        a.graphId = slot;
        return slot;
    }

    /** The graph slots of the actions a side of an edge stands for, into {@code out[1..out[0]]} (grown if needed). */
    private static int[] realized(Orderings.Ref ref, int[] out) {
        int k = 0;
        boolean stops = ref.task().equals("stop");
        for (Rsc r : ref.rscs()) {
            List<PrimitiveRsc> leaves = r.leaves();
            for (int li = 0; li < leaves.size(); li++) { // indexed: no iterator per edge side and leaf
                PrimitiveRsc leaf = leaves.get(li);
                if (stops) { // as Orderings.actsOf, without a list per leaf
                    for (Act a : leaf.stops) {
                        if (a.graphId >= 0) {
                            out = append(out, ++k, a.graphId);
                        }
                    }
                } else {
                    Act a = Actions.of(leaf, ref.task());
                    if (a != null && a.graphId >= 0) {
                        out = append(out, ++k, a.graphId);
                    }
                }
            }
        }
        out[0] = k;
        return out;
    }

    private static int[] append(int[] out, int k, int value) {
        if (k == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[k] = value;
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
