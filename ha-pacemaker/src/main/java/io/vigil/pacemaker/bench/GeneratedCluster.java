package io.vigil.pacemaker.bench;

import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.Primitive;
import java.time.Instant;
import java.util.Objects;

/**
 * A cluster made by {@link ClusterGenerator}: one configuration and the two statuses the benchmark schedules.
 *
 * @param configuration the configuration (valid: it was built through the validating builder)
 * @param scratch       every node online, nothing run or probed yet: the scheduler has to probe and place
 *                      everything
 * @param nodeFailure   the converged placement (every resource probed everywhere and running where a previous
 *                      transition placed it), with {@code failedNode} now offline; its history is kept, as in
 *                      the CIB right after the node was lost
 * @param failedNode    the node that is offline in {@code nodeFailure}
 * @param now           the time both statuses were taken at (the CIB's {@code execution-date})
 */
public record GeneratedCluster(Configuration configuration, ClusterStatus scratch, ClusterStatus nodeFailure,
                               String failedNode, Instant now) {
    public GeneratedCluster {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(scratch, "scratch");
        Objects.requireNonNull(nodeFailure, "nodeFailure");
        Objects.requireNonNull(failedNode, "failedNode");
        Objects.requireNonNull(now, "now");
    }

    /**
     * The status just before the failure: {@link #nodeFailure} with {@code failedNode} still online. Every node
     * keeps the very same history list (as the DC's CIB does when only a node's membership changes), so a
     * {@link io.vigil.core.scheduler.SchedulerSession} that scheduled this status recognises the histories after
     * the failure.
     *
     * @return the converged status with every node online
     */
    public ClusterStatus beforeFailure() {
        java.util.List<NodeStatus> nodes = new java.util.ArrayList<>();
        for (NodeStatus n : nodeFailure.nodesInStatusOrder()) { // same order too, as in the CIB
            nodes.add(!n.name().equals(failedNode) ? n : new NodeStatus(n.name(), Membership.ONLINE, n.standby(),
                    n.maintenance(), n.attributes(), n.history(), n.failCounts()));
        }
        return new ClusterStatus(nodeFailure.quorate(), nodeFailure.dc(), nodes);
    }

    /** Number of configured primitives (clone children and group members included, once each). */
    public int primitiveCount() {
        return (int) configuration.allResources().stream()
                .filter(r -> r instanceof Primitive).count();
    }
}
