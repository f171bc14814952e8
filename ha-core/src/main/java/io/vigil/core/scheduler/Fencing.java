package io.vigil.core.scheduler;

import io.vigil.core.model.NoQuorumPolicy;

/**
 * Fencing: which nodes get fenced (unclean nodes, nodes where a failure asks for it, every node of an inquorate
 * partition with no-quorum-policy=suicide), and whether fencing is possible at all (stonith enabled, and quorum
 * unless no-quorum-policy=ignore or the node is still a member of our partition).
 */
final class Fencing {
    private Fencing() {
    }

    /**
     * Whether this partition may fence {@code node}: with quorum (or a policy that does not need it), or without
     * quorum a node that is still in our membership, e.g. one where a stop failed (pe_can_fence).
     */
    static boolean canFence(Cluster cluster, SchedNode node) {
        return cluster.stonith && (cluster.quorate || cluster.noQuorumPolicy == NoQuorumPolicy.IGNORE
                || cluster.noQuorumPolicy == NoQuorumPolicy.SUICIDE || node.online());
    }

    static void request(Cluster cluster, SchedNode node, String reason) {
        if (!canFence(cluster, node) || node.fenced) {
            return;
        }
        node.fenced = true;
        node.fenceReason = reason;
    }

    /** Decides node-level fencing before resources are placed (fenced nodes run nothing afterwards). */
    static void decide(Cluster cluster) {
        for (SchedNode n : cluster.nodes) {
            if (n.unclean()) {
                request(cluster, n, n.unseen ? "node is unclean" : "peer is no longer part of the cluster");
            }
        }
        if (!cluster.quorate && cluster.noQuorumPolicy == NoQuorumPolicy.SUICIDE && cluster.stonith) {
            for (SchedNode n : cluster.nodes) {
                if (n.online()) {
                    request(cluster, n, "cluster does not have quorum");
                }
            }
        }
    }

    /** Whether a stop on this node can happen: the node is up, or it is being fenced (the stop is implied). */
    static boolean stopPossible(SchedNode node) {
        return node.fenced || node.online();
    }
}
