package io.vigil.core.scheduler;

import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.Role;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A clone: {@code clone-max} instances of a primitive or group, at most {@code clone-node-max} per node; for a
 * promotable clone, up to {@code promoted-max} of them promoted ({@link Promotion}).
 */
final class CloneRsc extends Rsc {
    final List<Rsc> instances = new ArrayList<>();
    final int cloneMax;
    final int cloneNodeMax;
    final boolean unique;
    final boolean interleave;
    final boolean promotable;
    final int promotedMax;
    final int promotedNodeMax;
    /** Instances per node, while assigning. */
    int[] counts;

    CloneRsc(String id, MetaAttributes meta, int nodeCount, boolean symmetric, int cloneMax, int cloneNodeMax,
             boolean unique, boolean interleave, boolean promotable, int promotedMax, int promotedNodeMax) {
        super(id, null, meta, nodeCount, symmetric);
        this.cloneMax = cloneMax;
        this.cloneNodeMax = cloneNodeMax;
        this.unique = unique;
        this.interleave = interleave;
        this.promotable = promotable;
        this.promotedMax = promotedMax;
        this.promotedNodeMax = promotedNodeMax;
        this.counts = new int[nodeCount];
    }

    @Override
    List<PrimitiveRsc> leaves() {
        if (leaves == null || leaves.isEmpty() && !instances.isEmpty()) {
            List<PrimitiveRsc> out = new ArrayList<>();
            for (Rsc i : instances) {
                out.addAll(i.leaves());
            }
            leaves = List.copyOf(out);
        }
        return leaves;
    }

    private List<PrimitiveRsc> leaves;
    private java.util.Map<String, List<PrimitiveRsc>> leavesByPrimitive;

    /** The instances' copies of one configured primitive of this clone, in instance order. */
    List<PrimitiveRsc> leavesOf(String primitiveId) {
        if (leavesByPrimitive == null) {
            leavesByPrimitive = new java.util.HashMap<>();
            for (PrimitiveRsc l : leaves()) {
                leavesByPrimitive.computeIfAbsent(l.primitive.id(), k -> new ArrayList<>()).add(l);
            }
        }
        return leavesByPrimitive.getOrDefault(primitiveId, List.of());
    }

    @Override
    List<Rsc> children() {
        return instances;
    }

    /** The node an instance runs on now (every active leaf of it on one node), or null. */
    static SchedNode currentNode(Rsc instance) {
        SchedNode node = null;
        List<PrimitiveRsc> leaves = instance.leaves();
        for (int i = 0; i < leaves.size(); i++) {
            SchedNode n = leaves.get(i).currentNode();
            if (n != null) {
                if (node != null && node != n) {
                    return null;
                }
                node = n;
            }
        }
        return node;
    }

    @Override
    SchedNode assign(Cluster cluster, SchedNode prefer) {
        if (!provisional || assigning) {
            return null;
        }
        assigning = true;
        if (promotable) {
            Promotion.addPromotionPreferences(cluster, this);
        }
        Colocations.applyPrimaries(cluster, this);
        Colocations.addDependentInfluence(cluster, this);
        assignInstances(cluster);
        if (promotable) {
            Promotion.setRoles(cluster, this);
        }
        provisional = false;
        assigning = false;
        return null;
    }

    private void assignInstances(Cluster cluster) {
        int available = 0;
        for (SchedNode n : cluster.nodes) {
            if (n.canRunResources() && score(n.index) >= 0) {
                available++;
            }
        }
        int optimal = available == 0 ? 1 : Math.max(1, cloneMax / available);
        // By instance number (Rsc.order): where each runs now, and its sort keys.
        SchedNode[] running = new SchedNode[instances.size()];
        int[] standing = new int[instances.size()];
        int[] currentScore = new int[instances.size()];
        for (Rsc i : instances) {
            SchedNode n = currentNode(i);
            running[i.order] = n;
            standing[i.order] = n == null ? 1 : n.canRunResources() && score(n.index) >= 0 ? 0 : 2;
            currentScore[i.order] = n == null ? 0 : score(n.index);
        }
        List<Rsc> ordered = new ArrayList<>(instances);
        // Instances running where they may stay come first, then inactive ones; an instance stranded on a node it
        // can no longer use comes last (it stops, and a fresh instance starts elsewhere, as in Pacemaker).
        ordered.sort(Comparator.comparingInt((Rsc i) -> standing[i.order])
                .thenComparingInt(i -> -currentScore[i.order])
                .thenComparingInt(i -> i.order));
        int assignedTotal = 0;
        // First keep instances where they run, up to an even share per node.
        for (Rsc inst : ordered) {
            if (assignedTotal >= cloneMax) {
                break;
            }
            SchedNode cur = running[inst.order];
            if (cur == null || !inst.provisional) {
                continue;
            }
            boolean pinned = !inst.leaves().get(0).actionable();
            if (!pinned && (!cur.canRunResources() || score(cur.index) < 0 || counts[cur.index] >= optimal
                    || counts[cur.index] >= cloneNodeMax)) {
                continue;
            }
            SchedNode chosen = assignInstance(cluster, inst, cur);
            if (chosen == cur) {
                assignedTotal++;
            }
        }
        // Then everything else wherever it scores best.
        for (Rsc inst : ordered) {
            if (!inst.provisional) {
                continue;
            }
            if (assignedTotal >= cloneMax) {
                stop(cluster, inst);
                continue;
            }
            SchedNode chosen = assignInstance(cluster, inst, null);
            if (chosen != null) {
                assignedTotal++;
            }
        }
    }

