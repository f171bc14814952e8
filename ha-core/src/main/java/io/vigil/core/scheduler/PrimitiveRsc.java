package io.vigil.core.scheduler;

import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Role;

import java.util.ArrayList;
import java.util.List;

/** A primitive, or one instance of a cloned primitive: the only variant that runs agent actions. */
final class PrimitiveRsc extends Rsc {
    /** One node where the primitive is active now. */
    record Active(SchedNode node, Role role, boolean failed) {
    }

    final Primitive primitive;
    /** Where it runs now, with the role; usually zero or one entry. */
    final List<Active> current = new ArrayList<>(1);
    /**
     * This leaf's row in the cluster's known-node matrix ({@link Cluster#isKnown}): nodes whose state for it is
     * known (probed); others need a probe. The copies of a cloned primitive share one row: a probe answers for
     * the clone's primitive, not for an instance number.
     */
    int knownRow;
    /** This leaf's index in {@link Cluster#leaves} (stable for a configuration: leaves are made in tree order). */
    int leafIndex;
    /** The node it was assigned to, or null. */
    SchedNode assigned;
    /** The role it gets on {@link #assigned}. */
    Role role = Role.STOPPED;
    /** A failure the cluster will not touch (on-fail=block, failed stop without fencing): frozen in place. */
    boolean blocked;
    /** on-fail=stop after a failure: stays stopped until cleaned up. */
    boolean stopAfterFailure;
    /** on-fail=demote after a failure of the promoted role. */
    boolean demoteAfterFailure;
    /**
     * Active on more than one node in a way its {@code multiple-active} policy must resolve (see
     * {@link History}): every copy is stopped and one started. Copies on unclean nodes of a resource that does not
     * need fencing do not count; they are listed after the clean ones in {@link #current}.
     */
    boolean multiplyActive;
    /** Failures recorded, but the resource is treated as healthy (on-fail=ignore). */
    boolean failureIgnored;
    /** What a changed definition asks of it (restart, reload, monitors to reschedule); null when unchanged. */
    Digests.Changes definitionChanges;

    /** Actions for this transition (see {@link Actions}): stops on the current nodes, start/promote on the next. */
    final List<Act> stops = new ArrayList<>(1);
    Act demote;
    Act start;
    Act promote;

    Act stopOn(SchedNode node) {
        for (Act a : stops) {
            if (a.node == node) {
                return a;
            }
        }
        return null;
    }

    PrimitiveRsc(String id, Rsc parent, Primitive primitive, MetaAttributes meta, int nodeCount, boolean symmetric) {
        super(id, parent, meta, nodeCount, symmetric);
        this.primitive = primitive;
    }

    /** {@link #leaves()}: the tree is fixed, so the one-element list is made once. */
    private final List<PrimitiveRsc> self = List.of(this);

    @Override
    List<PrimitiveRsc> leaves() {
        return self;
    }

    @Override
    List<Rsc> children() {
        return List.of();
    }

    /** The node it runs on now when active on exactly one node, else null. */
    SchedNode currentNode() {
        return current.size() == 1 ? current.get(0).node() : null;
    }

    Active currentOn(SchedNode node) {
        for (int i = 0; i < current.size(); i++) {
            Active a = current.get(i);
            if (a.node() == node) {
                return a;
            }
        }
        return null;
    }

    boolean failed() {
        for (Active a : current) {
            if (a.failed()) {
                return true;
            }
        }
        return false;
    }

    /** Current role (of the first active entry), Stopped when inactive. */
    Role currentRole() {
        return current.isEmpty() ? Role.STOPPED : current.get(0).role();
    }

    /** Whether the scheduler may act on it: managed, not blocked, not on a node in maintenance. */
    boolean actionable() {
        if (!managed() || blocked) {
            return false;
        }
        for (Active a : current) {
            if (a.node().maintenance) {
                return false;
            }
        }
        return true;
    }

    /** Whether this primitive is an instance of a promotable clone. */
    boolean promotable() {
        CloneRsc c = parentClone();
        return c != null && c.promotable;
    }

    @Override
    SchedNode assign(Cluster cluster, SchedNode prefer) {
        if (!provisional) {
            return assigned;
        }
        if (assigning) {
            return null;
        }
        assigning = true;
        Colocations.applyPrimaries(cluster, this);
        Colocations.addDependentInfluence(cluster, this);
        Colocations.respectPlacedDependents(cluster, this);
        SchedNode chosen;
        if (!actionable()) {
            chosen = current.isEmpty() ? null : current.get(0).node();
        } else if (wantsStopped(cluster)) {
            chosen = null;
        } else {
            chosen = NodeChoice.best(cluster, this, prefer);
        }
        setAssigned(cluster, chosen);
        assigning = false;
        return chosen;
    }

    boolean wantsStopped(Cluster cluster) {
        return meta.targetRoleOrDefault() == Role.STOPPED || cluster.stopAll || stopAfterFailure;
    }

    void setAssigned(Cluster cluster, SchedNode node) {
        provisional = false;
        assigned = node;
        if (node == null) {
            role = Role.STOPPED;
            return;
        }
        node.assignedCount++;
        Utilization.consume(cluster, this, node);
        if (!actionable()) {
            role = currentRole();
        } else if (promotable()) {
            role = Role.UNPROMOTED;
        } else {
            role = Role.STARTED;
        }
    }

    /** Forgets an assignment (a clone instance trying its preferred node, then backing out). */
    void unassign(Cluster cluster) {
        if (assigned != null) {
            assigned.assignedCount--;
            Utilization.release(cluster, this, assigned);
        }
        assigned = null;
        role = Role.STOPPED;
        provisional = true;
    }

    @Override
    SchedNode assignedNode() {
        return assigned;
    }

    @Override
    Role nextRole() {
        return assigned == null ? Role.STOPPED : role;
    }
}
