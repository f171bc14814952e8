package io.vigil.pacemaker.cli;

import io.vigil.core.model.Clone;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Group;
import io.vigil.core.model.NodeHealth;
import io.vigil.core.model.NodeHealthStrategy;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Resource;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;
import io.vigil.core.scheduler.InstancePlacement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints a cluster status the way {@code crm_simulate} does: a node list, then every configured resource with
 * where (and in which role) it runs.
 */
final class StatusPrinter {
    private StatusPrinter() {
    }

    /**
     * @param nodes     node -> display state ({@code online}, {@code standby}, {@code offline}, {@code unclean},
     *                  {@code pending}, {@code maintenance}), in the order to print
     * @param instances the active leaf instances
     */
    static List<String> print(Configuration config, Map<String, String> nodes, List<InstancePlacement> instances) {
        List<String> out = new ArrayList<>();
        out.add("  * Node List:");
        List<String> online = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        List<String> other = new ArrayList<>();
        new TreeMap<>(nodes).forEach((name, state) -> {
            switch (state) {
                case "online" -> online.add(name);
                case "offline" -> offline.add(name);
                case "unclean" -> other.add("    * Node " + name + ": UNCLEAN");
                // an online node in standby that still runs something (pe_output.c, node_text_status)
                case "standby" -> other.add("    * Node " + name + ": standby"
                        + (instances.stream().anyMatch(i -> name.equals(i.node())) ? " (with active resources)" : ""));
                default -> other.add("    * Node " + name + ": " + state);
            }
        });
        out.addAll(other);
        if (!online.isEmpty()) {
            out.add("    * Online: [ " + String.join(" ", online) + " ]");
        }
        if (!offline.isEmpty()) {
            out.add("    * OFFLINE: [ " + String.join(" ", offline) + " ]");
        }
        out.add("");
        out.add("  * Full List of Resources:");
        Map<String, List<InstancePlacement>> byLeaf = new TreeMap<>();
        for (InstancePlacement i : instances) {
            byLeaf.computeIfAbsent(i.resource(), k -> new ArrayList<>()).add(i);
        }
        for (Resource r : config.resources()) {
            resource(out, r, byLeaf, online, nodes.size(), "    ");
        }
        return out;
    }

    /**
     * The node states with {@code online} turned into {@code online (health is RED)} or {@code ... YELLOW} when a
     * node health strategy is set and a {@code #health*} attribute of the node is red or yellow (or a score at or
     * below the strategy's red or yellow score), as crm_simulate shows it.
     */
    static Map<String, String> withHealth(Configuration config, ClusterStatus status, Map<String, String> nodes) {
        NodeHealth health = config.properties().nodeHealth();
        if (health.strategy() == NodeHealthStrategy.NONE) {
            return nodes;
        }
        Map<String, Map<String, String>> attributes = new TreeMap<>();
        config.nodes().forEach(n -> attributes.computeIfAbsent(n.name(), k -> new TreeMap<>()).putAll(n.attributes()));
        status.nodes().forEach(n -> attributes.computeIfAbsent(n.name(), k -> new TreeMap<>()).putAll(n.attributes()));
        Map<String, String> out = new LinkedHashMap<>(nodes);
        out.replaceAll((name, state) -> {
            if (!state.equals("online")) {
                return state;
            }
            String colour = colour(health, attributes.getOrDefault(name, Map.of()));
            return colour == null ? state : state + " (health is " + colour + ")";
        });
        return out;
    }

    /** RED, YELLOW or null (green), as Pacemaker's pe__node_health judges the node's health attributes. */
    private static String colour(NodeHealth health, Map<String, String> attributes) {
        String colour = null;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (!a.getKey().startsWith("#health")) {
                continue;
            }
            String v = a.getValue().trim();
            if (v.equalsIgnoreCase("red")) {
                return "RED";
            } else if (v.equalsIgnoreCase("yellow")) {
                colour = "YELLOW";
                continue;
            }
            int score;
            try {
                score = v.equalsIgnoreCase("green") ? health.greenScore() : Score.parse(v);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (score <= health.redScore()) {
                return "RED";
            } else if (score <= health.yellowScore() && health.yellowScore() != health.greenScore()) {
                colour = "YELLOW";
            }
        }
        return colour;
    }

