package io.vigil.pacemaker;

import static io.vigil.pacemaker.CibImporterTest.DUMMY;
import static io.vigil.pacemaker.CibImporterTest.TWO_NODES;
import static io.vigil.pacemaker.CibImporterTest.cib;
import static io.vigil.pacemaker.CibImporterTest.nv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.OnFail;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OperationDefaults;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.NodeHealth;
import io.vigil.core.model.NodeHealthStrategy;
import io.vigil.core.model.Score;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inputs Pacemaker accepts and the importer used to refuse: option aliases, node health, policy resets. */
class CibImporterLeniencyTest {

    private static ImportedCib importOptions(String options) {
        return CibImporter.importXml(cib(options, TWO_NODES, DUMMY, "", ""));
    }

    @Test
    void stop_orphan_resources_is_read_under_its_pacemaker_2_and_3_names_and_the_3_name_wins() {
        assertThat(importOptions("").cib().configuration().properties().stopOrphanResources()).isTrue();
        assertThat(importOptions(nv("stop-orphan-resources", "false")).cib().configuration().properties()
                .stopOrphanResources()).isFalse();
        assertThat(importOptions(nv("stop-removed-resources", "false") + nv("stop-orphan-resources", "true"))
                .cib().configuration().properties().stopOrphanResources()).isFalse();
    }

    @Test
    void cancel_removed_actions_false_is_accepted_with_a_warning() {
        ImportedCib imported = importOptions(nv("cancel-removed-actions", "false") + nv("stop-orphan-actions", "true"));

        assertThat(imported.warnings()).singleElement().asString().contains("cancel-removed-actions");
    }

    @Test
    void node_health_options_are_read_with_pacemaker_defaults_for_the_ones_not_set() {
        NodeHealth health = importOptions(nv("node-health-strategy", "progressive") + nv("node-health-yellow", "-50")
                + nv("node-health-base", "100")).cib().configuration().properties().nodeHealth();

        assertThat(health).isEqualTo(new NodeHealth(NodeHealthStrategy.PROGRESSIVE, -Score.INFINITY, -50, 0, 100));
        assertThat(importOptions(nv("node-health-strategy", "migrate-on-red")).cib().configuration().properties()
                .nodeHealth().strategy()).isEqualTo(NodeHealthStrategy.MIGRATE_ON_RED);
    }

    private static ClusterProperties suicide(String cibAttributes, String options) {
        String xml = cib(nv("no-quorum-policy", "suicide") + options, TWO_NODES, DUMMY, "", "")
                .replace("have-quorum=\"1\"", cibAttributes);
        return CibImporter.importXml(xml).cib().configuration().properties();
    }

    @Test
    void no_quorum_policy_suicide_is_reset_to_stop_when_the_cluster_never_had_quorum_or_cannot_fence() {
        assertThat(suicide("have-quorum=\"0\"", "").noQuorumPolicy()).isEqualTo(NoQuorumPolicy.STOP);
        assertThat(suicide("have-quorum=\"0\" no-quorum-panic=\"1\"", "").noQuorumPolicy())
                .isEqualTo(NoQuorumPolicy.SUICIDE);
        assertThat(suicide("have-quorum=\"1\"", "").noQuorumPolicy()).isEqualTo(NoQuorumPolicy.SUICIDE);
        assertThat(suicide("have-quorum=\"0\" no-quorum-panic=\"1\"", nv("stonith-enabled", "false"))
                .noQuorumPolicy()).isEqualTo(NoQuorumPolicy.STOP);
    }

    private static Configuration withSection(String section, String resources) {
        return CibImporter.importXml(cib("", TWO_NODES, resources, "", "").replace("<constraints>",
                section + "<constraints>")).cib().configuration();
    }

