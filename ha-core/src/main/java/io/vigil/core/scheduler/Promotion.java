package io.vigil.core.scheduler;

import io.vigil.core.model.Role;
import io.vigil.core.model.Score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Promotable clones: which assigned instances get promoted. An instance's promotion priority is its promotion
 * score (the transient node attribute {@code master-<rsc>} the agent sets; -1 when unset), plus location
 * constraints for the Promoted role, plus colocations that involve the Promoted role. The best
 * {@code promoted-max} instances with a non-negative priority are promoted, at most {@code promoted-node-max}
 * per node.
 */
final class Promotion {
    private Promotion() {
    }

    /** {@link #promotionScore}: no promotion score is set. */
    static final int NO_SCORE = Integer.MIN_VALUE;

    /** The promotion score a node's attributes give one instance (summed over its leaves), or {@link #NO_SCORE}. */
    static int promotionScore(Rsc instance, SchedNode node) {
        PromotionScores scores = node.promotionScores;
        if (scores == null) {
            return NO_SCORE;
        }
        int total = NO_SCORE;
        for (PrimitiveRsc leaf : instance.leaves()) {
            CloneRsc clone = leaf.parentClone();
            boolean unique = clone != null && clone.unique;
            String name = unique ? leaf.id : leaf.primitive.id();
            int s = scores.of(name);
            if (s == PromotionScores.ABSENT) {
                s = scores.of(leaf.id);
            }
            if (s == PromotionScores.ABSENT && !unique) {
                s = scores.firstInstanceOf(name);
            }
            if (s == PromotionScores.ABSENT || s == PromotionScores.INVALID) {
                continue;
            }
            total = total == NO_SCORE ? s : Score.add(total, s);
        }
        return total;
    }

    /** Positive promotion scores also draw instances to the nodes where they could be promoted. */
    static void addPromotionPreferences(Cluster cluster, CloneRsc clone) {
        if (!cluster.anyPromotionScores) {
            return;
        }
        List<SchedNode> scored = new ArrayList<>();
        for (SchedNode n : cluster.nodes) {
            if (n.canRunResources() && mentionsAny(n, clone)) {
                scored.add(n);
            }
        }
        for (Rsc inst : clone.instances) {
            for (SchedNode n : scored) {
                int s = promotionScore(inst, n);
                if (s != NO_SCORE && s > 0) {
                    inst.addScore(n.index, s, "promotion score");
                }
            }
        }
    }

    /**
     * Whether a node has a promotion score for any of the clone's primitives: instance ids are
     * {@code <primitive id>:<number>}, so every name {@link #promotionScore} looks up is the primitive's id or starts
     * with it and a colon. Most nodes have none for a given clone, which saves asking them for every instance.
     */
    private static boolean mentionsAny(SchedNode node, CloneRsc clone) {
        if (node.promotionScores == null || clone.instances.isEmpty()) {
            return false;
        }
        for (PrimitiveRsc leaf : clone.instances.get(0).leaves()) { // every instance has the same primitives
            if (node.promotionScores.mentions(leaf.primitive.id())) {
                return true;
            }
        }
        return false;
    }

    static void setRoles(Cluster cluster, CloneRsc clone) {
        List<Rsc> candidates = new ArrayList<>();
        int[] priority = new int[clone.instances.size()];
        for (int i = 0; i < clone.instances.size(); i++) {
            Rsc inst = clone.instances.get(i);
            priority[i] = priority(cluster, clone, inst);
            candidates.add(inst);
        }
        // Ties (cmp_promotable_instance): the higher current role first (promoted, then running, then stopped),
        // then the lower instance number, which History numbers in status order.
        candidates.sort(Comparator.comparing((Rsc inst) -> -priority[inst.order])
                .thenComparing(Promotion::currentRoleRank)
                .thenComparing(inst -> inst.order));
        int promoted = 0;
        int[] perNode = new int[cluster.nodes.size()];
        for (Rsc inst : candidates) {
            SchedNode node = inst.assignedNode();
            int p = priority[inst.order];
            boolean pinned = !inst.leaves().get(0).actionable();
            Role role;
            if (node == null) {
                continue;
            }
            if (pinned) {
                role = inst.leaves().get(0).currentRole();
                if (role == Role.PROMOTED) {
                    promoted++;
                    perNode[node.index]++;
                }
            } else if (p >= 0 && promoted < clone.promotedMax && perNode[node.index] < clone.promotedNodeMax) {
                role = Role.PROMOTED;
                promoted++;
                perNode[node.index]++;
            } else {
                role = Role.UNPROMOTED;
            }
            for (PrimitiveRsc leaf : inst.leaves()) {
                if (leaf.assigned != null && leaf.actionable()) {
                    leaf.role = role;
                }
            }
        }
    }

