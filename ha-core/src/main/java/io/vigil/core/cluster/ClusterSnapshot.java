package io.vigil.core.cluster;

import io.vigil.core.model.Cib;
import java.util.List;

/**
 * One node's view of the cluster at one moment. Immutable.
 *
 * @param node          this node's name
 * @param viewId        the id of the current membership view (-1 before the first view)
 * @param members       the members of the current view, coordinator first
 * @param quorate       whether this node's partition has quorum
 * @param votes         the votes present in this partition
 * @param expectedVotes the votes of every configured node plus every other node ever seen
 * @param quorumVotes   the votes a partition needs for quorum
 * @param waitingForAll true while {@code wait_for_all} holds quorum back until every node was seen once
 * @param dc            the acting DC this node follows (it has finished its join round), or null
 * @param term          the DC term this node follows
 * @param cib           this node's copy of the CIB (may trail the DC's for a moment)
 * @param cibIntact     false while the stored CIB was found corrupt and no peer has replaced it yet
 * @param plannedTransition the transition this node computed as acting DC for its newest committed CIB; null on
 *                      followers, before the first plan, while a write is still being committed for the first
 *                      time, and after a scheduler failure
 */
public record ClusterSnapshot(String node, long viewId, List<String> members, boolean quorate, int votes,
                              int expectedVotes, int quorumVotes, boolean waitingForAll, String dc, long term,
                              Cib cib, boolean cibIntact, PlannedTransition plannedTransition) {
    public ClusterSnapshot {
        members = List.copyOf(members);
    }

    /** True when this node is the acting DC. */
    public boolean isDc() {
        return node.equals(dc);
    }

    /** A one-line, human-readable summary. */
    public String summary() {
        return node + ": view " + viewId + " " + members + ", " + (quorate ? "quorate" : "NOT quorate") + " ("
                + votes + "/" + expectedVotes + " votes, needs " + quorumVotes
                + (waitingForAll ? ", waiting for all" : "") + "), DC " + (dc == null ? "none" : dc)
                + ", CIB " + cib.version() + (cibIntact ? "" : " (corrupt, awaiting repair)");
    }
}
