package io.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Clone;
import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.ColocationSet;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.FailCount;
import io.vigil.core.model.Group;
import io.vigil.core.model.Location;
import io.vigil.core.model.Membership;
import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OperationDefaults;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.ParameterDigests;
import io.vigil.core.model.Order;
import io.vigil.core.model.OrderSet;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.Rule;
import io.vigil.core.model.Score;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRoundTripTest {

    @Test
    void a_configuration_using_every_feature_reads_back_equal_and_writes_back_byte_identical() {
        Configuration config = Examples.everyFeature();

        String json = VigilJson.writeConfiguration(config);
        Configuration read = VigilJson.readConfiguration(json);

        assertThat(read).isEqualTo(config);
        assertThat(VigilJson.writeConfiguration(read)).isEqualTo(json);
    }

    @Test
    void the_documented_example_configuration_loads_validates_and_is_in_canonical_form() throws IOException {
        Configuration read = VigilJson.readConfiguration(Examples.CLUSTER_JSON);

        assertThat(read).isEqualTo(Examples.everyFeature());
        assertThat(VigilJson.writeConfiguration(read))
                .isEqualTo(Files.readString(Examples.CLUSTER_JSON, StandardCharsets.UTF_8));
    }

    @Test
    void the_documented_example_uses_every_feature() throws IOException {
        Configuration c = VigilJson.readConfiguration(Examples.CLUSTER_JSON);

        assertThat(c.allResources()).hasAtLeastOneElementOfType(Primitive.class)
                .hasAtLeastOneElementOfType(Group.class)
                .anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(Clone.class, k -> assertThat(k.isPromotable()).isTrue()))
                .anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(Clone.class, k -> assertThat(k.isPromotable()).isFalse()))
                .anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(Clone.class, k -> assertThat(k.child()).isInstanceOf(Group.class)));
        assertThat(c.constraints()).hasAtLeastOneElementOfType(Location.class)
                .hasAtLeastOneElementOfType(Colocation.class).hasAtLeastOneElementOfType(Order.class)
                .hasAtLeastOneElementOfType(ColocationSet.class).hasAtLeastOneElementOfType(OrderSet.class);
        assertThat(c.constraints()).filteredOn(Location.class::isInstance).map(Location.class::cast)
                .flatMap(Location::rules).flatMap(Rule::expressions).hasAtLeastOneElementOfType(Rule.class);
        assertThat(c.properties()).isNotEqualTo(ClusterProperties.DEFAULTS);
        assertThat(c.resourceDefaults()).isNotEqualTo(MetaAttributes.EMPTY);
        assertThat(c.operationDefaults()).isNotEqualTo(OperationDefaults.EMPTY);
        assertThat(c.nodes()).anySatisfy(n -> assertThat(n.utilization()).isNotEmpty());
        assertThat(c.allResources()).filteredOn(Primitive.class::isInstance).map(Primitive.class::cast)
                .anySatisfy(p -> assertThat(p.utilization()).isNotEmpty());
    }

    @Test
    void the_documented_example_status_loads_and_is_in_canonical_form() throws IOException {
        ClusterStatus read = VigilJson.readStatus(Examples.STATUS_JSON);

        assertThat(read).isEqualTo(Examples.status());
        assertThat(VigilJson.writeStatus(read)).isEqualTo(Files.readString(Examples.STATUS_JSON, StandardCharsets.UTF_8));
    }

    @Test
    void a_status_reads_back_equal_and_writes_back_byte_identical() {
        ClusterStatus status = Examples.status();

        String json = VigilJson.writeStatus(status);

        assertThat(VigilJson.readStatus(json)).isEqualTo(status);
        assertThat(VigilJson.writeStatus(VigilJson.readStatus(json))).isEqualTo(json);
    }

    @Test
    void a_cib_reads_back_equal_and_writes_back_byte_identical() {
        Cib cib = Examples.cib();

        String json = VigilJson.writeCib(cib);

        assertThat(VigilJson.readCib(json)).isEqualTo(cib);
        assertThat(VigilJson.writeCib(VigilJson.readCib(json))).isEqualTo(json);
        assertThat(json).startsWith("""
                {
                  "format": 1,
                  "version": {
                    "admin-epoch": 1,
                    "epoch": 42,
                    "num-updates": 7
                  },
                  "configuration": {
                    "properties": {""");
    }

    @Test
    void empty_documents_are_just_the_format() {
        assertThat(VigilJson.writeConfiguration(Configuration.EMPTY)).isEqualTo("{\n  \"format\": 1\n}\n");
        assertThat(VigilJson.readConfiguration("{\"format\": 1}")).isEqualTo(Configuration.EMPTY);
        assertThat(VigilJson.writeStatus(ClusterStatus.EMPTY)).isEqualTo("{\n  \"format\": 1,\n  \"quorate\": true\n}\n");
        assertThat(VigilJson.readCib("{\"format\": 1}"))
                .isEqualTo(new Cib(CibVersion.ZERO, Configuration.EMPTY, ClusterStatus.EMPTY));
    }

    @Test
    void durations_that_are_not_whole_milliseconds_keep_their_precision() {
        Instant when = Instant.parse("2026-01-31T12:00:00.123456789Z");
        ClusterStatus status = new ClusterStatus(false, null, List.of(new NodeStatus("n1", Membership.OFFLINE,
                false, false, Map.of(), List.of(new ResourceHistory("r", null, List.of(
                        new OperationRecord("monitor", Duration.ofNanos(1_500_000), 1, 0, 0, ExecStatus.DONE, when,
                                null, Duration.ofNanos(2_500)),
                        new OperationRecord("stop", null, 2, 0, 0, ExecStatus.PENDING, null, null,
                                Duration.ofNanos(1))))),
                List.of(new FailCount("r", "monitor", Duration.ofMillis(1500), Score.MINUS_INFINITY, when)))));

        String json = VigilJson.writeStatus(status);

        assertThat(json).contains("\"interval\": \"1500us\"", "\"exec-time\": \"PT0.0000025S\"",
                "\"interval\": \"1500ms\"",
                "\"exec-time\": \"PT0.000000001S\"", "\"last-run\": \"2026-01-31T12:00:00.123456789Z\"",
                "\"count\": \"-INFINITY\"", "\"quorate\": false");
        assertThat(VigilJson.readStatus(json)).isEqualTo(status);
    }

    @Test
    void agents_scores_and_durations_are_written_the_way_pacemaker_users_write_them() {
        String json = VigilJson.writeConfiguration(Examples.everyFeature());

        assertThat(json).contains(
                "\"agent\": \"ocf:heartbeat:IPaddr2\"",
                "\"agent\": \"java:http-server\"",
                "\"resource-stickiness\": \"INFINITY\"",
                "\"resource-stickiness\": 100",
                "\"score\": \"-INFINITY\"",
                "\"score\": -500",
                "\"interval\": \"10s\"",
                "\"timeout\": \"2500ms\"",
                "\"cluster-recheck-interval\": \"5min\"",
                "\"with-rsc\": \"db\"",
                "\"with-rsc-role\": \"Promoted\"",
                "\"clone-max\": 2",
                "\"order-kind\": \"Optional\"");
        assertThat(json).doesNotContain("\r", "\t", " : ", "null");
    }

    @Test
    void files_are_written_atomically_and_read_back(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("cluster.json");
        Path status = dir.resolve("status.json");
        Path cib = dir.resolve("cib.json");

        VigilJson.writeConfiguration(Examples.everyFeature(), config);
        VigilJson.writeConfiguration(Examples.everyFeature(), config); // replaces the existing file
        VigilJson.writeStatus(Examples.status(), status);
        VigilJson.writeCib(Examples.cib(), cib);

        assertThat(VigilJson.readConfiguration(config)).isEqualTo(Examples.everyFeature());
        assertThat(VigilJson.readStatus(status)).isEqualTo(Examples.status());
        assertThat(VigilJson.readCib(cib)).isEqualTo(Examples.cib());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("cib.json", "cluster.json", "status.json");
        }
    }

    @Test
    void a_file_with_a_byte_order_mark_and_windows_line_ends_reads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cluster.json");
        String text = VigilJson.writeConfiguration(Examples.everyFeature()).replace("\n", "\r\n");
        Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);

        assertThat(VigilJson.readConfiguration(file)).isEqualTo(Examples.everyFeature());
    }

    @Test
    void a_history_without_agent_and_a_node_without_history_round_trip() {
        ClusterStatus status = new ClusterStatus(true, "n2", List.of(
                NodeStatus.online("n2"),
                new NodeStatus("n1", Membership.PENDING, false, false, Map.of("x", "1"),
                        List.of(new ResourceHistory("r", null, List.of()),
                                new ResourceHistory("q", AgentType.parse("stonith:fence_ipmilan"), List.of())),
                        List.of())));

        assertThat(VigilJson.readStatus(VigilJson.writeStatus(status))).isEqualTo(status);
    }

    @Test
    void a_status_keeps_its_node_order_through_json_because_it_decides_clone_instance_numbers() {
        ClusterStatus status = new ClusterStatus(true, "n1", List.of(
                NodeStatus.online("n3"), NodeStatus.online("n1"), NodeStatus.online("n2")));

        String json = VigilJson.writeStatus(status);
        ClusterStatus read = VigilJson.readStatus(json);

        assertThat(json.indexOf("\"name\": \"n3\"")).isLessThan(json.indexOf("\"name\": \"n1\""));
        assertThat(read.nodesInStatusOrder()).extracting(NodeStatus::name).containsExactly("n3", "n1", "n2");
        assertThat(read).isEqualTo(status);
        Cib cib = new Cib(CibVersion.ZERO, Configuration.EMPTY, status);
        assertThat(VigilJson.readCib(VigilJson.writeCib(cib)).status().nodesInStatusOrder())
                .extracting(NodeStatus::name).containsExactly("n3", "n1", "n2");
    }

    @Test
    void recorded_parameter_digests_and_operation_parameters_round_trip() {
        ParameterDigests full = new ParameterDigests("21ccbd2b8e65014ca7b36a2070642a2e",
                "f2317cad3d54cec5d7d7aa7d0bf35cf8", List.of(), "d14015b540c7f9c28236b218d7e48232",
                List.of("passwd", "password"), "3.0.12");
        ClusterStatus status = new ClusterStatus(true, "n1", List.of(new NodeStatus("n1", Membership.ONLINE,
                false, false, Map.of(), List.of(new ResourceHistory("ip", AgentType.parse("ocf:heartbeat:IPaddr2"),
                List.of(new OperationRecord("start", null, 4, 0, 0, ExecStatus.DONE, null, null, null, full),
                        new OperationRecord("monitor", Duration.ofSeconds(5), 5, 0, 0, ExecStatus.DONE, null, null,
                                null, ParameterDigests.of("517d7b3575d97d408fbe19f3cfcc69fe")),
                        new OperationRecord("stop", null, 6, 0, 0, ExecStatus.DONE, null, null, null)))),
                List.of())));

        String json = VigilJson.writeStatus(status);

        // An empty list of restart parameters is kept: it says the restart digest covers none of them.
        assertThat(json).contains("\"restart-parameters\": []", "\"feature-set\": \"3.0.12\"");
        assertThat(VigilJson.readStatus(json)).isEqualTo(status);
        assertThat(VigilJson.writeStatus(VigilJson.readStatus(json))).isEqualTo(json);

        Configuration config = Configuration.builder()
                .primitive("ip", "ocf:heartbeat:IPaddr2", r -> r.param("ip", "10.0.0.1")
                        .op("monitor", o -> o.interval(Duration.ofSeconds(10)).param("depth", "10")))
                .build();
        String configJson = VigilJson.writeConfiguration(config);
        assertThat(configJson).contains("\"depth\": \"10\"");
        assertThat(VigilJson.readConfiguration(configJson)).isEqualTo(config);
        assertThat(((Primitive) config.resources().get(0)).operations().get(0).parameters())
                .containsExactly(Map.entry("depth", "10"));
    }
}
