package io.vigil.pacemaker.cli;

import io.vigil.core.model.Clone;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Group;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Resource;
import io.vigil.core.model.Role;
import io.vigil.core.scheduler.InstancePlacement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            resource(out, r, byLeaf, "    ");
        }
        return out;
    }

    private static void resource(List<String> out, Resource r, Map<String, List<InstancePlacement>> byLeaf,
                                 String indent) {
        if (r instanceof Primitive p) {
            out.add(indent + "* " + p.id() + "\t(" + p.agent() + "):\t " + where(byLeaf.getOrDefault(p.id(), List.of())));
        } else if (r instanceof Group g) {
            out.add(indent + "* Resource Group: " + g.id() + ":");
            for (Primitive m : g.members()) {
                resource(out, m, byLeaf, indent + "  ");
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
                cloneLeaf(out, p, c.primitives().size() > 1, byLeaf.getOrDefault(p.id(), List.of()), indent + "  ");
            }
        }
    }

    /** One line per role: {@code * Promoted: [ n1 ]}, {@code * Started: [ n2 n3 ]}, or {@code * Stopped}. */
    private static void cloneLeaf(List<String> out, Primitive p, boolean named, List<InstancePlacement> instances,
                                  String indent) {
        String prefix = named ? p.id() + " " : "";
        if (instances.isEmpty()) {
            out.add(indent + "* " + prefix + "Stopped");
            return;
        }
        Map<String, List<String>> byRole = new TreeMap<>();
        for (InstancePlacement i : instances) {
            String role = i.role().text() + (i.failed() ? " (FAILED)" : "");
            byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(i.node());
        }
        byRole.forEach((role, nodes) -> out.add(indent + "* " + prefix + role + ": [ "
                + String.join(" ", nodes.stream().sorted().toList()) + " ]"));
    }

    private static String where(List<InstancePlacement> instances) {
        if (instances.isEmpty()) {
            return "Stopped";
        }
        List<String> parts = new ArrayList<>();
        for (InstancePlacement i : instances) {
            String role = i.role() == Role.STARTED ? "Started" : i.role().text();
            parts.add((i.failed() ? "FAILED " : "") + role + " " + i.node());
        }
        return String.join(", ", parts);
    }
}