    private static void resource(List<String> out, Resource r, Map<String, List<InstancePlacement>> byLeaf,
                                 List<String> online, int nodeCount, String indent) {
        if (r instanceof Primitive p) {
            out.add(indent + "* " + p.id() + "\t(" + p.agent() + "):\t "
                    + where(byLeaf.getOrDefault(p.id(), List.of()), false));
        } else if (r instanceof Group g) {
            out.add(indent + "* Resource Group: " + g.id() + ":");
            for (Primitive m : g.members()) {
                resource(out, m, byLeaf, online, nodeCount, indent + "  ");
            }
        } else if (r instanceof Clone c) {
            List<String> flags = new ArrayList<>();
            if (c.isPromotable()) {
                flags.add("promotable");
            }
            if (c.options().globallyUniqueOrDefault()) {
                flags.add("unique");
            }
            out.add(indent + "* Clone Set: " + c.id() + " [" + c.child().id() + "]"
                    + (flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")") + ":");
            for (Primitive p : c.primitives()) {
                List<InstancePlacement> instances = byLeaf.getOrDefault(p.id(), List.of());
                if (c.options().globallyUniqueOrDefault()) {
                    // One line per instance, rsc:0 .. rsc:(clone-max - 1), as Pacemaker lists unique clones.
                    Map<String, List<InstancePlacement>> byInstance = new TreeMap<>();
                    int max = c.options().cloneMaxOrDefault(nodeCount);
                    for (int n = 0; n < max; n++) {
                        byInstance.put(p.id() + ":" + n, new ArrayList<>());
                    }
                    instances.forEach(i -> byInstance.computeIfAbsent(i.instance(), k -> new ArrayList<>()).add(i));
                    byInstance.entrySet().stream()
                            .sorted(Comparator.comparing(e -> instanceNumber(e.getKey())))
                            .forEach(e -> out.add(indent + "  * " + e.getKey() + "\t(" + p.agent() + "):\t "
                                    + where(e.getValue(), c.isPromotable())));
                } else {
                    cloneLeaf(out, p, c.primitives().size() > 1, c.isPromotable(), instances, online, indent + "  ");
                }
            }
        }
    }

    /**
     * One line per role, as Pacemaker prints anonymous clones: {@code * Promoted: [ n1 ]},
     * {@code * Unpromoted: [ n2 n3 ]}, {@code * Stopped: [ n4 ]} (online nodes without an instance).
     */
    private static void cloneLeaf(List<String> out, Primitive p, boolean named, boolean promotable,
                                  List<InstancePlacement> instances, List<String> online, String indent) {
        String prefix = named ? p.id() + " " : "";
        Map<String, List<String>> byRole = new TreeMap<>();
        Set<String> placed = new HashSet<>();
        for (InstancePlacement i : instances) {
            String role = role(i, promotable) + (i.failed() ? " (FAILED)" : "");
            byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(i.node());
            placed.add(i.node());
        }
        for (Map.Entry<String, List<String>> e : byRole.entrySet()) {
            List<String> nodes = e.getValue();
            Collections.sort(nodes);
            out.add(indent + "* " + prefix + e.getKey() + ": [ " + String.join(" ", nodes) + " ]");
        }
        List<String> stopped = new ArrayList<>();
        for (String n : online) {
            if (!placed.contains(n)) {
                stopped.add(n);
            }
        }
        if (!stopped.isEmpty()) {
            out.add(indent + "* " + prefix + "Stopped: [ " + String.join(" ", stopped) + " ]");
        }
    }

    /** The N of {@code rsc:N} (for sorting 2 before 10); instances without a number sort last. */
    private static long instanceNumber(String instance) {
        int colon = instance.lastIndexOf(':');
        try {
            return colon < 0 ? Long.MAX_VALUE : Long.parseLong(instance.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** An instance of a promotable clone that is merely started is shown Unpromoted, as Pacemaker does. */
    private static String role(InstancePlacement i, boolean promotable) {
        return promotable && i.role() == Role.STARTED ? Role.UNPROMOTED.text() : i.role().text();
    }

    /** {@code Started node1}, {@code FAILED node1}, {@code Promoted node2}, or {@code Stopped}. */
    private static String where(List<InstancePlacement> instances, boolean promotable) {
        if (instances.isEmpty()) {
            return "Stopped";
        }
        List<String> parts = new ArrayList<>();
        for (InstancePlacement i : instances) {
            // Pacemaker shows a failed started instance without its role: "FAILED node1".
            String role = i.failed() && i.role() == Role.STARTED ? "FAILED" : (i.failed() ? "FAILED " : "")
                    + role(i, promotable);
            parts.add(role + " " + i.node());
        }
        return String.join(", ", parts);
    }
}
