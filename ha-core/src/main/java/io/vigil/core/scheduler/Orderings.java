package io.vigil.core.scheduler;

import io.vigil.core.model.Constraint;
import io.vigil.core.model.Order;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.OrderSet;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.RestartType;
import io.vigil.core.model.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * Ordering: order constraints, order sets and groups' implicit member order become edges between actions of
 * resources; a mandatory edge makes the then-action unrunnable when the first-action cannot run, and required
 * when the first-action is required (its inverse: the first's stop requires the then's stop). Edges are
 * propagated until nothing changes, then give the graph its "runs after" lists.
 */
final class Orderings {
    private Orderings() {
    }

    static final int RUNNABLE_LEFT = 1;
    static final int IMPLIES_THEN = 2;
    static final int IMPLIES_FIRST = 4;
    /** Asymmetrical mandatory order: an unrunnable first only blocks a then-action that must happen anyway. */
    static final int RUNNABLE_LEFT_IF_REQUIRED = 8;
    /**
     * A group's "stop the later member before the earlier one" (Pacemaker's restart ordering): when the earlier
     * member's stop is required, a required stop of the later member that cannot run makes it unrunnable too.
     */
    static final int RESTART = 16;
    /** Reason of an interleaved instance that cannot run for want of a partner instance on its node. */
    static final String NO_PARTNER = "no interleave partner";

    /**
     * One side of an edge: an action of one or more resources. With {@code any}, one runnable resource is
     * enough (require-all=false sets).
     */
    record Ref(List<Rsc> rscs, String task, boolean any) {
        static Ref of(Rsc r, String task) {
            return new Ref(List.of(r), task, false);
        }
    }

    record Edge(String id, Ref first, Ref then, int flags) {
    }

    static List<Edge> build(Cluster cluster) {
        List<Edge> edges = new ArrayList<>();
        for (Rsc top : cluster.resources) {
            groupOrders(top, edges);
        }
        for (Constraint c : cluster.config.constraints()) {
            if (c instanceof Order o) {
                Rsc first = cluster.constraintResource(o.first());
                Rsc then = cluster.constraintResource(o.then());
                if (first == null || then == null || first == then) {
                    continue;
                }
                // restart-type=restart on the then-resource (pcmk_sched_ordering.c, handle_restart_type): an
                // optional order's required first-action requires the then-action, and the inverse's required
                // stop the first's stop, as a mandatory order would; an unrunnable first still blocks nothing.
                boolean restart = o.kind() == OrderKind.OPTIONAL
                        && then.meta.restartTypeOrDefault() == RestartType.RESTART;
                add(edges, o.id(), List.of(first), o.firstAction(), List.of(then), o.thenAction(), o.kind(),
                        o.isSymmetrical(), false, restart);
            } else if (c instanceof OrderSet os) {
                sets(cluster, os, edges);
            }
        }
        return edges;
    }

    private static void groupOrders(Rsc r, List<Edge> edges) {
        if (r instanceof GroupRsc g) {
            String id = g.id + "-internal";
            for (int i = 1; i < g.members.size(); i++) {
                Rsc previous = g.members.get(i - 1);
                Rsc member = g.members.get(i);
                // each member starts after the previous one, and stops before it (pcmk_sched_group.c)
                edges.add(new Edge(id, Ref.of(previous, "start"), Ref.of(member, "start"),
                        IMPLIES_THEN | RUNNABLE_LEFT));
                edges.add(new Edge(id + "-inverse", Ref.of(member, "stop"), Ref.of(previous, "stop"),
                        IMPLIES_FIRST | RESTART));
                if (active(member) && !active(previous)) {
                    // A member running while the one before it is not (e.g. a member added in front of it): the
                    // previous member's start means restarting this one, so this one's stop comes first, and
                    // the start cannot happen when the stop cannot.
                    edges.add(new Edge(id + "-stop-before-start", Ref.of(member, "stop"),
                            Ref.of(previous, "start"), IMPLIES_FIRST | RUNNABLE_LEFT));
                }
            }
        }
        if (r instanceof CloneRsc c && c.promotable) {
            return;
        }
        for (Rsc c : r.children()) {
            if (!(c instanceof PrimitiveRsc)) {
                groupOrders(c, edges);
            }
        }
    }

