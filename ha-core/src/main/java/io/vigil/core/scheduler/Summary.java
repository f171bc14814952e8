package io.vigil.core.scheduler;

import io.vigil.core.model.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The transition summary in Pacemaker's format ({@code crm_simulate}'s "Transition Summary"), and the placement
 * that results from applying every runnable action.
 */
final class Summary {
    private Summary() {
    }

    /** Where a leaf ends up after the transition: node and role, or null when stopped. */
    record Outcome(SchedNode node, Role role) {
    }

    static Outcome outcome(PrimitiveRsc leaf) {
        SchedNode cur = leaf.currentNode();
        if (leaf.multiplyActive) {
            cur = null;
        }
        Act start = leaf.start;
        boolean startsSomewhere = start != null && start.node != null && start.runnable;
        // Stays put when it cannot be stopped (blocked, unmanaged) or no stop is needed.
        for (PrimitiveRsc.Active a : leaf.current) {
            Act stop = leaf.stopOn(a.node());
            boolean leaves = stop != null && !stop.optional && stop.runnable;
            if (!leaves && (start == null || start.node != a.node() || !startsSomewhere)) {
                return new Outcome(a.node(), a.role());
            }
        }
        if (!startsSomewhere) {
            return null;
        }
        Role role = leaf.role;
        if (role == Role.PROMOTED && (leaf.promote == null || !leaf.promote.runnable)) {
            role = Role.UNPROMOTED;
        }
        if (role == Role.UNPROMOTED && cur == start.node && leaf.currentRole() == Role.PROMOTED
                && leaf.demote != null && !leaf.demote.runnable) {
            role = Role.PROMOTED;
        }
        if (!leaf.promotable() && role == Role.UNPROMOTED) {
            role = Role.STARTED;
        }
        return new Outcome(start.node, role);
    }

    static List<String> lines(Cluster cluster) {
        List<String> out = new ArrayList<>();
        for (SchedNode n : cluster.nodes) {
            if (n.fenced) {
                out.add("Fence (" + cluster.config.properties().stonithAction().text() + ") " + n.name + " '"
                        + n.fenceReason + "'");
            }
        }
        for (PrimitiveRsc leaf : cluster.leaves) {
            String line = line(cluster, leaf);
            if (line != null) {
                out.add(line);
            }
            // Active on several nodes and stopping: every further copy gets its own Stop line. One that starts
            // again somewhere is reported once, as the move or restart of its first copy (pcmk_output.c).
            boolean stopping = leaf.start.node == null;
            for (int i = 1; stopping && i < leaf.current.size() && leaf.actionable() && !cluster.maintenanceMode;
                 i++) {
                PrimitiveRsc.Active extra = leaf.current.get(i);
                Act stop = leaf.stopOn(extra.node());
                if (stop != null && !stop.optional && extra.node() != leaf.start.node) {
                    out.add(fmt("Stop", leaf.id, roleText(leaf, extra.role()) + extra.node().name)
                            + (stop.runnable ? "" : " blocked"));
                }
            }
        }
        return out;
    }

    /**
     * The role shown before a node: for promotable instances, and for any resource whose role is a promotable one
     * (an orphan instance of a promotable clone), as Pacemaker shows the role when it is above Started.
     */
    private static String roleText(PrimitiveRsc leaf, Role role) {
        if (leaf.promotable()) {
            return (role == Role.STARTED ? Role.UNPROMOTED : role).text() + " ";
        }
        return role == Role.PROMOTED || role == Role.UNPROMOTED ? role.text() + " " : "";
    }

    static String line(Cluster cluster, PrimitiveRsc leaf) {
        if (!leaf.actionable() || cluster.maintenanceMode) {
            return null;
        }
        PrimitiveRsc.Active cur = leaf.current.isEmpty() ? null : leaf.current.get(0);
        Act start = leaf.start;
        SchedNode next = start.node;
        String id = leaf.id;
        if (cur == null) {
            if (next == null) {
                return null;
            }
            if (!start.runnable && Orderings.NO_PARTNER.equals(start.reason)) {
                return null; // Pacemaker bans such an instance outright
            }
            String blocked = start.runnable ? "" : " blocked";
            if (leaf.role == Role.PROMOTED) {
                boolean ok = start.runnable && leaf.promote != null && leaf.promote.runnable;
                if (ok || !start.runnable) {
                    return fmt("Promote", id, "Stopped -> Promoted " + next.name) + blocked;
                }
            }
            return fmt("Start", id, next.name) + blocked;
        }
        Act stop = leaf.stopOn(cur.node());
        // Active on several nodes, the start is always required in Pacemaker (with stop_unexpected a pseudo-action
        // while the expected copy keeps running), so the line reads Restart even then.
        boolean stopHappens = stop != null && !stop.optional || leaf.multiplyActive;
        String stopBlocked = stop != null && !stop.runnable ? " blocked" : "";
        if (next == null || !start.runnable && stopHappens) {
            if (!stopHappens) {
                return null;
            }
            return fmt("Stop", id, roleText(leaf, cur.role()) + cur.node().name) + stopBlocked;
        }
        if (next != cur.node()) {
            String verb = cur.failed() ? "Recover" : "Move";
            if (leaf.promotable() && (cur.role() != leaf.role)) {
                return fmt(verb, id, cur.role().text() + " " + cur.node().name + " -> " + leaf.role.text() + " "
                        + next.name);
            }
            return fmt(verb, id, cur.node().name + " -> " + next.name);
        }
        if (stopHappens) {
            String verb = cur.failed() ? "Recover" : "Restart";
            Role to = Summary.outcomeRole(leaf);
            if (leaf.promotable() && to != null && to != cur.role()) {
                return fmt(verb, id, cur.role().text() + " -> " + to.text() + " " + cur.node().name);
            }
            return fmt(verb, id, roleText(leaf, cur.role()) + cur.node().name) + stopBlocked;
        }
        if (leaf.promote != null && !leaf.promote.optional && cur.role() != Role.PROMOTED) {
            return fmt("Promote", id, "Unpromoted -> Promoted " + next.name)
                    + (leaf.promote.runnable ? "" : " blocked");
        }
        if (leaf.demote != null && !leaf.demote.optional && leaf.role != Role.PROMOTED) {
            return fmt("Demote", id, "Promoted -> Unpromoted " + next.name)
                    + (leaf.demote.runnable ? "" : " blocked");
        }
        if (leaf.definitionChanges != null && leaf.definitionChanges.reloadsOn(cur.node()) && start.runnable) {
            return fmt("Reload", id, roleText(leaf, cur.role()) + cur.node().name);
        }
        return null;
    }

    private static Role outcomeRole(PrimitiveRsc leaf) {
        Outcome o = outcome(leaf);
        return o == null ? null : o.role();
    }

    private static String fmt(String verb, String id, String args) {
        return verb + " " + id + " ( " + args + " )";
    }
}
