package io.vigil.core.scheduler;

import io.vigil.core.model.MultipleActive;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.Requires;
import io.vigil.core.model.Role;

/**
 * Actions (Pacemaker's create_actions and the implicit per-resource orderings): for every leaf, a stop where it
 * runs and must leave (or restart), a start where it is assigned (optional when it already runs there), a
 * promote/demote for role changes; then the rules that tie them: a required stop on the node it stays on means a
 * restart, a start that becomes required or unrunnable where it runs forces the stop, a stop of a promoted
 * instance needs its demote first, a promote needs its start.
 */
final class Actions {
    private Actions() {
    }

    static void create(Cluster cluster) {
        for (PrimitiveRsc leaf : cluster.leaves) {
            boolean act = leaf.actionable() && !cluster.maintenanceMode;
            SchedNode next = leaf.assigned;
            Role role = leaf.nextRole();
            // multiple-active=stop_unexpected: the copy on the node it is assigned to keeps running.
            boolean keepExpected = leaf.meta.multipleActiveOrDefault() == MultipleActive.STOP_UNEXPECTED;
            for (PrimitiveRsc.Active a : leaf.current) {
                boolean multiple = leaf.multiplyActive && !(keepExpected && a.node() == next);
                boolean need = act && (next == null || next != a.node() || a.failed() || multiple);
                Act stop = new Act("stop", leaf, a.node(), !need, act && Fencing.stopPossible(a.node()));
                if (need) {
                    stop.reason = next == null ? "node availability" : null;
                }
                leaf.stops.add(stop);
                if (a.role() == Role.PROMOTED) {
                    boolean demote = need || next != a.node() || role != Role.PROMOTED;
                    leaf.demote = new Act("demote", leaf, a.node(), !(act && demote), stop.runnable);
                }
            }
            if (next != null) {
                PrimitiveRsc.Active here = leaf.currentOn(next);
                Act stopHere = leaf.stopOn(next);
                boolean staying = here != null && stopHere.optional;
                boolean runnable = act ? startRunnable(cluster, leaf, next, !leaf.current.isEmpty())
                        : here != null && !leaf.blocked;
                leaf.start = new Act("start", leaf, next, staying, runnable);
                if (act && leaf.definitionChanges != null && leaf.definitionChanges.restart) {
                    // Pacemaker's force_restart: the start is required wherever it goes, so in place a restart.
                    leaf.start.optional = false;
                    leaf.start.reason = Digests.REASON;
                }
                if (role == Role.PROMOTED) {
                    boolean already = staying && here.role() == Role.PROMOTED;
                    leaf.promote = new Act("promote", leaf, next, already || !act,
                            runnable && (already || promoteRunnable(cluster, leaf)));
                }
            } else {
                leaf.start = new Act("start", leaf, null, true, false);
            }
        }
    }

    static boolean startRunnable(Cluster cluster, PrimitiveRsc leaf, SchedNode node, boolean active) {
        if (!node.canRunResources()) {
            return false;
        }
        if (cluster.haveQuorum() || leaf.meta.requires() == Requires.NOTHING) {
            return true;
        }
        return (cluster.noQuorumPolicy == NoQuorumPolicy.FREEZE || cluster.noQuorumPolicy == NoQuorumPolicy.DEMOTE)
                && active; // freeze: what runs may keep running (and move), nothing new starts
    }

    static boolean promoteRunnable(Cluster cluster, PrimitiveRsc leaf) {
        return cluster.haveQuorum() || leaf.meta.requires() == Requires.NOTHING;
    }

    /** Applies the per-leaf implicit rules once; returns whether anything changed. */
    static boolean implicit(PrimitiveRsc leaf) {
        boolean changed = false;
        Act start = leaf.start;
        boolean act = leaf.actionable();
        if (start.runnable && !start.optional && act) {
            // Never run a second copy: a start needs every required stop of the same instance to be possible
            // (the node is up, or it is being fenced). An unclean node that cannot be fenced keeps its resources.
            for (Act stop : leaf.stops) {
                if (!stop.optional && !stop.runnable) {
                    start.runnable = false;
                    changed = true;
                    break;
                }
            }
        }
        if (start.node != null) {
            Act stopHere = leaf.stopOn(start.node);
            if (stopHere != null) {
                if (!stopHere.optional && start.optional) {
                    start.optional = false; // recover or restart in place
                    changed = true;
                }
                if (act && stopHere.optional && (!start.optional || !start.runnable)) {
                    stopHere.optional = false; // restart, or it cannot keep running here
                    changed = true;
                }
            }
        }
        if (leaf.demote != null && leaf.demote.optional) {
            Act stop = leaf.stopOn(leaf.demote.node);
            if (stop != null && !stop.optional && act) {
                leaf.demote.optional = false;
                changed = true;
            }
        }
        Act promote = leaf.promote;
        if (promote != null) {
            if (!start.runnable && promote.runnable) {
                promote.runnable = false;
                changed = true;
            }
            if (!start.optional && promote.optional && act) {
                promote.optional = false;
                changed = true;
            }
        }
        return changed;
    }

    /** The action of a leaf for a task, or null when it has none (stops: the first required, else the first). */
    static Act of(PrimitiveRsc leaf, String task) {
        return switch (task) {
            case "start" -> leaf.start;
            case "promote" -> leaf.promote;
            case "demote" -> leaf.demote;
            case "stop" -> {
                Act pick = null;
                for (Act a : leaf.stops) {
                    if (pick == null || !a.optional && pick.optional) {
                        pick = a;
                    }
                }
                yield pick;
            }
            default -> null;
        };
    }
}
