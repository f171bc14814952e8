package io.vigil.core.scheduler;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Resource;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Orphans: resources that the history shows active on a node but that are no longer configured (removed from
 * the configuration while running). They must be stopped, or a deleted resource would run on forever. Each
 * active orphan is scheduled as a primitive with target-role Stopped; inactive orphan history is ignored, as
 * Pacemaker does. With {@code stop-orphan-resources=false} an active orphan is scheduled as an unmanaged
 * primitive instead: it stays where it runs and nothing is done with it. Like Pacemaker, an orphan is named by
 * the id its history records: instances of a removed clone ({@code rsc:0}, {@code rsc:1}) are separate orphans,
 * each stopped where it runs.
 *
 * <p>{@link History} finds them while it reads the history (one pass over every entry, not two): it offers
 * each entry whose id names no configured resource to {@link #offer}. Only when some are found does the
 * scheduler build its working set again, from {@link #include}.
 */
final class Orphans {
    /** Active orphans by recorded id, sorted: a deterministic order of the additions. */
    private final Map<String, AgentType> active = new TreeMap<>();

    /**
     * Takes note of a history entry of an unconfigured resource: an orphan when the entry shows it active. The
     * first entry found (nodes taken by name) gives the agent.
     *
     * @param h the entry (its recorded id names the orphan)
     */
    void offer(ResourceHistory h) {
        String id = h.resource();
        if (!active.containsKey(id) && isActive(h.operations())) {
            active.put(id, h.agent() == null ? new AgentType("ocf", "pacemaker", "Dummy") : h.agent());
        }
    }

    /**
     * Takes note of an active copy of an anonymous clone beyond its {@code clone-max} (Pacemaker's
     * create_anonymous_orphan): it is an orphan instance, {@code <primitive id>:<number>} numbered on from
     * {@code clone-max}, and is stopped like any orphan.
     *
     * @param id    the orphan instance's id
     * @param agent the clone primitive's agent
     */
    void offerExcess(String id, AgentType agent) {
        active.putIfAbsent(id, agent);
    }

    boolean isEmpty() {
        return active.isEmpty();
    }

    /** The configuration plus one stopped-target primitive per active orphan (the configuration itself if none). */
    Configuration include(Configuration configuration) {
        if (active.isEmpty()) {
            return configuration;
        }
        List<Resource> resources = new ArrayList<>(configuration.resources());
        MetaAttributes meta = configuration.properties().stopOrphanResources()
                ? MetaAttributes.EMPTY.withTargetRole(Role.STOPPED)
                : new MetaAttributes(null, null, false, null, null, null, null, null, null, Map.of());
        active.forEach((id, agent) -> resources.add(new Primitive(id, agent, Map.of(), meta, List.of(), Map.of())));
        return new Configuration(configuration.properties(), configuration.resourceDefaults(),
                configuration.operationDefaults(), configuration.nodes(), resources, configuration.constraints());
    }

    /**
     * Whether the last completed non-recurring operation left the resource running: a successful start or
     * promote, or a probe that found it running. A failed start or stop is treated as active too (it may be
     * half up), so the orphan gets a stop.
     */
    private static boolean isActive(List<OperationRecord> ops) {
        OperationRecord last = null;
        for (OperationRecord op : ops) {
            if (op.status() == ExecStatus.PENDING || op.status() == ExecStatus.CANCELLED || op.interval().toMillis() > 0) {
                continue;
            }
            if (last == null || op.callId() >= last.callId()) {
                last = op;
            }
        }
        if (last == null) {
            return false;
        }
        return switch (last.operation()) {
            case "start", "promote", "demote", "migrate_from" -> true;
            case "stop" -> last.isFailure();
            case "monitor" -> last.rc() == 0 || last.rc() == 8 || last.isFailure() && last.rc() != 7;
            default -> false;
        };
    }
}
