package io.vigil.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the cluster knows besides the configuration: quorum, the DC, and every node's state and history
 * (the CIB's {@code status} section).
 *
 * @param quorate whether the partition that wrote this status has quorum
 * @param dc      the name of the DC that wrote it; null if none
 * @param nodes   the nodes, sorted by name
 */
public record ClusterStatus(boolean quorate, String dc, List<NodeStatus> nodes) {
    /** No nodes, quorate, no DC. */
    public static final ClusterStatus EMPTY = new ClusterStatus(true, null, List.of());

    /** Checks required components, copies collections and fills unset components with their defaults. */
    public ClusterStatus {
        nodes = nodes == null ? List.of() : nodes.stream().sorted(Comparator.comparing(NodeStatus::name)).toList();
    }

    /** The status of this node. */
    public Optional<NodeStatus> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