    /**
     * An instance's current role as a sort key, highest first: 0 promoted, 1 running (unpromoted or started), 2
     * stopped. A cloned group counts as its highest member (Pacemaker's group state).
     */
    private static int currentRoleRank(Rsc inst) {
        int rank = 2;
        for (PrimitiveRsc l : inst.leaves()) {
            Role r = l.currentRole();
            if (r == Role.PROMOTED) {
                return 0;
            }
            if (r != Role.STOPPED) {
                rank = 1;
            }
        }
        return rank;
    }

    private static int priority(Cluster cluster, CloneRsc clone, Rsc inst) {
        SchedNode node = inst.assignedNode();
        if (node == null) {
            return Score.MINUS_INFINITY;
        }
        PrimitiveRsc first = inst.leaves().get(0);
        Role target = first.meta.targetRoleOrDefault();
        if (target == Role.UNPROMOTED || target == Role.STOPPED) {
            return Score.MINUS_INFINITY;
        }
        for (PrimitiveRsc l : inst.leaves()) {
            if (l.demoteAfterFailure) {
                return Score.MINUS_INFINITY;
            }
        }
        int s = promotionScore(inst, node);
        int p = s == NO_SCORE ? -1 : s;
        for (Locations.PromotedLocation loc : cluster.promotedLocations) {
            if (loc.promotable() == clone && loc.node() == node) {
                p = Score.add(p, loc.score());
            }
        }
        // This clone's instances colocated, in a role, with something else: a promoted dependent wants the
        // primary's node (and with INFINITY cannot be promoted elsewhere), an unpromoted one avoids promotion there.
        for (Coloc c : clone.thisWith) {
            if (c.dependentRole() != Role.PROMOTED && c.dependentRole() != Role.UNPROMOTED) {
                continue;
            }
            c.primary().assign(cluster, null);
            List<SchedNode> primary = Colocations.primaryNodes(c);
            boolean match = false;
            for (SchedNode pn : primary) {
                match |= Colocations.sameLocation(c.attribute(), node, pn);
            }
            if (!match) {
                if (c.score() >= Score.INFINITY && c.dependentRole() == Role.PROMOTED) {
                    p = Score.MINUS_INFINITY;
                }
            } else {
                p = Score.add(p, c.dependentRole() == Role.UNPROMOTED ? -c.score() : c.score());
            }
        }
        // Something colocated with this clone's promoted role pulls promotion to the nodes it prefers.
        for (Coloc c : clone.withThis) {
            if (c.primaryRole() != Role.PROMOTED || c.dependent() == clone) {
                continue;
            }
            Rsc dep = c.dependent();
            if (!Colocations.anyAvailable(cluster, dep.scores)) {
                continue; // a dependent that can run nowhere does not veto promotion (Pacemaker ignores it)
            }
            int ds = dep.score(node.index);
            if (!node.canRunResources()) {
                ds = Score.MINUS_INFINITY;
            }
            double factor = c.score() / (double) Score.INFINITY;
            if (factor < 0 && ds < 0) {
                continue;
            }
            int add = (int) Math.max(Score.MINUS_INFINITY, Math.min(Score.INFINITY, factor * ds));
            p = Score.add(p, add);
        }
        return p;
    }
}