    private SchedNode assignInstance(Cluster cluster, Rsc inst, SchedNode prefer) {
        // Full nodes and nodes the clone may not use are skipped by NodeChoice (see allows()).
        List<int[]> backup = null;
        if (prefer != null && inst instanceof GroupRsc) {
            backup = new ArrayList<>();
            for (PrimitiveRsc l : inst.leaves()) {
                backup.add(l.scores.clone());
            }
            backup.add(inst.scores.clone());
        }
        if (prefer != null) {
            // Only stay when the preferred node is (one of) the best for this instance.
            SchedNode chosen = inst.assign(cluster, prefer);
            if (chosen != prefer) {
                if (chosen != null || !inst.provisional) {
                    undo(cluster, inst, chosen);
                }
                if (backup != null) {
                    restore(inst, backup);
                }
                return null;
            }
            counts[chosen.index]++;
            return chosen;
        }
        SchedNode chosen = inst.assign(cluster, null);
        if (chosen != null) {
            counts[chosen.index]++;
        }
        return chosen;
    }

    /** Whether an instance may be placed on a node now: the clone allows it and the node is not full. */
    boolean allows(SchedNode node) {
        return !assigning || counts[node.index] < cloneNodeMax && score(node.index) >= 0;
    }

    private static void restore(Rsc inst, List<int[]> backup) {
        int k = 0;
        for (PrimitiveRsc l : inst.leaves()) {
            l.scores = backup.get(k++);
        }
        inst.scores = backup.get(k);
    }

    private static void undo(Cluster cluster, Rsc inst, SchedNode chosen) {
        if (inst instanceof PrimitiveRsc p) {
            p.unassign(cluster);
        } else if (inst instanceof GroupRsc g) {
            g.unassign(cluster);
        }
    }

    private static void stop(Cluster cluster, Rsc inst) {
        for (PrimitiveRsc l : inst.leaves()) {
            if (l.provisional) {
                l.setAssigned(cluster, null);
            }
        }
        inst.provisional = false;
    }

    @Override
    SchedNode assignedNode() {
        return null;
    }

    /** Nodes where an instance will run in the given role (null = any active role). */
    List<SchedNode> nodesWith(Role role) {
        List<SchedNode> out = new ArrayList<>();
        boolean[] seen = new boolean[counts.length]; // a clone on every node: no list search per instance
        for (Rsc inst : instances) {
            SchedNode n = inst.assignedNode();
            if (n != null && (role == null || role == Role.STARTED || inst.nextRole() == role) && !seen[n.index]) {
                seen[n.index] = true;
                out.add(n);
            }
        }
        return out;
    }

    /** The nodes of assigned instances none of whose primitives is blocked ({@link PrimitiveRsc#blocked}). */
    List<SchedNode> nodesOfUnblockedInstances() {
        List<SchedNode> out = new ArrayList<>();
        boolean[] seen = new boolean[counts.length];
        for (Rsc inst : instances) {
            SchedNode n = inst.assignedNode();
            if (n == null || seen[n.index]) {
                continue;
            }
            boolean blocked = false;
            for (PrimitiveRsc leaf : inst.leaves()) {
                blocked |= leaf.blocked;
            }
            if (!blocked) {
                seen[n.index] = true;
                out.add(n);
            }
        }
        return out;
    }

    @Override
    Role nextRole() {
        Role best = Role.STOPPED;
        for (Rsc i : instances) {
            Role r = i.nextRole();
            if (r.ordinal() > best.ordinal()) {
                best = r;
            }
        }
        return best;
    }
}
