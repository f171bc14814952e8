package io.vigil.core.scheduler;

import io.vigil.core.model.Colocation;
import io.vigil.core.model.ColocationSet;
import io.vigil.core.model.Constraint;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Colocation: building the colocation graph (constraints, sets, groups' implicit member chains) and applying it
 * during assignment — a dependent follows (or avoids) its primary's node, and a primary leans towards where its
 * dependents would like to be ("dependents' influence").
 */
final class Colocations {
    private Colocations() {
    }

    static void build(Cluster cluster) {
        List<Coloc> all = new ArrayList<>();
        for (Rsc top : cluster.resources) {
            groupChains(top, all);
        }
        for (Constraint c : cluster.config.constraints()) {
            if (c instanceof Colocation col) {
                Rsc dep = cluster.constraintResource(col.resource());
                Rsc pri = cluster.constraintResource(col.withResource());
                add(all, col.id(), dep, pri, col.score(), col.resourceRole(), col.withRole(), col.nodeAttribute());
            } else if (c instanceof ColocationSet set) {
                fromSets(cluster, set, all);
            }
        }
        List<Rsc> involved = new ArrayList<>();
        for (Coloc c : all) {
            for (Rsc r : List.of(c.dependent(), c.primary())) {
                if (r.thisWith.isEmpty() && r.withThis.isEmpty()) {
                    involved.add(r);
                }
            }
            c.dependent().thisWith.add(c);
            c.primary().withThis.add(c);
        }
        Comparator<Coloc> byPrimary = Comparator.comparingInt((Coloc c) -> -c.primary().meta.priorityOrDefault())
                .thenComparingInt(c -> -rank(c.primary()));
        Comparator<Coloc> byDependent = Comparator.comparingInt((Coloc c) -> -c.dependent().meta.priorityOrDefault())
                .thenComparingInt(c -> -rank(c.dependent()));
        for (Rsc r : involved) {
            if (r.thisWith.size() > 1) {
                r.thisWith.sort(byPrimary);
            }
            if (r.withThis.size() > 1) {
                r.withThis.sort(byDependent);
            }
        }
    }

    private static int rank(Rsc r) {
        return r instanceof CloneRsc ? 2 : r instanceof GroupRsc ? 1 : 0;
    }

    private static void groupChains(Rsc r, List<Coloc> out) {
        if (r instanceof GroupRsc g && g.members.size() > 1) {
            String id = g.id + "-internal";
            for (int i = 1; i < g.members.size(); i++) {
                out.add(new Coloc(id, g.members.get(i), g.members.get(i - 1), Score.INFINITY, null, null, null));
            }
        }
        for (Rsc c : r.children()) {
            if (!(c instanceof PrimitiveRsc)) {
                groupChains(c, out);
            }
        }
    }

    private static void add(List<Coloc> out, String id, Rsc dep, Rsc pri, int score, Role depRole, Role priRole,
                            String attr) {
        if (dep == null || pri == null || dep == pri || score == 0) {
            return;
        }
        // A group follows through its first member; it is followed through its last member (mandatory, the whole
        // group must be placeable) or its first member (optional).
        if (dep instanceof GroupRsc g && !g.members.isEmpty()) {
            dep = g.members.get(0);
            if (score >= Score.INFINITY) {
                afterUnmanagedMember(out, id, g, pri, score, depRole, priRole, attr);
            }
        }
        if (pri instanceof GroupRsc g && !g.members.isEmpty()) {
            pri = score >= Score.INFINITY ? g.members.get(g.members.size() - 1) : g.members.get(0);
        }
        out.add(new Coloc(id, dep, pri, score, depRole, priRole, attr));
    }

    private static void fromSets(Cluster cluster, ColocationSet cs, List<Coloc> out) {
        List<List<Rsc>> sets = new ArrayList<>();
        for (ResourceSet s : cs.sets()) {
            List<Rsc> members = cluster.setMembers(s);
            sets.add(members);
            if (s.sequential() && cs.score() > 0) {
                for (int i = 1; i < members.size(); i++) {
                    // group ordering: each member with the one before it; listed: each with the one after it
                    Rsc dependent = s.listed() ? members.get(i - 1) : members.get(i);
                    Rsc primary = s.listed() ? members.get(i) : members.get(i - 1);
                    add(out, cs.id(), dependent, primary, cs.score(), s.role(), s.role(), cs.nodeAttribute());
                }
            } else if (s.sequential()) {
                // Anti-colocating each member with its predecessor alone would let the first and the third
                // share a node: every member is kept from every earlier one (pcmk_sched_colocation.c).
                for (int i = 1; i < members.size(); i++) {
                    for (int j = 0; j < i; j++) {
                        add(out, cs.id(), members.get(i), members.get(j), cs.score(), s.role(), s.role(),
                                cs.nodeAttribute());
                    }
                }
            }
        }
        for (int k = 1; k < sets.size(); k++) {
            ResourceSet s1 = cs.sets().get(k - 1);
            ResourceSet s2 = cs.sets().get(k);
            List<Rsc> a = sets.get(k - 1);
            List<Rsc> b = sets.get(k);
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            List<Rsc> deps = s1.sequential() ? List.of(a.get(0)) : a;
            List<Rsc> pris = s2.sequential() ? List.of(b.get(b.size() - 1)) : b;
            for (Rsc d : deps) {
                for (Rsc p : pris) {
                    add(out, cs.id(), d, p, cs.score(), s1.role(), s2.role(), cs.nodeAttribute());
                }
            }
        }
    }

    /**
     * The group's internal chain carries its colocations from the first member to the rest, but not past a member
     * that is unmanaged (or blocked): it stays where it is. Like Pacemaker (pcmk__group_with_colocations), the
     * group's mandatory colocations then apply to every member after it directly.
     */
    private static void afterUnmanagedMember(List<Coloc> out, String id, GroupRsc g, Rsc pri, int score, Role depRole,
                                             Role priRole, String attr) {
        Rsc primary = pri instanceof GroupRsc pg && !pg.members.isEmpty() ? pg.members.get(pg.members.size() - 1) : pri;
        boolean afterUnmanaged = false;
        for (Rsc member : g.members) {
            if (afterUnmanaged && member != primary) {
                out.add(new Coloc(id, member, primary, score, depRole, priRole, attr));
            }
            if (member instanceof PrimitiveRsc p && (!p.managed() || p.blocked)) {
                afterUnmanaged = true;
            }
        }
    }

    /** Assigns each primary this resource depends on, then applies that colocation to this resource's scores. */
    static void applyPrimaries(Cluster cluster, Rsc rsc) {
        for (Coloc c : rsc.thisWith) {
            c.primary().assign(cluster, null);
            if (c.primary().provisional) {
                // A colocation loop: the primary is waiting on this resource's assignment. Like Pacemaker
                // (pcmk__colocation_affects), a primary not yet placed constrains nothing; once placed, it
                // respects this resource as a placed dependent instead.
                continue;
            }
            applyToDependent(cluster, c);
        }
    }

    /** Whether a colocation's dependent-role applies only to promotion (handled by {@link Promotion}). */
    static boolean promotionOnly(Coloc c) {
        return (c.dependentRole() == Role.PROMOTED || c.dependentRole() == Role.UNPROMOTED)
                && isPromotable(c.dependent());
    }

    static boolean isPromotable(Rsc r) {
        if (r instanceof CloneRsc c) {
            return c.promotable;
        }
        CloneRsc c = r.parentClone();
        return c != null && c.promotable;
    }

    /** The nodes where the primary of a colocation will be, in the colocation's primary role. */
    static List<SchedNode> primaryNodes(Coloc c) {
        return primaryNodes(c, false);
    }

    /**
     * As {@link #primaryNodes(Coloc)}; {@code forPlacement}: for placing the dependent, where a mandatory colocation
     * with a clone (no role) counts only the nodes of instances that are not blocked (failed with on-fail=block):
     * the dependent can run only where the clone will have an unblocked instance (Pacemaker's clone colocation).
     */
    static List<SchedNode> primaryNodes(Coloc c, boolean forPlacement) {
        Rsc p = c.primary();
        Role role = c.primaryRole();
        if (p instanceof CloneRsc clone) {
            boolean anyRole = role == null || role == Role.STARTED;
            if (forPlacement && anyRole && c.score() >= Score.INFINITY) {
                return clone.nodesOfUnblockedInstances();
            }
            return clone.nodesWith(anyRole ? null : role);
        }
        SchedNode n = p.assignedNode();
        if (n == null) {
            return List.of();
        }
        if (role != null && role != Role.STARTED && p.nextRole() != role) {
            return List.of();
        }
        return List.of(n);
    }

    static boolean sameLocation(String attr, SchedNode a, SchedNode b) {
        if (attr == null || attr.equals("#uname")) {
            return a == b;
        }
        String x = a.attribute(attr);
        return x != null && x.equals(b.attribute(attr));
    }

    static void applyToDependent(Cluster cluster, Coloc c) {
        if (promotionOnly(c)) {
            return;
        }
        Rsc dep = c.dependent();
        boolean[] together = sameLocationAsAny(cluster, c.attribute(), primaryNodes(c, true));
        int[] work = null; // copied on the first change
        for (int i = 0; i < together.length; i++) {
            int old = dep.scores[i];
            if (old == Rsc.UNSET) {
                continue;
            }
            int now = old;
            if (together[i]) {
                if (c.score() < Score.INFINITY) {
                    now = Score.add(old, c.score());
                }
            } else if (c.score() >= Score.INFINITY) {
                now = Score.MINUS_INFINITY;
            }
            if (now != old) {
                if (work == null) {
                    work = dep.scores.clone();
                }
                work[i] = now;
            }
        }
        if (work != null && (Math.abs(c.score()) >= Score.INFINITY || anyAvailable(cluster, work))) {
            commit(dep, work, new Why("colocation ", c.id(), " with ", c.primary().id, ""), true);
        }
    }

    /** By node index: whether the node is in the same location ({@link #sameLocation}) as any of {@code nodes}. */
    static boolean[] sameLocationAsAny(Cluster cluster, String attr, List<SchedNode> nodes) {
        boolean[] out = new boolean[cluster.nodes.size()];
        if (nodes.isEmpty()) {
            return out;
        }
        if (attr == null || attr.equals("#uname")) {
            for (SchedNode p : nodes) {
                out[p.index] = true;
            }
            return out;
        }
        java.util.Set<String> values = new java.util.HashSet<>();
        for (SchedNode p : nodes) {
            String v = p.attribute(attr);
            if (v != null) {
                values.add(v);
            }
        }
        for (SchedNode n : cluster.nodes) {
            String v = n.attribute(attr);
            out[n.index] = v != null && values.contains(v);
        }
        return out;
    }

    /**
     * Mandatory colocations whose dependent was placed first (a colocation cycle broke the usual order): the
     * primary then respects them itself, so the pair still ends up together (or apart).
     */
    static void respectPlacedDependents(Cluster cluster, Rsc rsc) {
        for (Coloc c : rsc.withThis) {
            Rsc dep = c.dependent();
            if (dep.provisional || Math.abs(c.score()) < Score.INFINITY || promotionOnly(c)
                    || dep instanceof CloneRsc || c.primaryRole() != null) {
                continue;
            }
            SchedNode there = dep.assignedNode();
            for (SchedNode n : cluster.nodes) {
                boolean match = there != null && sameLocation(c.attribute(), n, there);
                if (c.score() < 0 ? match : there != null && !match) {
                    rsc.setScore(n.index, Score.MINUS_INFINITY);
                }
            }
        }
    }

    /** Lets the dependents of {@code rsc} pull it towards the nodes they prefer. */
    static void addDependentInfluence(Cluster cluster, Rsc rsc) {
        boolean onlyPositive = rsc instanceof CloneRsc;
        for (Coloc c : rsc.withThis) {
            Rsc dep = c.dependent();
            if (!dep.provisional) {
                continue;
            }
            double factor = c.score() / (double) Score.INFINITY;
            java.util.Set<Rsc> path = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            path.add(rsc);
            int[] work = addColocatedScores(cluster, dep, rsc.scores, c, factor, onlyPositive, path);
            // A clone keeps its dependents' pull to itself (which nodes it may use); its instances keep their
            // own scores, so running instances stay put.
            commit(rsc, work, new Why("dependent ", dep.id, " (", c.id(), ")"), !(rsc instanceof CloneRsc));
        }
    }

    /**
     * @param path the resources whose preferences are being gathered along this chain: a colocation cycle stops
     *             where it would revisit one (Pacemaker: "breaking dependency loop")
     */
    private static int[] addColocatedScores(Cluster cluster, Rsc source, int[] base, Coloc c, double factor,
                                            boolean onlyPositive, java.util.Set<Rsc> path) {
        int[] w = base.clone();
        for (SchedNode n : cluster.nodes) {
            if (w[n.index] == Rsc.UNSET) {
                continue;
            }
            int s = bestScoreMatching(cluster, source, c.attribute(), n);
            if (factor < 0 && s < 0) {
                continue;
            }
            int add;
            if (s <= Score.MINUS_INFINITY || s >= Score.INFINITY) {
                add = Score.clamp((long) (factor * s));
            } else {
                add = (int) (factor * s);
            }
            int ns = Score.add(add, w[n.index]);
            if (onlyPositive && ns < 0) {
                continue;
            }
            w[n.index] = ns;
        }
        boolean available = anyAvailable(cluster, w);
        if (path.size() <= 10 && available && !source.withThis.isEmpty()) {
            path.add(source);
            for (Coloc c2 : source.withThis) {
                Rsc dep = c2.dependent();
                if (!dep.provisional || path.contains(dep)) {
                    continue;
                }
                double f2 = factor * c2.score() / (double) Score.INFINITY;
                w = addColocatedScores(cluster, dep, w, c2, f2, onlyPositive, path);
            }
            path.remove(source);
            available = anyAvailable(cluster, w);
        }
        return available ? w : base;
    }

    private static int bestScoreMatching(Cluster cluster, Rsc source, String attr, SchedNode n) {
        if (attr == null || attr.equals("#uname")) {
            return n.canRunResources() ? source.score(n.index) : Score.MINUS_INFINITY;
        }
        int best = Score.MINUS_INFINITY;
        for (SchedNode m : cluster.nodes) {
            if (m.canRunResources() && sameLocation(attr, n, m) && source.score(m.index) > best) {
                best = source.score(m.index);
            }
        }
        return best;
    }

    static boolean anyAvailable(Cluster cluster, int[] scores) {
        for (SchedNode n : cluster.nodes) {
            int s = scores[n.index];
            if (s != Rsc.UNSET && s >= 0 && n.canRunResources()) {
                return true;
            }
        }
        return false;
    }

    /** The text of a colocation's reason, concatenated only when the score report is read. */
    private record Why(String a, String b, String c, String d, String e) {
        @Override
        public String toString() {
            return a + b + c + d + e;
        }
    }

    /**
     * Moves {@code rsc}'s scores to {@code work} (and, with {@code toChildren}, its descendants' by as much), logging
     * the change as one reason entry; {@code work} must be a fresh array nobody changes afterwards.
     */
    private static void commit(Rsc rsc, int[] work, Why why, boolean toChildren) {
        int[] before = null;
        for (int i = 0; i < work.length; i++) {
            if (work[i] != rsc.scores[i]) {
                if (before == null) {
                    before = rsc.scores.clone();
                }
                if (toChildren) {
                    rsc.setScore(i, work[i]);
                } else {
                    rsc.scores[i] = work[i];
                }
            }
        }
        if (before != null) {
            rsc.reasons().changes(why, before, work);
        }
    }
}
