package io.vigil.core.scheduler;

import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A resource as the scheduler works on it: the variant-independent state (node scores, colocations, assignment
 * flags) plus one method per scheduling step that each variant ({@link PrimitiveRsc}, {@link GroupRsc},
 * {@link CloneRsc}) implements its own way, like Pacemaker's table of assignment methods.
 */
abstract sealed class Rsc permits PrimitiveRsc, GroupRsc, CloneRsc {
    /** Marks a node that is not in the resource's allowed table (opt-in clusters). */
    static final int UNSET = Integer.MIN_VALUE;

    final String id;
    final Rsc parent;
    /** Effective meta attributes: own, then parents', then rsc_defaults. */
    final MetaAttributes meta;
    /** Position in configuration order, the last tie-breaker. */
    int order;
    /** Allowed node scores, by node index; {@link #UNSET} = not allowed (opt-in cluster, no location). */
    int[] scores;
    /** Contributions to {@link #scores}, for "why is X on node2?"; null until the first one. */
    private ScoreReasons reasons;
    /** Colocations in which this resource is the dependent. */
    final List<Coloc> thisWith = new ArrayList<>();
    /** Colocations in which this resource is the primary. */
    final List<Coloc> withThis = new ArrayList<>();
    boolean provisional = true;
    boolean assigning;

    Rsc(String id, Rsc parent, MetaAttributes meta, int nodeCount, boolean symmetric) {
        this.id = id;
        this.parent = parent;
        this.meta = meta;
        this.scores = new int[nodeCount];
        Arrays.fill(scores, symmetric ? 0 : UNSET);
    }

    /** The leaf primitives (instances) under this resource, in order. */
    abstract List<PrimitiveRsc> leaves();

    /** Direct children (group members, clone instances). */
    abstract List<Rsc> children();

    /** Chooses node(s) for this resource; returns the node it runs on (first member for groups), or null. */
    abstract SchedNode assign(Cluster cluster, SchedNode prefer);

    /** The node this resource was assigned to (for groups the first member's), or null if stopped/unassigned. */
    abstract SchedNode assignedNode();

    /** The role it will have, considering every leaf (Promoted beats Started beats Stopped). */
    abstract Role nextRole();

    /** Whether any leaf is active now. */
    boolean isActive() {
        for (PrimitiveRsc leaf : leaves()) {
            if (!leaf.current.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The top-level resource this one belongs to. */
    Rsc top() {
        Rsc r = this;
        while (r.parent != null) {
            r = r.parent;
        }
        return r;
    }

    /** The clone this resource is an instance of (or inside of), or null. */
    CloneRsc parentClone() {
        for (Rsc r = parent; r != null; r = r.parent) {
            if (r instanceof CloneRsc c) {
                return c;
            }
        }
        return null;
    }

    /** Adds {@code score} for {@code node} to this resource and, as Pacemaker does, to every descendant. */
    void addScore(int node, int score, String why) {
        scores[node] = scores[node] == UNSET ? score : Score.add(scores[node], score);
        if (why != null) {
            reasons().contribution(node, why, score);
        }
        List<Rsc> children = children();
        for (int i = 0; i < children.size(); i++) { // indexed: an iterator per call and node showed up as garbage
            children.get(i).addScore(node, score, null);
        }
    }

    /**
     * Sets this resource's score for a node to {@code value}, moving every descendant's score by the same amount
     * (to -INFINITY when the new value is -INFINITY): how colocation results reach clone instances and members.
     */
    void setScore(int node, int value) {
        int old = scores[node];
        if (old == value) {
            return;
        }
        scores[node] = value;
        if (value == UNSET) {
            return;
        }
        List<Rsc> children = children();
        for (int i = 0; i < children.size(); i++) { // indexed, as in addScore
            Rsc c = children.get(i);
            int cOld = c.scores[node];
            int cNew;
            if (value <= Score.MINUS_INFINITY || value >= Score.INFINITY || old == UNSET
                    || old <= Score.MINUS_INFINITY || old >= Score.INFINITY) {
                cNew = value <= Score.MINUS_INFINITY ? Score.MINUS_INFINITY
                        : cOld == UNSET ? value : Score.add(cOld, value >= Score.INFINITY ? value : 0);
            } else {
                cNew = cOld == UNSET ? value : Score.add(cOld, value - old);
            }
            c.setScore(node, cNew);
        }
    }

    /** The recorded contributions to this resource's scores (created on first use). */
    ScoreReasons reasons() {
        if (reasons == null) {
            reasons = new ScoreReasons();
        }
        return reasons;
    }

    /** The recorded contributions, or null when there are none. */
    ScoreReasons recordedReasons() {
        return reasons;
    }

    /** Bans this resource (and its descendants) from a node. */
    void ban(int node, String why) {
        addScore(node, Score.MINUS_INFINITY, why);
    }

    /** The score as a plain int: not-allowed counts as -INFINITY. */
    int score(int node) {
        int s = scores[node];
        return s == UNSET ? Score.MINUS_INFINITY : s;
    }

    int stickiness() {
        Integer s = meta.resourceStickiness();
        return s == null ? 0 : s;
    }

    boolean managed() {
        return meta.isManagedOrDefault() && !meta.maintenanceOrDefault();
    }

    @Override
    public String toString() {
        return id;
    }
}
