package io.vigil.core.json;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.AttributeExpression;
import io.vigil.core.model.BoolOp;
import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.ColocationSet;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.ExpressionOperator;
import io.vigil.core.model.FailCount;
import io.vigil.core.model.Membership;
import io.vigil.core.model.MultipleActive;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OnFail;
import io.vigil.core.model.OperationDefaults;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.OrderSet;
import io.vigil.core.model.PlacementStrategy;
import io.vigil.core.model.Requires;
import io.vigil.core.model.RestartType;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.Role;
import io.vigil.core.model.Rule;
import io.vigil.core.model.Score;
import io.vigil.core.model.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Configurations and status used by the JSON tests; {@link #everyFeature()} is docs/examples/cluster.json. */
final class Examples {
    /** The documented example files, relative to the ha-core module (where Maven runs the tests). */
    static final Path CLUSTER_JSON = Path.of("..", "docs", "examples", "cluster.json");
    static final Path STATUS_JSON = Path.of("..", "docs", "examples", "status.json");

    private Examples() {
    }

    /** A valid configuration that uses every feature of the format. */
    static Configuration everyFeature() {
        Rule nightOrSmall = new Rule("night-or-small", 0, null, BoolOp.OR, null, List.of(
                new AttributeExpression("#uname", ExpressionOperator.NE, "node3", ValueType.STRING),
                new AttributeExpression("ram", ExpressionOperator.LT, "64", ValueType.INTEGER)));
        Rule prefer = new Rule("prefer-big-nodes", 500, null, BoolOp.AND, null, List.of(
                new AttributeExpression("ram", ExpressionOperator.GTE, "64", ValueType.INTEGER),
                new AttributeExpression("ssd", ExpressionOperator.DEFINED, null, null),
                nightOrSmall));
        Rule fromAttribute = new Rule(null, 0, "db-weight", BoolOp.AND, null, List.of(
                new AttributeExpression("kernel", ExpressionOperator.GTE, "6.1", ValueType.VERSION),
                new AttributeExpression("load", ExpressionOperator.LT, "0.75", ValueType.NUMBER)));
        return Configuration.builder()
                .properties(p -> p
                        .stonithEnabled(false)
                        .noQuorumPolicy(NoQuorumPolicy.FREEZE)
                        .symmetricCluster(true)
                        .clusterRecheckInterval(Duration.ofMinutes(5))
                        .placementStrategy(PlacementStrategy.BALANCED)
                        .batchLimit(10)
                        .concurrentFencing(false))
                .resourceDefaults(d -> d.stickiness(100).migrationThreshold(3).failureTimeout(Duration.ofMinutes(10)))
                .operationDefaults(new OperationDefaults(Duration.ofSeconds(30), OnFail.RESTART, null))
                .node("node1", n -> n.attribute("ram", "128").attribute("ssd", "yes").utilization("cpu", 16)
                        .utilization("memory", 131072))
                .node("node2", n -> n.id("2").votes(2).attribute("ram", "64").utilization("cpu", 8).utilization("memory", 65536))
                .node("node3", n -> n.attribute("ram", "32").attribute("standby", "on"))
                .primitive("vip", "ocf:heartbeat:IPaddr2", r -> r
                        .param("ip", "192.0.2.10")
                        .param("cidr_netmask", "24")
                        .op("start", o -> o.timeout(Duration.ofSeconds(20)))
                        .op("stop", o -> o.timeout(Duration.ofSeconds(20)).onFail(OnFail.BLOCK))
                        .op("monitor", o -> o.interval(Duration.ofSeconds(10)).timeout(Duration.ofMillis(2500)))
                        .op("monitor", o -> o.interval(Duration.ofMinutes(1)).disabled())
                        .priority(10)
                        .targetRole(Role.STARTED)
                        .managed(true)
                        .maintenance(false)
                        .stickiness(Score.INFINITY)
                        .migrationThreshold(Score.INFINITY)
                        .failureTimeout(Duration.ofSeconds(90))
                        .multipleActive(MultipleActive.STOP_ONLY)
                        .requires(Requires.QUORUM)
                        .restartType(RestartType.RESTART)
                        .meta("description", "the service address")
                        .utilization("cpu", 1))
                .group("web", g -> g
                        .stickiness(200)
                        .primitive("web-fs", "ocf:heartbeat:Filesystem", r -> r
                                .param("device", "/dev/vg0/web")
                                .param("directory", "/srv/web")
                                .param("fstype", "xfs"))
                        .primitive("web-server", "java:http-server", r -> r
                                .monitor(Duration.ofSeconds(5))
                                .utilization("cpu", 2)
                                .utilization("memory", 2048)))
                .clone("ping", c -> c
                        .interleave(true)
                        .cloneNodeMax(1)
                        .globallyUnique(false)
                        .notifications(true)
                        .ordered(true)
                        .primitive("ping-gw", "ocf:pacemaker:ping", r -> r
                                .param("host_list", "192.0.2.1")
                                .monitor(Duration.ofSeconds(15))))
                .clone("workers", c -> c
                        .cloneMax(4)
                        .cloneNodeMax(2)
                        .group("worker", g -> g
                                .primitive("worker-cache", "java:cache")
                                .primitive("worker-app", "java:worker")))
                .promotable("db", c -> c
                        .cloneMax(2)
                        .promotedMax(1)
                        .promotedNodeMax(1)
                        .interleave(true)
                        .primitive("db-server", "java:store", r -> r
                                .op("promote", o -> o.timeout(Duration.ofMinutes(2)))
                                .op("demote", o -> o.timeout(Duration.ofMinutes(1)))
                                .op("monitor", o -> o.interval(Duration.ofSeconds(10)).role(Role.PROMOTED)
                                        .onFail(OnFail.DEMOTE))
                                .monitor(Duration.ofSeconds(11), Role.UNPROMOTED)))
                .location("vip-prefers-node1", "vip", "node1", 50)
                .location("vip-avoids-node3", "vip", "node3", Score.MINUS_INFINITY)
                .location("web-on-big-nodes", "web", l -> l.rule(prefer))
                .location("db-promoted-weight", "db", l -> l.role(Role.PROMOTED).rule(fromAttribute))
                .location("ping-where-defined", "ping", l -> l.rule(Score.INFINITY, "pingd", ExpressionOperator.DEFINED, null))
                .colocation("vip-with-web", "vip", "web")
                .colocation("web-with-primary", "web", "db", c -> c.withRole(Role.PROMOTED).score(Score.INFINITY))
                .colocation("workers-apart-from-primary", "workers", "db", c -> c.role(Role.STARTED)
                        .withRole(Role.PROMOTED).score(-500).nodeAttribute("rack"))
                .order("primary-then-web", "db", "web", o -> o.firstAction(ResourceAction.PROMOTE)
                        .thenAction(ResourceAction.START))
                .order("ping-then-vip", "ping", "vip", o -> o.kind(OrderKind.OPTIONAL))
                .order("web-then-workers", "web", "workers", o -> o.symmetrical(false))
                .order("vip-serialize-workers", "vip", "workers", o -> o.kind(OrderKind.SERIALIZE))
                .constraint(new ColocationSet("web-stack", List.of(
                        new ResourceSet("web-stack-front", List.of("vip", "web"), true, true, null, null),
                        new ResourceSet("web-stack-db", List.of("db"), false, true, Role.PROMOTED, null)),
                        Score.INFINITY, "rack"))
                .constraint(new OrderSet("startup", List.of(
                        new ResourceSet(null, List.of("ping"), true, true, null, null),
                        new ResourceSet(null, List.of("db"), true, false, null, ResourceAction.PROMOTE),
                        new ResourceSet(null, List.of("web", "workers"), false, true, null, ResourceAction.START)),
                        OrderKind.MANDATORY, null))
                .build();
    }

    /** A status with every field of the format. */
    static ClusterStatus status() {
        Instant t0 = Instant.parse("2026-01-31T12:00:00Z");
        NodeStatus node1 = new NodeStatus("node1", Membership.ONLINE, false, false,
                Map.of("master-db-server", "100", "pingd", "1000"),
                List.of(
                        new ResourceHistory("vip", AgentType.parse("ocf:heartbeat:IPaddr2"), List.of(
                                new OperationRecord("monitor", Duration.ZERO, 3, 7, 7, ExecStatus.DONE, t0, t0,
                                        Duration.ofMillis(12)),
                                new OperationRecord("start", Duration.ZERO, 7, 0, 0, ExecStatus.DONE, t0.plusSeconds(2),
                                        t0.plusSeconds(2), Duration.ofMillis(830)),
                                new OperationRecord("monitor", Duration.ofSeconds(10), 8, 0, 0, ExecStatus.DONE,
                                        t0.plusSeconds(3), t0.plusSeconds(3), Duration.ofMillis(9)))),
                        new ResourceHistory("db-server:0", AgentType.parse("java:store"), List.of(
                                new OperationRecord("promote", Duration.ZERO, 9, 0, 0, ExecStatus.DONE,
                                        t0.plusSeconds(4), t0.plusSeconds(4), Duration.ofSeconds(2))))),
                List.of());
        NodeStatus node2 = new NodeStatus("node2", Membership.ONLINE, true, false, Map.of(),
                List.of(new ResourceHistory("web-server", AgentType.parse("java:http-server"), List.of(
                        new OperationRecord("start", Duration.ZERO, 4, 1, 0, ExecStatus.ERROR, t0.plusSeconds(1),
                                t0.plusSeconds(1), Duration.ofMillis(1500)),
                        new OperationRecord("monitor", Duration.ofSeconds(5), 5, 0, 0, ExecStatus.CANCELLED, null,
                                null, null),
                        new OperationRecord("stop", Duration.ZERO, 6, 0, 0, ExecStatus.TIMEOUT, t0.plusSeconds(40),
                                null, Duration.ofSeconds(20))))),
                List.of(new FailCount("web-server", "start", Duration.ZERO, Score.INFINITY, t0.plusSeconds(1)),
                        new FailCount("web-server", "monitor", Duration.ofSeconds(5), 2, null)));
        NodeStatus node3 = new NodeStatus("node3", Membership.UNCLEAN, false, true, Map.of(), List.of(), List.of());
        return new ClusterStatus(true, "node1", List.of(node1, node2, node3));
    }

    /** A CIB holding {@link #everyFeature()} and {@link #status()}. */
    static Cib cib() {
        return new Cib(new CibVersion(1, 42, 7), everyFeature(), status());
    }

}
