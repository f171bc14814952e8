package io.vigil.core.cluster;

/**
 * Something changed in the cluster, as one node saw it.
 *
 * @param type     what happened
 * @param detail   a human-readable sentence
 * @param snapshot the node's state right after it happened
 */
public record ClusterEvent(Type type, String detail, ClusterSnapshot snapshot) {
    /** Kinds of events. */
    public enum Type {
        /** A new membership view was installed. */
        VIEW_CHANGED,
        /** This node's partition gained quorum. */
        QUORUM_GAINED,
        /** This node's partition lost quorum. */
        QUORUM_LOST,
        /** A DC finished its join round and now acts; {@code snapshot.dc()} names it. */
        DC_ELECTED,
        /** This node accepted a new CIB version. */
        CIB_CHANGED,
        /** The stored CIB was corrupt at start and has been replaced by a peer's copy. */
        CIB_REPAIRED,
        /**
         * A join round found CIBs that diverged (both sides of a partition changed the configuration); the newest
         * won and the other side's changes were dropped. The detail names both versions.
         */
        CIB_CONFLICT_RESOLVED,
        /**
         * The acting DC ran the scheduler on a CIB it committed (after its join round, and after each committed
         * change once no other write is queued behind it). The detail is the transition summary on one line
         * ({@code Start web ( n2 )}, lines separated by {@code "; "}), or {@code "no actions"};
         * {@code snapshot.plannedTransition()} holds the whole result.
         */
        TRANSITION_PLANNED,
        /**
         * The scheduler threw on a committed CIB. The DC keeps running and has no planned transition until the
         * next CIB change; the detail names the CIB version and the error (also logged at ERROR).
         */
        SCHEDULER_FAILED
    }
}
