package io.vigil.core.scheduler;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.FailCount;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test fixtures: a small fluent way to write the status side (what runs where, what failed). */
final class Clusters {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final AgentType DUMMY = AgentType.parse("ocf:pacemaker:Dummy");

    private final Map<String, NodeBuilder> nodes = new LinkedHashMap<>();
    private boolean quorate = true;

    static Clusters status(String... onlineNodes) {
        Clusters c = new Clusters();
        for (String n : onlineNodes) {
            c.nodes.put(n, new NodeBuilder(n));
        }
        return c;
    }

    Clusters withoutQuorum() {
        quorate = false;
        return this;
    }

    NodeBuilder node(String name) {
        return nodes.computeIfAbsent(name, NodeBuilder::new);
    }

    /** Records a successful start of {@code rsc} on {@code node} (it runs there now). */
    Clusters running(String rsc, String node) {
        node(node).op(rsc, "start", 0, 0, 0);
        return this;
    }

    /** Records {@code rsc} running promoted on {@code node}. */
    Clusters promoted(String rsc, String node) {
        node(node).op(rsc, "start", 0, 0, 0).op(rsc, "promote", 0, 0, 0);
        return this;
    }

    /** Records a recurring monitor of a running {@code rsc} that found it failed. */
    Clusters failedMonitor(String rsc, String node) {
        node(node).op(rsc, "start", 0, 0, 0).op(rsc, "monitor", 10_000, 7, 0);
        return this;
    }

    ClusterStatus build() {
        List<NodeStatus> out = new ArrayList<>();
        for (NodeBuilder b : nodes.values()) {
            out.add(b.build());
        }
        return new ClusterStatus(quorate, null, out);
    }

    static final class NodeBuilder {
        private final String name;
        Membership membership = Membership.ONLINE;
        boolean standby;
        final Map<String, String> attributes = new TreeMap<>();
        final Map<String, List<OperationRecord>> history = new TreeMap<>();
        final List<FailCount> failCounts = new ArrayList<>();
        final Map<String, AgentType> agents = new TreeMap<>();
        private long callId = 1;

        NodeBuilder(String name) {
            this.name = name;
        }

        NodeBuilder op(String rsc, String op, long intervalMs, int rc, int expected) {
            history.computeIfAbsent(rsc, k -> new ArrayList<>()).add(new OperationRecord(op,
                    Duration.ofMillis(intervalMs), callId++, rc, expected, ExecStatus.DONE, NOW, NOW, Duration.ZERO));
            return this;
        }

        /** Records an operation that ended with {@code status} (op-status) and result {@code rc}. */
        NodeBuilder op(String rsc, String op, long intervalMs, int rc, int expected, ExecStatus status) {
            history.computeIfAbsent(rsc, k -> new ArrayList<>()).add(new OperationRecord(op,
                    Duration.ofMillis(intervalMs), callId++, rc, expected, status, NOW, NOW, Duration.ZERO));
            return this;
        }

        /** Records {@code rsc}'s history with {@code agent} (default: {@link #DUMMY}). */
        NodeBuilder agent(String rsc, AgentType agent) {
            agents.put(rsc, agent);
            return this;
        }

        NodeBuilder standby() {
            standby = true;
            return this;
        }

        NodeBuilder membership(Membership m) {
            membership = m;
            return this;
        }

        NodeBuilder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        NodeBuilder failCount(String rsc, int count) {
            failCounts.add(new FailCount(rsc, "monitor", Duration.ofSeconds(10), count, NOW));
            return this;
        }

        NodeStatus build() {
            List<ResourceHistory> h = new ArrayList<>();
            history.forEach((rsc, ops) -> h.add(new ResourceHistory(rsc, agents.getOrDefault(rsc, DUMMY), ops)));
            return new NodeStatus(name, membership, standby, false, attributes, h, failCounts);
        }
    }

    /** Runs the scheduler. */
    static SchedulerResult schedule(Configuration config, ClusterStatus status) {
        return Scheduler.schedule(config, status, NOW);
    }

    /** Where each leaf instance ends up: "rsc@node" or "rsc@node/Role" for promoted/unpromoted roles. */
    static List<String> placement(SchedulerResult result) {
        List<String> out = new ArrayList<>();
        for (InstancePlacement p : result.placement()) {
            out.add(p.resource() + "@" + p.node() + (p.role() == Role.STARTED ? "" : "/" + p.role().text()));
        }
        out.sort(null);
        return out;
    }

    private Clusters() {
    }
}
