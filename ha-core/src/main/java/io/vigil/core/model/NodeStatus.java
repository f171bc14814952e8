package io.vigil.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one node as the scheduler reads it ({@code node_state}).
 *
 * @param name        node name
 * @param membership  online, offline, unclean or pending
 * @param standby     true: the node may not run resources
 * @param maintenance true: resources on this node are not managed
 * @param attributes  transient node attributes, e.g. promotion scores ({@code master-RSC}) or {@code shutdown}
 *                    (see {@link #shuttingDown()}); sorted by name
 * @param history     per-resource operation history, sorted by resource id
 * @param failCounts  fail counts for resources on this node
 */
public record NodeStatus(String name, Membership membership, boolean standby, boolean maintenance,
                         Map<String, String> attributes, List<ResourceHistory> history,
                         List<FailCount> failCounts) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public NodeStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(membership, "membership");
        attributes = Copies.sortedMap(attributes);
        history = sortedHistory(history);
        failCounts = Copies.list(failCounts);
    }

    /**
     * The history sorted by resource id. A list that is already sorted is kept as it is when it is unmodifiable
     * ({@link List#copyOf}), so a status derived from another one (e.g. the same node with another membership)
     * shares its history list: the scheduler recognises a history it has read before by that identity
     * ({@code io.vigil.core.scheduler.SchedulerSession}).
     */
    private static List<ResourceHistory> sortedHistory(List<ResourceHistory> history) {
        if (history == null) {
            return List.of();
        }
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i - 1).resource().compareTo(history.get(i).resource()) > 0) {
                List<ResourceHistory> sorted = new java.util.ArrayList<>(history);
                sorted.sort(java.util.Comparator.comparing(ResourceHistory::resource)); // stable, as before
                return List.copyOf(sorted); // (not Stream.toList(): List.copyOf copies such a list again)
            }
        }
        return List.copyOf(history);
    }

    /** An online node with no history. */
    public static NodeStatus online(String name) {
        return new NodeStatus(name, Membership.ONLINE, false, false, Map.of(), List.of(), List.of());
    }

    /**
     * Whether the node is shutting down: its transient {@code shutdown} attribute is set to anything but
     * {@code 0} (Pacemaker sets it to the time the shutdown was requested). Resources move off such a node.
     */
    public boolean shuttingDown() {
        String v = attributes.get("shutdown");
        return v != null && !v.trim().equals("0");
    }

    /** The node's display state: its membership, or standby/maintenance for an online node. */
    public String state() {
        if (membership == Membership.ONLINE) {
            return maintenance ? "maintenance" : standby ? "standby" : "online";
        }
        return membership.text();
    }
}
