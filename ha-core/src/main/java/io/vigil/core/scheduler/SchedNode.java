package io.vigil.core.scheduler;

import io.vigil.core.model.Membership;

import java.util.Map;
import java.util.TreeMap;

/** The scheduler's working view of one node: its state, attributes, capacity and what has been placed on it. */
final class SchedNode {
    final int index;
    final String name;
    /** The node's cluster id (rules read it as {@code #id}); the name unless configured otherwise. */
    final String id;
    final Membership membership;
    boolean standby;
    final boolean maintenance;
    /** Permanent attributes overlaid with transient ones; rules and promotion scores read these. */
    final Map<String, String> attributes;
    /** Remaining capacity per utilization name (placement-strategy other than default). */
    final Map<String, Integer> remaining;
    /** Whether any attribute looks like a promotion score (saves lookups on nodes without any). */
    final boolean hasPromotionScores;
    /** The promotion-score attributes, parsed; null when there are none. */
    final PromotionScores promotionScores;
    /** True when the status says nothing about this node (never seen by the cluster). */
    final boolean unseen;
    /** Whether this node is the DC (rules read it as {@code #is_dc}); set once after construction. */
    boolean dc;
    /** The node is shutting down (transient {@code shutdown} attribute): nothing new may be placed here. */
    boolean shuttingDown;
    /** Set when this node will be fenced in this transition. */
    boolean fenced;
    String fenceReason;
    /** Resources (leaf instances) assigned to this node so far; ties between equal scores go to fewer. */
    int assignedCount;

    SchedNode(int index, String name, String id, Membership membership, boolean standby, boolean maintenance,
              Map<String, String> attributes, Map<String, Integer> capacity, boolean unseen) {
        this.index = index;
        this.name = name;
        this.id = id;
        this.membership = membership;
        this.standby = standby;
        this.maintenance = maintenance;
        this.attributes = attributes;
        this.remaining = new TreeMap<>(capacity);
        this.unseen = unseen;
        this.promotionScores = PromotionScores.of(attributes);
        this.hasPromotionScores = promotionScores != null;
    }

    boolean online() {
        return membership == Membership.ONLINE;
    }

    boolean unclean() {
        return membership == Membership.UNCLEAN;
    }

    /** Whether new resources may be placed here. */
    boolean canRunResources() {
        return online() && !standby && !maintenance && !fenced && !shuttingDown;
    }

    /**
     * Whether what the status reports for this node is trusted as running: offline nodes run nothing, except a
     * node in maintenance, whose resources are left as they were.
     */
    boolean historyCounts() {
        return online() || unclean() || maintenance;
    }

    /** Display state after the transition. */
    String displayState() {
        if (fenced) {
            return "offline";
        }
        if (membership == Membership.ONLINE) {
            return maintenance ? "maintenance" : standby ? "standby" : "online";
        }
        return membership.text();
    }

    /** A node attribute read as a score, or null when it is absent or not a score. */
    static Integer score(String value) {
        if (value == null) {
            return null;
        }
        try {
            return io.vigil.core.model.Score.parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String attribute(String name) {
        return switch (name) {
            case "#uname" -> this.name;
            case "#id" -> this.id;
            case "#kind" -> "cluster";
            case "#is_dc" -> dc ? "true" : "false";
            default -> attributes.get(name);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
