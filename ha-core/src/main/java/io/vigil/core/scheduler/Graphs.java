package io.vigil.core.scheduler;

import io.vigil.core.model.Operation;
import io.vigil.core.model.Role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the transition graph: fencing, probes, every action that will run, recurring monitors for the new
 * placements, and the "runs after" edges (implicit per-resource ones, fencing before implied stops, probes
 * before starts, and every order edge between actions that both run). Edges that would close a cycle are
 * dropped, so the graph is always executable.
 */
final class Graphs {
    private Graphs() {
    }

    private static final class Node {
        final int id;
        final ActionType type;
        final String resource;
        final String node;
        final Duration interval;
        final boolean runnable;
        final String detail;
        /**
         * Prerequisites in the order added, possibly with repeats until {@link #dedup} (created on the first edge;
         * most probes have none); an entry of -1 is a dropped edge.
         */
        int[] after;
        int afterCount;

        void addAfter(int id) {
            if (after == null) {
                after = new int[4];
            } else if (afterCount == after.length) {
                after = java.util.Arrays.copyOf(after, afterCount * 2);
            }
            after[afterCount++] = id;
        }

        /** Drops repeated prerequisites, keeping the first of each ({@code seen}: scratch, stamped with the id). */
        void dedup(int[] seen) {
            int stamp = id + 1;
            int k = 0;
            for (int i = 0; i < afterCount; i++) {
                int x = after[i];
                if (seen[x] != stamp) {
                    seen[x] = stamp;
                    after[k++] = x;
                }
            }
            afterCount = k;
        }

        Node(int id, ActionType type, String resource, String node, Duration interval, boolean runnable,
             String detail) {
            this.id = id;
            this.type = type;
            this.resource = resource;
            this.node = node;
            this.interval = interval;
            this.runnable = runnable;
            this.detail = detail;
        }
    }

