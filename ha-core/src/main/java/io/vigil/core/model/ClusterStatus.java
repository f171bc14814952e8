package io.vigil.core.model;

import java.util.AbstractList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * What the cluster knows besides the configuration: quorum, the DC, and every node's state and history
 * (the CIB's {@code status} section).
 *
 * <p>The status keeps two orders of its nodes: {@link #nodes()} is sorted by name (what most readers want), and
 * {@link #nodesInStatusOrder()} is the order the nodes were given in, which for an imported CIB is the document
 * order of its {@code node_state} elements. The second order is not cosmetic: Pacemaker reads the nodes' histories
 * in that order, and the order decides which instance number each active copy of an anonymous clone gets, which in
 * turn breaks ties between equally good instances (for example which of two instances with the same promotion score
 * is promoted). Two statuses are equal only if both orders are.
 *
 * @param quorate whether the partition that wrote this status has quorum
 * @param dc      the name of the DC that wrote it; null if none
 * @param nodes   the nodes, sorted by name; given in any order, which {@link #nodesInStatusOrder()} keeps (a list
 *                taken from another status's {@code nodes()} keeps that status's order)
 */
public record ClusterStatus(boolean quorate, String dc, List<NodeStatus> nodes) {
    /** No nodes, quorate, no DC. */
    public static final ClusterStatus EMPTY = new ClusterStatus(true, null, List.of());

    /** Checks required components, copies collections and fills unset components with their defaults. */
    public ClusterStatus {
        nodes = nodes instanceof NodeList kept ? kept : new NodeList(nodes == null ? List.of() : List.copyOf(nodes));
    }

    /** The status of this node. */
    public Optional<NodeStatus> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /**
     * The nodes in the order they were given (for an imported CIB: the document order of the status section's
     * {@code node_state} elements). The scheduler numbers active anonymous clone instances in this order, as
     * Pacemaker does; {@link #nodes()} has the same nodes sorted by name.
     *
     * @return an unmodifiable list; never null
     */
    public List<NodeStatus> nodesInStatusOrder() {
        return ((NodeList) nodes).statusOrder;
    }

    /** Equal when quorum, DC and the nodes in status order (hence also sorted by name) are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterStatus s && quorate == s.quorate && Objects.equals(dc, s.dc)
                && nodesInStatusOrder().equals(s.nodesInStatusOrder());
    }

    @Override
    public int hashCode() {
        return Objects.hash(quorate, dc, nodesInStatusOrder());
    }

    /** The nodes sorted by name (what the list shows), remembering the order they were given in. */
    private static final class NodeList extends AbstractList<NodeStatus> implements RandomAccess {
        private final List<NodeStatus> byName;
        private final List<NodeStatus> statusOrder;

        NodeList(List<NodeStatus> statusOrder) {
            this.statusOrder = statusOrder;
            this.byName = statusOrder.stream().sorted(Comparator.comparing(NodeStatus::name)).toList();
        }

        @Override
        public NodeStatus get(int index) {
            return byName.get(index);
        }

        @Override
        public int size() {
            return byName.size();
        }
    }
}