    @Test
    void instance_attributes_chosen_by_a_rule_are_left_out_with_a_warning() {
        String rsc = "<primitive id=\"ip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\">"
                + "<instance_attributes id=\"ip-any\">" + nv("ip", "10.0.0.1") + "</instance_attributes>"
                + "<instance_attributes id=\"ip-on-node1\" score=\"10\"><rule id=\"r1\" score=\"0\">"
                + "<expression id=\"e1\" attribute=\"#uname\" operation=\"eq\" value=\"node1\"/></rule>"
                + "<nvpair id=\"nic1\" name=\"nic\" value=\"eth1\"/></instance_attributes></primitive>";
        ImportedCib imported = CibImporter.importXml(cib("", TWO_NODES, rsc, "", ""));

        Primitive ip = (Primitive) imported.cib().configuration().resource("ip").orElseThrow();
        assertThat(ip.parameters()).containsExactly(Map.entry("ip", "10.0.0.1"));
        assertThat(imported.warnings()).singleElement().asString().contains("ip-on-node1");
    }

    @Test
    void resource_defaults_with_rules_apply_to_the_resources_whose_agent_matches_after_their_parents_values() {
        String defaults = "<rsc_defaults><meta_attributes id=\"all\">" + nv("resource-stickiness", "5")
                + "</meta_attributes><meta_attributes id=\"dummies\" score=\"10\"><rule id=\"r\" score=\"0\">"
                + "<rsc_expression id=\"x\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/></rule>"
                + "<nvpair id=\"d1\" name=\"resource-stickiness\" value=\"50\"/>"
                + "<nvpair id=\"d2\" name=\"priority\" value=\"3\"/></meta_attributes></rsc_defaults>";
        String rsc = DUMMY + "<primitive id=\"ip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"/>"
                + "<group id=\"g\"><meta_attributes id=\"g-meta\">" + nv("priority", "7") + "</meta_attributes>"
                + "<primitive id=\"d2\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/></group>";
        Configuration config = withSection(defaults, rsc);

        assertThat(config.resourceDefaults().resourceStickiness()).isEqualTo(5);
        Primitive dummy = (Primitive) config.resource("rsc1").orElseThrow();
        assertThat(dummy.meta().resourceStickiness()).isEqualTo(50);
        assertThat(dummy.meta().priority()).isEqualTo(3);
        assertThat(config.resource("ip").orElseThrow().meta().resourceStickiness()).isNull();
        Primitive member = (Primitive) config.resource("d2").orElseThrow();
        // As in Pacemaker, a member sees its group's values (including the shared default 5) before its own defaults.
        assertThat(member.meta().resourceStickiness()).isNull();
        assertThat(member.meta().priority()).isNull();
    }

    @Test
    void operation_defaults_with_rules_fill_the_operations_whose_resource_and_name_match() {
        String defaults = "<op_defaults><meta_attributes id=\"mon\"><rule id=\"r\" score=\"INFINITY\">"
                + "<rsc_expression id=\"x\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>"
                + "<op_expression id=\"o\" name=\"monitor\" interval=\"10s\"/></rule>"
                + nv("timeout", "8s") + nv("on-fail", "block") + "</meta_attributes></op_defaults>";
        String rsc = "<primitive id=\"a\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><operations>"
                + "<op id=\"a-m10\" name=\"monitor\" interval=\"10\"/>"
                + "<op id=\"a-m20\" name=\"monitor\" interval=\"20s\"/>"
                + "<op id=\"a-m10b\" name=\"monitor\" interval=\"10s\" role=\"Started\" on-fail=\"stop\"/>"
                + "</operations></primitive>";
        ImportedCib imported = CibImporter.importXml(cib("", TWO_NODES, rsc, "", "").replace("<constraints>",
                defaults + "<constraints>"));

        Primitive a = (Primitive) imported.cib().configuration().resource("a").orElseThrow();
        assertThat(a.operations()).extracting(Operation::timeout).containsExactly(Duration.ofSeconds(8), null,
                Duration.ofSeconds(8));
        assertThat(a.operations()).extracting(Operation::onFail).containsExactly(OnFail.BLOCK, null, OnFail.STOP);
        assertThat(imported.cib().configuration().operationDefaults()).isEqualTo(OperationDefaults.EMPTY);
        assertThat(imported.warnings()).singleElement().asString().contains("on-fail");
    }

