package io.vigil.pacemaker;

import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.FenceAction;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.NodeHealth;
import io.vigil.core.model.NodeHealthStrategy;
import io.vigil.core.model.PlacementStrategy;


import java.util.Map;
import java.util.Set;

/**
 * Reads {@code crm_config} into {@link ClusterProperties}, accepting Pacemaker 2.x and 3.x option names
 * ({@code stonith-enabled} / {@code fencing-enabled}, {@code stonith-action} / {@code fencing-action},
 * {@code stop-orphan-resources} / {@code stop-removed-resources}, {@code stop-orphan-actions} /
 * {@code cancel-removed-actions}); where both are set, the 3.x name wins.
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
            "shutdown-lock", "false",
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
        NodeHealth health = NodeHealth.DEFAULTS;
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
                case "stop-removed-resources" -> b.stopOrphanResources(ctx.bool(e, name, v));
                case "stop-orphan-resources" -> {
                    if (!opts.containsKey("stop-removed-resources")) {
                        b.stopOrphanResources(ctx.bool(e, name, v));
                    }
                }
                case "cancel-removed-actions", "stop-orphan-actions" -> {
                    if (!ctx.bool(e, name, v)) {
                        ctx.warn(e, "ignored " + name + "=" + v + " (it only keeps recurring operations that are no"
                                + " longer configured; Vigil does not schedule their cancellation)");
                    }
                }
                case "node-health-strategy" -> health = health(health, ctx.parse(e, name, v,
                        NodeHealthStrategy::parse), null, null, null, null);
                case "node-health-red" -> health = health(health, null, ctx.score(e, name, v), null, null, null);
                case "node-health-yellow" -> health = health(health, null, null, ctx.score(e, name, v), null, null);
                case "node-health-green" -> health = health(health, null, null, null, ctx.score(e, name, v), null);
                case "node-health-base" -> health = health(health, null, null, null, null, ctx.score(e, name, v));
                default -> other(ctx, e, name, v);
            }
        }
        return b.nodeHealth(health).build();
    }

    private static NodeHealth health(NodeHealth h, NodeHealthStrategy strategy, Integer red, Integer yellow,
                                     Integer green, Integer base) {
        return new NodeHealth(strategy != null ? strategy : h.strategy(), red != null ? red : h.red(),
                yellow != null ? yellow : h.yellow(), green != null ? green : h.green(),
                base != null ? base : h.base());
    }

    /**
     * Pacemaker's reset of {@code no-quorum-policy=suicide} to {@code stop}: suicide needs fencing, and it only
     * applies to a partition that lost quorum it once had. A CIB records that with the attribute
     * {@code no-quorum-panic=1} on {@code <cib>}; without it (and without {@code have-quorum}) the cluster has never
     * had quorum, and fencing every node would only stop a cluster that is still forming.
     */
    static ClusterProperties resetSuicide(ImportContext ctx, ClusterProperties p, XmlElement cib) {
        if (p.noQuorumPolicy() != NoQuorumPolicy.SUICIDE) {
            return p;
        }
        if (!p.stonithEnabled()) {
            ctx.warn(cib, "no-quorum-policy reset from suicide to stop: fencing is disabled");
            return p.toBuilder().noQuorumPolicy(NoQuorumPolicy.STOP).build();
        }
        String panic = CibXml.attr(cib, "no-quorum-panic");
        long panicValue = ImportContext.plainNumber(panic == null ? null : panic.trim());
        if (!ImportContext.isTrue(CibXml.attr(cib, "have-quorum"))
                && (panicValue == 0 || panicValue == ImportContext.NOT_PLAIN)) {
            ctx.warn(cib, "no-quorum-policy reset from suicide to stop: the cluster has never had quorum");
            return p.toBuilder().noQuorumPolicy(NoQuorumPolicy.STOP).build();
        }
        return p;
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
