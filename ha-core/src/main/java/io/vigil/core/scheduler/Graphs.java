package io.vigil.core.scheduler;

import io.vigil.core.model.Operation;
import io.vigil.core.model.Role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        /** Prerequisites; created on the first edge (most probes have none). */
        Set<Integer> after;

        void addAfter(int id) {
            if (after == null) {
                after = new LinkedHashSet<>(4);
            }
            after.add(id);
        }

        Set<Integer> after() {
            return after == null ? Set.of() : after;
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
        Map<PrimitiveRsc, List<Node>> probes = new IdentityHashMap<>();
        for (PrimitiveRsc leaf : cluster.leaves) {
            CloneRsc clone = leaf.parentClone();
            if (clone != null && !clone.unique && !isFirstInstanceLeaf(clone, leaf)) {
                continue; // an anonymous clone is probed once per node, through its first instance
            }
            for (SchedNode n : cluster.nodes) {
                if (n.online() && !n.fenced && !leaf.known.get(n.index)) {
                    Node p = new Node(nodes.size(), ActionType.PROBE, leaf.id, n.name, Duration.ZERO, true, null);
                    nodes.add(p);
                    probes.computeIfAbsent(leaf, k -> new ArrayList<>()).add(p);
                }
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
                for (Node p : probes.getOrDefault(leaf, List.of())) {
                    start.addAfter(p.id);
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
        breakCycles(nodes);
        List<GraphAction> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            List<Integer> after;
            if (n.after == null || n.after.isEmpty()) {
                after = List.of();
            } else {
                after = new ArrayList<>(n.after);
                after.sort(null);
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
        int[][] after = new int[size][];
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
                int[] edges = edges(nodes, after, n);
                if (stackPos[depth] >= edges.length) {
                    state[n] = 2;
                    depth--;
                    continue;
                }
                int next = edges[stackPos[depth]++];
                if (state[next] == 1) {
                    nodes.get(n).after.remove(next); // a back edge: it would close a cycle
                } else if (state[next] == 0) {
                    state[next] = 1;
                    depth++;
                    stackNode[depth] = next;
                    stackPos[depth] = 0;
                }
            }
        }
    }

    private static int[] edges(List<Node> nodes, int[][] cache, int n) {
        int[] e = cache[n];
        if (e == null) {
            Set<Integer> a = nodes.get(n).after();
            e = new int[a.size()];
            int k = 0;
            for (int x : a) {
                e[k++] = x;
            }
            cache[n] = e;
        }
        return e;
    }
}