    @Test
    void a_node_attribute_rule_in_resource_defaults_is_unsupported() {
        String defaults = "<rsc_defaults><meta_attributes id=\"n\"><rule id=\"r\" score=\"0\">"
                + "<expression id=\"e\" attribute=\"#uname\" operation=\"eq\" value=\"node1\"/></rule>"
                + nv("priority", "1") + "</meta_attributes></rsc_defaults>";

        assertThatThrownBy(() -> withSection(defaults, DUMMY)).isInstanceOf(UnsupportedCibException.class)
                .hasMessageContaining("expression 'e'");
    }

    @Test
    void among_attribute_sets_of_equal_score_the_last_one_wins_as_in_pacemaker() {
        String rsc = "<primitive id=\"a\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">"
                + "<meta_attributes id=\"m1\">" + nv("priority", "1") + "</meta_attributes>"
                + "<meta_attributes id=\"m2\"><nvpair id=\"p2\" name=\"priority\" value=\"2\"/></meta_attributes>"
                + "<meta_attributes id=\"m0\" score=\"5\"><nvpair id=\"p0\" name=\"is-managed\" value=\"false\"/>"
                + "</meta_attributes></primitive>";
        Primitive a = (Primitive) CibImporter.importXml(cib("", TWO_NODES, rsc, "", "")).cib().configuration()
                .resource("a").orElseThrow();

        assertThat(a.meta().priority()).isEqualTo(2);
        assertThat(a.meta().isManaged()).isFalse();
    }

    private static final String PROMOTABLE_AND_GROUP = "<clone id=\"ms\"><meta_attributes id=\"ms-meta\">"
            + "<nvpair id=\"ms-promotable\" name=\"promotable\" value=\"true\"/></meta_attributes>"
            + "<primitive id=\"db\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"/></clone>"
            + "<group id=\"app\"><primitive id=\"web\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>"
            + "</group>";

    @Test
    void an_order_whose_then_action_defaults_to_promote_on_a_resource_that_is_not_promotable_is_ignored() {
        ImportedCib imported = CibImporter.importXml(cib("", TWO_NODES, PROMOTABLE_AND_GROUP,
                "<rsc_order id=\"o-promote\" first=\"ms\" first-action=\"promote\" then=\"app\"/>"
                        + "<rsc_order id=\"o-start\" first=\"ms\" first-action=\"promote\" then=\"app\""
                        + " then-action=\"start\"/>", ""));

        assertThat(imported.cib().configuration().constraints()).extracting(c -> c.id()).containsExactly("o-start");
        assertThat(imported.warnings()).singleElement().asString().contains("o-promote").contains("not promotable");
    }

    @Test
    void an_order_that_promotes_a_promotable_clone_after_another_is_kept() {
        String two = PROMOTABLE_AND_GROUP + PROMOTABLE_AND_GROUP.replace("\"ms", "\"ms2").replace("\"db\"", "\"db2\"")
                .replace("<group id=\"app\"><primitive id=\"web\"", "<group id=\"app2\"><primitive id=\"web2\"");
        Configuration config = CibImporter.importXml(cib("", TWO_NODES, two,
                "<rsc_order id=\"o\" first=\"ms\" first-action=\"promote\" then=\"ms2\"/>", ""))
                .cib().configuration();

        assertThat(config.constraints()).extracting(c -> c.id()).containsExactly("o");
    }

    @Test
    void an_iso_interval_without_the_time_designator_is_read_as_pacemaker_reads_it() {
        String rsc = "<primitive id=\"rsc1\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"><operations>"
                + "<op id=\"rsc1-mon\" name=\"monitor\" interval=\"P10S\"/></operations></primitive>";
        Primitive p = (Primitive) CibImporter.importXml(cib("", TWO_NODES, rsc, "", "")).cib().configuration()
                .resources().get(0);

        assertThat(p.operations()).extracting(Operation::interval).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void an_integer_rule_value_that_is_not_a_number_is_accepted() {
        Configuration config = CibImporter.importXml(cib("", TWO_NODES, DUMMY,
                "<rsc_location id=\"l\" rsc=\"rsc1\"><rule id=\"l-r\" score=\"-INFINITY\">"
                        + "<expression id=\"l-e\" attribute=\"v\" operation=\"gt\" type=\"integer\" value=\"as10\"/>"
                        + "</rule></rsc_location>", "")).cib().configuration();

        assertThat(config.constraints()).extracting(c -> c.id()).containsExactly("l");
    }
}