    /** Whether any leaf of a resource is active now. */
    private static boolean active(Rsc r) {
        for (PrimitiveRsc leaf : r.leaves()) {
            if (!leaf.current.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Edge> edges, String id, List<Rsc> first, ResourceAction fa, List<Rsc> then,
                            ResourceAction ta, OrderKind kind, boolean symmetrical, boolean any) {
        add(edges, id, first, fa, then, ta, kind, symmetrical, any, false);
    }

    /** @param impliesAnyway a required first-action requires the then-action (and inversely) whatever the kind */
    private static void add(List<Edge> edges, String id, List<Rsc> first, ResourceAction fa, List<Rsc> then,
                            ResourceAction ta, OrderKind kind, boolean symmetrical, boolean any,
                            boolean impliesAnyway) {
        int flags = impliesAnyway ? IMPLIES_THEN : 0;
        if (kind == OrderKind.MANDATORY) {
            flags = IMPLIES_THEN;
            if (fa == ResourceAction.START || fa == ResourceAction.PROMOTE) {
                flags |= symmetrical ? RUNNABLE_LEFT : RUNNABLE_LEFT_IF_REQUIRED;
            }
        }
        // Interleaved clone pairs are expanded per node later; here the order is kept at resource level.
        edges.add(new Edge(id, new Ref(first, fa.text(), any), new Ref(then, ta.text(), false), flags));
        if (symmetrical && kind != OrderKind.SERIALIZE) {
            ResourceAction ifa = ta.inverse();
            ResourceAction ita = fa.inverse();
            if (ifa == ta && ita == fa) {
                return;
            }
            int inv = kind == OrderKind.MANDATORY || impliesAnyway ? IMPLIES_FIRST : 0;
            for (Rsc t : then) {
                edges.add(new Edge(id + "-inverse", Ref.of(t, ifa.text()), new Ref(first, ita.text(), false), inv));
            }
        }
    }

    private static void sets(Cluster cluster, OrderSet os, List<Edge> edges) {
        List<List<Rsc>> sets = new ArrayList<>();
        for (ResourceSet s : os.sets()) {
            List<Rsc> members = cluster.setMembers(s);
            sets.add(members);
            ResourceAction a = s.action() == null ? ResourceAction.START : s.action();
            if (s.sequential()) {
                for (int i = 1; i < members.size(); i++) {
                    add(edges, os.id(), List.of(members.get(i - 1)), a, List.of(members.get(i)), a, os.kind(),
                            os.isSymmetrical(), false);
                }
            }
        }
        for (int k = 1; k < sets.size(); k++) {
            ResourceSet s1 = os.sets().get(k - 1);
            ResourceSet s2 = os.sets().get(k);
            List<Rsc> a = sets.get(k - 1);
            List<Rsc> b = sets.get(k);
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            ResourceAction fa = s1.action() == null ? ResourceAction.START : s1.action();
            ResourceAction ta = s2.action() == null ? ResourceAction.START : s2.action();
            List<Rsc> firsts = s1.sequential() ? List.of(a.get(a.size() - 1)) : a;
            List<Rsc> thens = s2.sequential() ? List.of(b.get(0)) : b;
            boolean any = !s1.requireAll() && !s1.sequential();
            for (Rsc t : thens) {
                if (any) {
                    add(edges, os.id(), firsts, fa, List.of(t), ta, os.kind(), os.isSymmetrical(), true);
                } else {
                    for (Rsc f : firsts) {
                        add(edges, os.id(), List.of(f), fa, List.of(t), ta, os.kind(), os.isSymmetrical(), false);
                    }
                }
            }
        }
    }

    /** {@link #summarize}: the first side is required. */
    private static final int REQUIRED = 1;
    /** {@link #summarize}: the first side is runnable. */
    private static final int RUNNABLE = 2;

    /**
     * Flags of a (possibly compound) first side: {@link #REQUIRED}, {@link #RUNNABLE}. {@code byNode}: the units of
     * an interleaved first clone by node index (see {@link #unitsByNode}), or null.
     */
    private static int summarize(Ref ref, SchedNode onlyNode, SchedNode thenNode, List<Rsc>[] byNode) {
        boolean required = false;
        boolean anyRunnable = false;
        boolean allRunnable = true;
        boolean seen = false;
        for (Rsc r : ref.rscs()) {
            boolean rRequired = false;
            boolean rAny = false;
            boolean rAll = true;
            boolean rSeen = false;
            List<Rsc> units = units(r, onlyNode, ref.task(), byNode);
            for (int ui = 0; ui < units.size(); ui++) { // indexed loops: no iterator per unit and leaf
                Rsc unit = units.get(ui);
                boolean uAll = true;
                boolean uSeen = false;
                List<PrimitiveRsc> leaves = unit.leaves();
                for (int li = 0; li < leaves.size(); li++) {
                    PrimitiveRsc leaf = leaves.get(li);
                    Act a = Actions.of(leaf, ref.task());
                    if (a == null) {
                        if (ref.task().equals("promote") || ref.task().equals("start")) {
                            uAll = false;
                        }
                        continue;
                    }
                    uSeen = true;
                    // A clone's action only forces a then-action through its instances on the same node.
                    if (!(r instanceof CloneRsc) || thenNode == null || a.node == thenNode) {
                        rRequired |= !a.optional;
                    }
                    uAll &= a.runnable;
                }
                rSeen |= uSeen;
                rAny |= uAll && uSeen;
                rAll &= uAll;
            }
            boolean rRunnable = r instanceof CloneRsc ? rAny : rAll && rSeen;
            if (!rSeen && (ref.task().equals("stop") || ref.task().equals("demote"))) {
                rRunnable = true;
            }
            seen |= rSeen;
            required |= rRequired;
            anyRunnable |= rRunnable;
            allRunnable &= rRunnable;
        }
        return (required ? REQUIRED : 0) | ((ref.any() ? anyRunnable : allRunnable) ? RUNNABLE : 0);
    }

    /**
     * The parts of a resource that count as one unit: clone instances (on one node when interleaving), else it.
     * {@code byNode}: when not null, the units of an interleaved first clone by node index, from
     * {@link #unitsByNode}.
     */
    private static List<Rsc> units(Rsc r, SchedNode onlyNode, String task, List<Rsc>[] byNode) {
        if (r instanceof CloneRsc c) {
            if (onlyNode == null) {
                return c.instances;
            }
            if (byNode != null) {
                List<Rsc> on = byNode[onlyNode.index];
                return on == null ? List.of() : on;
            }
            List<Rsc> out = new ArrayList<>();
            for (Rsc inst : c.instances) {
                if (unitNode(inst, task) == onlyNode) {
                    out.add(inst);
                }
            }
            return out;
        }
        return List.of(r);
    }

    /** The node where an instance counts as a unit for the task, or null when it does not count. */
    private static SchedNode unitNode(Rsc inst, String task) {
        SchedNode n = task.equals("stop") || task.equals("demote") ? CloneRsc.currentNode(inst) : inst.assignedNode();
        return n == null || withoutPartner(inst, task) ? null : n;
    }

    /**
     * {@link #units} of an interleaved edge's first clone on every node at once (one pass over its instances
     * instead of one per then-instance). Valid while one edge is applied: it reads only placements and the
     * first side's starts, which applying the edge does not change.
     */
    @SuppressWarnings("unchecked")
    private static List<Rsc>[] unitsByNode(Ref first, int nodeCount) {
        List<Rsc>[] byNode = new List[nodeCount];
        CloneRsc c = (CloneRsc) first.rscs().get(0);
        for (Rsc inst : c.instances) {
            SchedNode n = unitNode(inst, first.task());
            if (n != null) {
                if (byNode[n.index] == null) {
                    byNode[n.index] = new ArrayList<>(2);
                }
                byNode[n.index].add(inst);
            }
        }
        return byNode;
    }

    /** An instance banned for want of an interleave partner does not exist for the next clone in a chain. */
    private static boolean withoutPartner(Rsc inst, String task) {
        if (!task.equals("start") && !task.equals("promote")) {
            return false;
        }
        for (PrimitiveRsc leaf : inst.leaves()) {
            if (!leaf.start.runnable && NO_PARTNER.equals(leaf.start.reason)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an edge between two clones applies per node (the then-clone interleaves). */
    static boolean interleaved(Edge e) {
        // "One or more of first" (require-all=false) goes through one pseudo-action in Pacemaker: not per node.
        if (e.first().any() || e.first().rscs().size() != 1 || e.then().rscs().size() != 1
                || !(e.first().rscs().get(0) instanceof CloneRsc fc) || !(e.then().rscs().get(0) instanceof CloneRsc tc)
                || fc == tc) {
            return false;
        }
        // For stops and demotes the first clone's setting counts (the inverse of a start order), else the then's.
        String task = e.then().task();
        return task.equals("stop") || task.equals("demote") ? fc.interleave : tc.interleave;
    }

    /** Propagates every edge and the per-leaf rules until nothing changes. */
    static void propagate(Cluster cluster, List<Edge> edges) {
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ < 1000) {
            changed = false;
            for (PrimitiveRsc leaf : cluster.leaves) {
                changed |= Actions.implicit(leaf);
            }
            for (Edge e : edges) {
                changed |= apply(e, cluster.nodes.size());
            }
            for (PrimitiveRsc leaf : cluster.leaves) {
                changed |= blockDependents(leaf);
            }
        }
    }

    /**
     * A primary that cannot start where it was assigned takes its mandatory dependents with it (they were
     * placed on the assumption that it runs there).
     */
    private static boolean blockDependents(PrimitiveRsc leaf) {
        Act start = leaf.start;
        if (start.runnable || start.node == null && !leaf.current.isEmpty()) {
            return false;
        }
        boolean changed = false;
        for (Rsc primary = leaf; primary != null; primary = primary.parent) {
            if (primary != leaf && primary instanceof CloneRsc clone && anyInstanceStarts(clone)) {
                break;
            }
            for (Coloc c : primary.withThis) {
                if (c.score() < io.vigil.core.model.Score.INFINITY) {
                    continue;
                }
                // A dependent colocated in the promoted role loses only its promotion (Pacemaker's
                // pcmk__block_colocation_dependents blocks the dependent's promote then, not its start).
                boolean promotedRole = c.dependentRole() == Role.PROMOTED;
                for (PrimitiveRsc dep : c.dependent().leaves()) {
                    Act d = promotedRole ? dep.promote : dep.start;
                    if (d == null) {
                        continue;
                    }
                    // only a positive mandatory colocation needs its primary; -INFINITY just keeps them apart
                    if (c.score() > 0 && d.node != null && d.runnable && (primary == leaf || d.node == start.node)) {
                        d.runnable = false;
                        d.reason = "colocation with " + leaf.id;
                        changed = true;
                    }
                }
            }
            if (primary instanceof CloneRsc) {
                break;
            }
        }
        return changed;
    }

    private static boolean anyInstanceStarts(CloneRsc clone) {
        for (PrimitiveRsc l : clone.leaves()) {
            if (l.start.node != null && l.start.runnable) {
                return true;
            }
        }
        return false;
    }

    private static boolean apply(Edge e, int nodeCount) {
        if (e.flags() == 0) {
            return false;
        }
        boolean changed = false;
        boolean perNode = interleaved(e);
        List<Rsc>[] byNode = perNode ? unitsByNode(e.first(), nodeCount) : null;
        for (Rsc then : e.then().rscs()) {
            List<PrimitiveRsc> leaves = then.leaves();
            for (int li = 0; li < leaves.size(); li++) { // indexed: no iterator per edge and leaf
                PrimitiveRsc leaf = leaves.get(li);
                for (Act b : actsOf(leaf, e.then().task())) {
                    SchedNode node = perNode ? b.node : null;
                    if (perNode && node == null) {
                        continue;
                    }
                    int f;
                    boolean noPartner = false;
                    if (perNode && byNode[node.index] == null) {
                        f = e.first().task().equals("stop") || e.first().task().equals("demote") ? RUNNABLE : 0;
                        noPartner = true;
                    } else {
                        f = summarize(e.first(), node, b.node, byNode);
                    }
                    boolean blocks = (e.flags() & RUNNABLE_LEFT) != 0
                            || (e.flags() & RUNNABLE_LEFT_IF_REQUIRED) != 0 && !b.optional;
                    if (blocks && (f & RUNNABLE) == 0 && b.runnable) {
                        b.runnable = false;
                        b.reason = noPartner ? NO_PARTNER : "unrunnable " + name(e.first()) + " " + e.first().task();
                        changed = true;
                    }
                    if ((e.flags() & IMPLIES_THEN) != 0 && (f & REQUIRED) != 0 && b.optional && b.node != null
                            && leaf.actionable()) {
                        b.optional = false;
                        b.reason = "required " + name(e.first()) + " " + e.first().task();
                        changed = true;
                    }
                    if ((e.flags() & IMPLIES_FIRST) != 0 && b.runnable && b.task.equals("stop")
                            && blockedActive(e.first())) {
                        // what must stop first is frozen (a blocked failure), so this stop cannot happen either
                        b.runnable = false;
                        changed = true;
                    }
                    if ((e.flags() & RESTART) != 0 && b.runnable && !b.optional && (f & REQUIRED) != 0
                            && (f & RUNNABLE) == 0) {
                        // the later member must stop first but cannot, so this stop cannot happen either
                        b.runnable = false;
                        b.reason = "unrunnable " + name(e.first()) + " " + e.first().task();
                        changed = true;
                    }
                    if ((e.flags() & IMPLIES_FIRST) != 0 && !b.optional) {
                        // a clone's required action only forces first-actions on the same node
                        SchedNode sameNode = then instanceof CloneRsc && !perNode ? b.node : null;
                        changed |= require(e.first(), node, sameNode, byNode);
                    }
                }
            }
        }
        return changed;
    }

    private static boolean blockedActive(Ref ref) {
        for (Rsc r : ref.rscs()) {
            if (r instanceof PrimitiveRsc p && p.blocked && !p.current.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String name(Ref ref) {
        return ref.rscs().get(0).id;
    }

    /**
     * Makes a first-action required. Only a primitive's own action is forced; for a group or clone only its
     * summary action would become required, which forces none of its members.
     */
    private static boolean require(Ref ref, SchedNode onlyNode, SchedNode sameNode, List<Rsc>[] byNode) {
        boolean changed = false;
        for (Rsc r : ref.rscs()) {
            for (Rsc unit : units(r, onlyNode, ref.task(), byNode)) {
                if (!(unit instanceof PrimitiveRsc)) {
                    continue;
                }
                for (PrimitiveRsc leaf : unit.leaves()) {
                    for (Act a : actsOf(leaf, ref.task())) {
                        if (a.optional && a.node != null && leaf.actionable()
                                && (sameNode == null || a.node == sameNode)) {
                            a.optional = false;
                            changed = true;
                        }
                    }
                }
            }
        }
        return changed;
    }

    static List<Act> actsOf(PrimitiveRsc leaf, String task) {
        if (task.equals("stop")) {
            return leaf.stops;
        }
        Act a = Actions.of(leaf, task);
        return a == null ? List.of() : List.of(a);
    }
}
