package io.vigil.pacemaker;

import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.FenceAction;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.PlacementStrategy;


import java.util.Map;
import java.util.Set;

/**
 * Reads {@code crm_config} into {@link ClusterProperties}, accepting Pacemaker 2.x and 3.x option names
 * ({@code stonith-enabled} / {@code fencing-enabled}, {@code stonith-action} / {@code fencing-action}).
 */
final class PropertiesReader {
    /** Options that tune timing, logging or the cluster layer, not what the scheduler decides: ignored silently. */
    private static final Set<String> RUNTIME_ONLY = Set.of("dc-version", "cluster-infrastructure", "last-lrm-refresh",
            "cluster-name", "have-watchdog", "cluster-delay", "pe-error-series-max", "pe-warn-series-max",
            "pe-input-series-max", "shutdown-escalation", "dc-deadtime", "election-timeout",
            "crmd-integration-timeout", "crmd-finalization-timeout", "crmd-transition-delay",
            "transition-delay", "join-integration-timeout", "join-finalization-timeout",
            "transition-idle-timeout", "fencing-timeout", "stonith-timeout", "stonith-watchdog-timeout",
            "fencing-watchdog-timeout", "stonith-max-attempts", "fencing-max-attempts", "migration-limit",
            "node-action-limit", "load-threshold", "cluster-ipc-limit", "fence-reaction", "priority-fencing-delay",
            "fencing-delay-base", "pcmk_delay_base", "dc-version-hash", "no-quorum-panic", "record-pending");

    /** Options that change scheduling, but only away from their default; the default value is accepted. */
    private static final Map<String, String> DEFAULT_ONLY = Map.of(
            "node-health-strategy", "none",
            "shutdown-lock", "false",
            "stop-orphan-resources", "true",
            "stop-orphan-actions", "true",
            "enable-startup-probes", "true",
            "remove-after-stop", "false");

    private PropertiesReader() {
    }

    static ClusterProperties read(ImportContext ctx, XmlElement crmConfig) {
        ClusterProperties.Builder b = ClusterProperties.builder();
        if (crmConfig == null) {
            return b.build();
        }
        Map<String, ImportContext.NvPair> opts = ctx.nvpairs(crmConfig, "cluster_property_set", "cib-bootstrap-options");
        for (ImportContext.NvPair p : opts.values()) {
            XmlElement e = p.element();
            String v = p.value();
            String name = p.name();
            switch (name) {
                case "fencing-enabled" -> b.stonithEnabled(ctx.bool(e, name, v));
                case "stonith-enabled" -> {
                    if (!opts.containsKey("fencing-enabled")) {
                        b.stonithEnabled(ctx.bool(e, name, v));
                    }
                }
                case "fencing-action" -> b.stonithAction(fenceAction(ctx, e, name, v));
                case "stonith-action" -> {
                    if (!opts.containsKey("fencing-action")) {
                        b.stonithAction(fenceAction(ctx, e, name, v));
                    }
                }
                case "no-quorum-policy" -> b.noQuorumPolicy(ctx.parse(e, name, v, NoQuorumPolicy::parse));
                case "symmetric-cluster" -> b.symmetricCluster(ctx.bool(e, name, v));
                case "stop-all-resources" -> b.stopAllResources(ctx.bool(e, name, v));
                case "maintenance-mode" -> b.maintenanceMode(ctx.bool(e, name, v));
                case "start-failure-is-fatal" -> b.startFailureIsFatal(ctx.bool(e, name, v));
                case "placement-strategy" -> b.placementStrategy(ctx.parse(e, name, v, PlacementStrategy::parse));
                case "startup-fencing" -> b.startupFencing(ctx.bool(e, name, v));
                case "concurrent-fencing" -> b.concurrentFencing(ctx.bool(e, name, v));
                case "cluster-recheck-interval" -> b.clusterRecheckInterval(ctx.duration(e, name, v));
                case "batch-limit" -> b.batchLimit(Math.max(0, ctx.integer(e, name, v)));
                default -> other(ctx, e, name, v);
            }
        }
        return b.build();
    }

    private static FenceAction fenceAction(ImportContext ctx, XmlElement e, String name, String v) {
        // Pacemaker still accepts the legacy "poweroff" for "off".
        return ctx.parse(e, name, v.trim().equalsIgnoreCase("poweroff") ? "off" : v, FenceAction::parse);
    }

    private static void other(ImportContext ctx, XmlElement e, String name, String v) {
        if (RUNTIME_ONLY.contains(name)) {
            return;
        }
        String harmless = DEFAULT_ONLY.get(name);
        if (harmless != null) {
            boolean same = isBoolean(harmless) && isBoolean(v)
                    ? ImportContext.parseBool(harmless) == ImportContext.parseBool(v)
                    : harmless.equalsIgnoreCase(v.trim());
            if (!same) {
                throw ctx.unsupported(e, "cluster option " + name + "=" + v
                        + " (only the default " + harmless + " is supported)");
            }
            return;
        }
        ctx.warn(e, "ignored unknown cluster option '" + name + "'");
    }

    private static boolean isBoolean(String v) {
        try {
            ImportContext.parseBool(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
