package io.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.BoolOp;
import io.vigil.core.model.Clone;
import io.vigil.core.model.CloneOptions;
import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.ColocationSet;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.Group;
import io.vigil.core.model.Location;
import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.Operation;
import io.vigil.core.model.Order;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.OrderSet;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.Role;
import io.vigil.core.model.Rule;
import io.vigil.core.model.Score;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Absent (or null) fields read as their documented defaults, and lenient spellings are accepted. */
class JsonDefaultsTest {

    private static Configuration read(String fields) {
        return VigilJson.readConfiguration("{\"format\": 1, " + fields + "}");
    }

    @Test
    void cluster_properties_that_are_not_given_keep_pacemakers_defaults() {
        ClusterProperties p = read("\"properties\": {\"batch-limit\": 5, \"no-quorum-policy\": \"suicide\"}")
                .properties();

        assertThat(p).isEqualTo(ClusterProperties.DEFAULTS.toBuilder().batchLimit(5)
                .noQuorumPolicy(NoQuorumPolicy.SUICIDE).build());
        assertThat(p.stonithEnabled()).isTrue();
        assertThat(p.startFailureIsFatal()).isTrue();
        assertThat(p.symmetricCluster()).isTrue();
        assertThat(p.clusterRecheckInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(read("\"properties\": {}").properties()).isEqualTo(ClusterProperties.DEFAULTS);
    }

    @Test
    void null_means_absent() {
        Configuration c = read("""
                "properties": {"stonith-enabled": null}, "rsc-defaults": null, "op-defaults": null, "nodes": null,
                "resources": [{"kind": "primitive", "id": "a", "agent": "java:x", "meta": null, "parameters": null,
                               "operations": [{"name": "start", "timeout": null, "enabled": null}]}],
                "constraints": null""");

        assertThat(c.properties()).isEqualTo(ClusterProperties.DEFAULTS);
        assertThat(c.resourceDefaults()).isEqualTo(MetaAttributes.EMPTY);
        Primitive a = (Primitive) c.resource("a").orElseThrow();
        assertThat(a.meta()).isEqualTo(MetaAttributes.EMPTY);
        assertThat(a.operations()).containsExactly(new Operation("start", Duration.ZERO, null, null, null, true));
    }

    @Test
    void resources_take_their_defaults() {
        Configuration c = read("""
                "nodes": [{"name": "n1"}],
                "resources": [
                  {"kind": "group", "id": "g", "members": [{"kind": "primitive", "id": "a", "agent": "vip"}]},
                  {"kind": "clone", "id": "c", "child": {"kind": "primitive", "id": "b", "agent": "java:x",
                   "operations": [{"name": "monitor", "interval": "PT30S"}]}}
                ]""");

        assertThat(c.nodes().get(0).votes()).isEqualTo(1);
        Primitive a = ((Group) c.resource("g").orElseThrow()).members().get(0);
        assertThat(a.agent().toString()).isEqualTo("java:vip");
        Clone clone = (Clone) c.resource("c").orElseThrow();
        assertThat(clone.options()).isEqualTo(CloneOptions.DEFAULTS);
        Operation monitor = ((Primitive) clone.child()).operations().get(0);
        assertThat(monitor).isEqualTo(new Operation("monitor", Duration.ofSeconds(30), null, null, null, true));
    }

    @Test
    void constraints_take_their_defaults() {
        Configuration c = read("""
                "resources": [{"kind": "primitive", "id": "a", "agent": "java:x"},
                              {"kind": "primitive", "id": "b", "agent": "java:x"}],
                "constraints": [
                  {"kind": "colocation", "id": "c", "rsc": "a", "with-rsc": "b"},
                  {"kind": "order", "id": "o", "first": "a", "first-action": "stop", "then": "b"},
                  {"kind": "location", "id": "l", "rsc": "a", "rules": [
                    {"expressions": [{"kind": "expression", "attribute": "ram", "operation": "GT", "value": 64}]}]},
                  {"kind": "colocation-set", "id": "cs", "sets": [{"resources": ["a", "b"]}]},
                  {"kind": "order-set", "id": "os", "sets": [{"resources": ["b"]}, {"resources": ["a"]}]}
                ]""");

        assertThat(c.constraint("c").orElseThrow())
                .isEqualTo(new Colocation("c", "a", "b", Score.INFINITY, null, null, null));
        Order o = (Order) c.constraint("o").orElseThrow();
        assertThat(o.thenAction()).isEqualTo(ResourceAction.STOP);
        assertThat(o.kind()).isEqualTo(OrderKind.MANDATORY);
        assertThat(o.isSymmetrical()).isTrue();
        Rule rule = ((Location) c.constraint("l").orElseThrow()).rules().get(0);
        assertThat(rule.score()).isZero();
        assertThat(rule.booleanOp()).isEqualTo(BoolOp.AND);
        assertThat(((io.vigil.core.model.AttributeExpression) rule.expressions().get(0)).value()).isEqualTo("64");
        assertThat(((ColocationSet) c.constraint("cs").orElseThrow()).score()).isEqualTo(Score.INFINITY);
        assertThat(((OrderSet) c.constraint("os").orElseThrow()).sets().get(0))
                .isEqualTo(new ResourceSet(null, java.util.List.of("b"), true, true, null, null));
    }

    @Test
    void scores_are_read_the_way_score_parse_reads_them() {
        String json = """
                "resources": [{"kind": "primitive", "id": "a", "agent": "java:x",
                               "meta": {"resource-stickiness": %s}}]""";
        for (String[] c : new String[][] {{"\"INFINITY\"", "1000000"}, {"\"+INFINITY\"", "1000000"},
                {"\"inf\"", "1000000"}, {"\"-inf\"", "-1000000"}, {"\"-INFINITY\"", "-1000000"},
                {"2000000", "1000000"}, {"-99999999999999999999", "-1000000"}, {"\"42\"", "42"}, {"-7", "-7"}}) {
            MetaAttributes meta = read(json.formatted(c[0])).resource("a").orElseThrow().meta();
            assertThat(meta.resourceStickiness()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        }
    }

    @Test
    void enum_values_are_read_in_any_letter_case_and_with_legacy_names() {
        Configuration c = read("""
                "resources": [{"kind": "clone", "id": "db", "promotable": true,
                               "child": {"kind": "primitive", "id": "d", "agent": "java:x",
                                         "meta": {"target-role": "master"},
                                         "operations": [{"name": "monitor", "interval": "10s", "role": "SLAVE",
                                                         "on-fail": "RESTART"}]}}],
                "constraints": [{"kind": "order", "id": "o", "first": "db", "then": "db", "first-action": "Promote",
                                 "then-action": "START", "order-kind": "optional"}]""");

        Primitive d = (Primitive) c.resource("d").orElseThrow();
        assertThat(d.meta().targetRole()).isEqualTo(Role.PROMOTED);
        assertThat(d.operations().get(0).role()).isEqualTo(Role.UNPROMOTED);
        assertThat(((Order) c.constraint("o").orElseThrow()).kind()).isEqualTo(OrderKind.OPTIONAL);
    }

    @Test
    void parameters_may_be_written_as_numbers_or_booleans() {
        Primitive a = (Primitive) read("""
                "resources": [{"kind": "primitive", "id": "a", "agent": "java:x",
                               "parameters": {"port": 8080, "tls": true, "ratio": 0.5, "name": "x"}}]""")
                .resource("a").orElseThrow();

        assertThat(a.parameters()).containsExactly(java.util.Map.entry("name", "x"), java.util.Map.entry("port", "8080"),
                java.util.Map.entry("ratio", "0.5"), java.util.Map.entry("tls", "true"));
    }

    @Test
    void status_fields_take_their_defaults() {
        ClusterStatus s = VigilJson.readStatus("""
                {"format": 1, "nodes": [{"name": "n1", "membership": "online", "history": [
                  {"resource": "r", "operations": [{"operation": "start", "call-id": 1, "rc": 0, "expected-rc": 0}]}
                ]}]}""");

        assertThat(s.quorate()).isTrue();
        assertThat(s.dc()).isNull();
        assertThat(s.nodes().get(0).standby()).isFalse();
        assertThat(s.nodes().get(0).history().get(0).operations().get(0).status()).isEqualTo(ExecStatus.DONE);
        assertThat(s.nodes().get(0).history().get(0).operations().get(0).interval()).isEqualTo(Duration.ZERO);
    }

    @Test
    void fields_may_come_in_any_order_and_the_output_puts_them_in_the_documented_one() {
        String shuffled = """
                {"constraints": [{"with-rsc": "b", "score": 10, "rsc": "a", "id": "c", "kind": "colocation"}],
                 "resources": [{"agent": "java:x", "id": "a", "kind": "primitive"},
                               {"id": "b", "kind": "primitive", "agent": "java:x"}],
                 "format": 1}""";

        String written = VigilJson.writeConfiguration(VigilJson.readConfiguration(shuffled));

        assertThat(written).isEqualTo("""
                {
                  "format": 1,
                  "resources": [
                    {
                      "kind": "primitive",
                      "id": "a",
                      "agent": "java:x"
                    },
                    {
                      "kind": "primitive",
                      "id": "b",
                      "agent": "java:x"
                    }
                  ],
                  "constraints": [
                    {
                      "kind": "colocation",
                      "id": "c",
                      "rsc": "a",
                      "with-rsc": "b",
                      "score": 10
                    }
                  ]
                }
                """);
    }
}
