package io.vigil.core.scheduler;

import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * A group (or one instance of a cloned group): members placed one after the other, each colocated with and
 * ordered after the one before it, so the first member's node is the group's node.
 */
final class GroupRsc extends Rsc {
    final List<PrimitiveRsc> members = new ArrayList<>();

    GroupRsc(String id, Rsc parent, MetaAttributes meta, int nodeCount, boolean symmetric) {
        super(id, parent, meta, nodeCount, symmetric);
    }

    @Override
    List<PrimitiveRsc> leaves() {
        return members;
    }

    @Override
    @SuppressWarnings("unchecked")
    List<Rsc> children() {
        return (List<Rsc>) (List<? extends Rsc>) members;
    }

    @Override
    SchedNode assign(Cluster cluster, SchedNode prefer) {
        if (!provisional) {
            return assignedNode();
        }
        if (assigning) {
            return null;
        }
        assigning = true;
        SchedNode first = null;
        boolean seen = false;
        for (PrimitiveRsc m : members) {
            SchedNode n = m.assign(cluster, prefer);
            if (!seen) {
                first = n;
                seen = true;
            }
        }
        provisional = false;
        assigning = false;
        return first;
    }

    /** Backs out every member's assignment (a clone instance that did not get its preferred node). */
    void unassign(Cluster cluster) {
        for (PrimitiveRsc m : members) {
            m.unassign(cluster);
        }
        provisional = true;
    }

    @Override
    SchedNode assignedNode() {
        return members.isEmpty() ? null : members.get(0).assigned;
    }

    @Override
    Role nextRole() {
        Role best = Role.STOPPED;
        for (PrimitiveRsc m : members) {
            Role r = m.nextRole();
            if (r.ordinal() > best.ordinal()) {
                best = r;
            }
        }
        return best;
    }
}
