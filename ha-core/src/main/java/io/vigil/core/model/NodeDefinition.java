package io.vigil.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * A node the cluster expects ({@code nodes} section).
 *
 * @param name        node name (unique)
 * @param votes       quorum votes this node carries; default 1
 * @param attributes  permanent node attributes that rules read (sorted by name); {@code standby=on} puts the
 *                    node in standby
 * @param utilization capacity the node offers, by name (e.g. {@code cpu=8}); see {@link PlacementStrategy}
 * @param id          the node's cluster id, which rules read as {@code #id} (Pacemaker's {@code node id}, often a
 *                    number or UUID); null: the same as {@code name}
 */
public record NodeDefinition(String name, int votes, Map<String, String> attributes,
                             Map<String, Integer> utilization, String id) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public NodeDefinition {
        Objects.requireNonNull(name, "name");
        attributes = Copies.sortedMap(attributes);
        utilization = Copies.sortedMap(utilization);
        id = id == null ? name : id;
    }

    /** A node whose id is its name. */
    public NodeDefinition(String name, int votes, Map<String, String> attributes, Map<String, Integer> utilization) {
        this(name, votes, attributes, utilization, null);
    }

    /** A one-vote node without attributes. */
    public static NodeDefinition of(String name) {
        return new NodeDefinition(name, 1, Map.of(), Map.of());
    }
}