    static TransitionGraph build(Cluster cluster, List<Orderings.Edge> edges) {
        List<Node> nodes = new ArrayList<>();
        Map<Act, Node> byAct = new IdentityHashMap<>();
        Map<SchedNode, Node> fences = new IdentityHashMap<>();
        for (SchedNode n : cluster.nodes) {
            if (n.fenced) {
                Node f = new Node(nodes.size(), ActionType.FENCE, null, n.name, Duration.ZERO, true,
                        cluster.config.properties().stonithAction().text());
                nodes.add(f);
                fences.put(n, f);
            }
        }
        Map<PrimitiveRsc, int[]> probes = new IdentityHashMap<>(); // leaf -> its probes' ids, from (incl.), to (excl.)
        for (PrimitiveRsc leaf : cluster.leaves) {
            CloneRsc clone = leaf.parentClone();
            if (clone != null && !clone.unique && !isFirstInstanceLeaf(clone, leaf)) {
                continue; // an anonymous clone is probed once per node, through its first instance
            }
            int from = nodes.size();
            for (SchedNode n : cluster.nodes) {
                if (n.online() && !n.fenced && !cluster.isKnown(leaf, n)) {
                    Node p = new Node(nodes.size(), ActionType.PROBE, leaf.id, n.name, Duration.ZERO, true, null);
                    nodes.add(p);
                }
            }
            if (nodes.size() > from) {
                probes.put(leaf, new int[] {from, nodes.size()});
            }
        }
        for (PrimitiveRsc leaf : cluster.leaves) {
            if (leaf.demote != null && !leaf.demote.optional) {
                add(nodes, byAct, leaf.demote, ActionType.DEMOTE);
            }
            for (Act stop : leaf.stops) {
                if (!stop.optional) {
                    Node s = add(nodes, byAct, stop, ActionType.STOP);
                    Node f = fences.get(stop.node);
                    if (f != null) {
                        s.addAfter(f.id);
                    }
                    if (leaf.demote != null && byAct.containsKey(leaf.demote) && leaf.demote.node == stop.node) {
                        s.addAfter(byAct.get(leaf.demote).id);
                    }
                }
            }
            Node start = null;
            if (leaf.start.node != null && !leaf.start.optional) {
                start = add(nodes, byAct, leaf.start, ActionType.START);
                for (Act stop : leaf.stops) {
                    Node s = byAct.get(stop);
                    if (s != null) {
                        start.addAfter(s.id);
                    }
                }
                int[] range = probes.get(leaf);
                if (range != null) {
                    for (int p = range[0]; p < range[1]; p++) {
                        start.addAfter(p);
                    }
                }
            }
            Node promote = null;
            if (leaf.promote != null && !leaf.promote.optional) {
                promote = add(nodes, byAct, leaf.promote, ActionType.PROMOTE);
                if (start != null) {
                    promote.addAfter(start.id);
                }
            }
            Node last = promote != null ? promote : start;
            if (leaf.demote != null && byAct.containsKey(leaf.demote) && leaf.start.node == leaf.demote.node
                    && start == null) {
                last = byAct.get(leaf.demote);
            }
            if (last != null && last.runnable) {
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
                    Node m = new Node(nodes.size(), ActionType.MONITOR, leaf.id, leaf.start.node.name,
                            op.interval(), true, null);
                    m.addAfter(last.id);
                    nodes.add(m);
                }
            }
        }
        for (Orderings.Edge e : edges) {
            boolean perNode = Orderings.interleaved(e);
            List<Node> firsts = realized(e.first(), byAct);
            if (firsts.isEmpty()) {
                continue;
            }
            List<Node> thens = realized(e.then(), byAct);
            for (Node t : thens) {
                for (Node f : firsts) {
                    if (f != t && (!perNode || f.node.equals(t.node))) {
                        t.addAfter(f.id);
                    }
                }
            }
        }
        int[] seen = new int[nodes.size()];
        for (Node n : nodes) {
            if (n.after != null) {
                n.dedup(seen);
            }
        }
        breakCycles(nodes);
        List<GraphAction> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            List<Integer> after;
            if (n.after == null || n.afterCount == 0) {
                after = List.of();
            } else {
                int[] ids = new int[n.afterCount];
                int k = 0;
                for (int i = 0; i < n.afterCount; i++) {
                    if (n.after[i] >= 0) {
                        ids[k++] = n.after[i];
                    }
                }
                java.util.Arrays.sort(ids, 0, k);
                Integer[] boxed = new Integer[k];
                for (int i = 0; i < k; i++) {
                    boxed[i] = ids[i];
                }
                after = java.util.Arrays.asList(boxed);
            }
            out.add(new GraphAction(n.id, n.type, n.resource, n.node, n.interval, after, n.runnable, n.detail));
        }
        return new TransitionGraph(out);
    }

    private static boolean isFirstInstanceLeaf(CloneRsc clone, PrimitiveRsc leaf) {
        Rsc first = clone.instances.get(0);
        return leaf == first || leaf.parent == first;
    }

    private static Node add(List<Node> nodes, Map<Act, Node> byAct, Act a, ActionType type) {
        String detail = a.node != null && a.node.fenced && type == ActionType.STOP ? "implied by fencing" : a.reason;
        Node n = new Node(nodes.size(), type, a.leaf.id, a.node == null ? null : a.node.name, Duration.ZERO,
                a.runnable, detail);
        nodes.add(n);
        byAct.put(a, n);
        return n;
    }

    private static List<Node> realized(Orderings.Ref ref, Map<Act, Node> byAct) {
        List<Node> out = new ArrayList<>();
        for (Rsc r : ref.rscs()) {
            for (PrimitiveRsc leaf : r.leaves()) {
                for (Act a : Orderings.actsOf(leaf, ref.task())) {
                    Node n = byAct.get(a);
                    if (n != null) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }

    /** Drops "after" entries that close a cycle (depth-first, in id order, so the result is deterministic). */
    private static void breakCycles(List<Node> nodes) {
        int size = nodes.size();
        byte[] state = new byte[size];
        int[] stackNode = null;
        int[] stackPos = null;
        for (int start = 0; start < size; start++) {
            if (state[start] != 0) {
                continue;
            }
            if (nodes.get(start).after == null) {
                state[start] = 2; // no prerequisites: cannot be part of a cycle
                continue;
            }
            if (stackNode == null) {
                stackNode = new int[size];
                stackPos = new int[size];
            }
            int depth = 0;
            stackNode[0] = start;
            stackPos[0] = 0;
            state[start] = 1;
            while (depth >= 0) {
                int n = stackNode[depth];
                Node node = nodes.get(n);
                if (stackPos[depth] >= node.afterCount) {
                    state[n] = 2;
                    depth--;
                    continue;
                }
                int pos = stackPos[depth]++;
                int next = node.after[pos];
                if (state[next] == 1) {
                    node.after[pos] = -1; // a back edge: it would close a cycle (each edge is walked once)
                } else if (state[next] == 0) {
                    state[next] = 1;
                    depth++;
                    stackNode[depth] = next;
                    stackPos[depth] = 0;
                }
            }
        }
    }
}
