package io.vigil.pacemaker;

import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.MultipleActive;
import io.vigil.core.model.Requires;
import io.vigil.core.model.RestartType;
import io.vigil.core.model.Role;


import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns a resource's (or {@code rsc_defaults}') meta attributes into {@link MetaAttributes}. */
final class MetaReader {
    /** Clone options: read into CloneOptions by the resource reader, so not kept in {@code other}. */
    static final Set<String> CLONE_OPTIONS = Set.of("clone-max", "clone-node-max", "globally-unique", "interleave",
            "notify", "ordered", "promotable", "promoted-max", "promoted-node-max", "master-max", "master-node-max");

    private MetaReader() {
    }

    /**
     * Reads the meta attributes.
     *
     * @param skip       names handled elsewhere (clone options), left out of {@code other}
     * @param promotable whether the resource is (inside) a promotable clone; if not, a target-role of Promoted or
     *                   Unpromoted is ignored with a warning, as Pacemaker does (the resource runs as if unset)
     */
    static MetaAttributes read(ImportContext ctx, Map<String, ImportContext.NvPair> pairs, Set<String> skip,
                               boolean promotable) {
        Integer priority = null;
        Role targetRole = null;
        Boolean isManaged = null;
        Boolean maintenance = null;
        Integer stickiness = null;
        Integer migrationThreshold = null;
        Duration failureTimeout = null;
        MultipleActive multipleActive = null;
        Requires requires = null;
        RestartType restartType = null;
        Map<String, String> other = new TreeMap<>();
        for (ImportContext.NvPair p : pairs.values()) {
            XmlElement e = p.element();
            String v = p.value();
            String name = p.name();
            switch (name) {
                case "priority" -> priority = ctx.score(e, name, v);
                case "target-role" -> {
                    targetRole = v.trim().equalsIgnoreCase("default") ? null : ctx.role(e, name, v);
                    if (!promotable && (targetRole == Role.PROMOTED || targetRole == Role.UNPROMOTED)) {
                        ctx.warn(e, "ignored target-role " + v + ": only a promotable clone has that role");
                        targetRole = null;
                    }
                }
                case "is-managed" -> isManaged = ctx.bool(e, name, v);
                case "maintenance" -> maintenance = ctx.bool(e, name, v);
                case "resource-stickiness" -> stickiness = ctx.score(e, name, v);
                case "migration-threshold" -> migrationThreshold = ctx.score(e, name, v);
                case "failure-timeout" -> failureTimeout = ctx.duration(e, name, v);
                case "multiple-active" -> multipleActive = ctx.parse(e, name, v, MultipleActive::parse);
                case "requires" -> requires = ctx.parse(e, name, v, Requires::parse);
                case "restart-type" -> restartType = ctx.parse(e, name, v, RestartType::parse);
                case "remote-node", "container", "container-attribute-target" ->
                        throw ctx.unsupported(e, "meta attribute '" + name
                                + "' (guest nodes and containers are not supported)");
                default -> {
                    if (!skip.contains(name)) {
                        other.put(name, v);
                    }
                }
            }
        }
        return new MetaAttributes(priority, targetRole, isManaged, maintenance, stickiness, migrationThreshold,
                failureTimeout, multipleActive, requires, other, restartType);
    }
}
