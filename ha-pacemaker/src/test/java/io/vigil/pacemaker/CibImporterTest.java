package io.vigil.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.model.Clone;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.FenceAction;
import io.vigil.core.model.Group;
import io.vigil.core.model.Location;
import io.vigil.core.model.Membership;
import io.vigil.core.model.FailCount;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OnFail;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.Order;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.Role;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.OrderSet;
import io.vigil.core.model.Score;
import io.vigil.core.model.BoolOp;
import io.vigil.core.model.Rule;
import io.vigil.core.model.ExecStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

/** The importer on small hand-written CIBs: mapping details and the errors users see. */
class CibImporterTest {

    static String cib(String crmConfig, String nodes, String resources, String constraints, String status) {
        return "<cib crm_feature_set=\"3.17.4\" admin_epoch=\"1\" epoch=\"2\" num_updates=\"3\" have-quorum=\"1\""
                + " dc-uuid=\"n1\">\n"
                + "  <configuration>\n"
                + "    <crm_config><cluster_property_set id=\"opts\">" + crmConfig + "</cluster_property_set></crm_config>\n"
                + "    <nodes>" + nodes + "</nodes>\n"
                + "    <resources>" + resources + "</resources>\n"
                + "    <constraints>" + constraints + "</constraints>\n"
                + "  </configuration>\n"
                + "  <status>" + status + "</status>\n"
                + "</cib>\n";
    }

    static String nv(String name, String value) {
        return "<nvpair id=\"nv-" + name.replace('#', '_') + "\" name=\"" + name + "\" value=\"" + value + "\"/>";
    }

    static final String TWO_NODES = "<node id=\"n1\" uname=\"node1\"/><node id=\"n2\" uname=\"node2\"/>";
    static final String DUMMY = "<primitive id=\"rsc1\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>";

    static String online(String id, String uname, String inner) {
        return "<node_state id=\"" + id + "\" uname=\"" + uname + "\" in_ccm=\"true\" crmd=\"online\" join=\"member\""
                + " expected=\"member\">" + inner + "</node_state>";
    }

    @Test
    void pacemaker_2_and_3_option_names_mean_the_same() {
        Configuration v2 = CibImporter.importXml(cib(nv("stonith-enabled", "false") + nv("stonith-action", "poweroff"),
                TWO_NODES, DUMMY, "", "")).cib().configuration();
        Configuration v3 = CibImporter.importXml(cib(nv("fencing-enabled", "no") + nv("fencing-action", "off"),
                TWO_NODES, DUMMY, "", "")).cib().configuration();

        assertThat(v2.properties()).isEqualTo(v3.properties());
        assertThat(v3.properties().stonithEnabled()).isFalse();
        assertThat(v3.properties().stonithAction()).isEqualTo(FenceAction.OFF);
    }

    @Test
    void cluster_options_map_to_cluster_properties_and_unknown_ones_warn() {
        ImportedCib imported = CibImporter.importXml(cib(nv("symmetric-cluster", "false")
                + nv("stop-all-resources", "true") + nv("maintenance-mode", "on") + nv("start-failure-is-fatal", "0")
                + nv("placement-strategy", "balanced") + nv("startup-fencing", "false")
                + nv("cluster-recheck-interval", "5min") + nv("batch-limit", "30") + nv("concurrent-fencing", "false")
                + nv("no-quorum-policy", "suicide") + nv("dc-version", "2.1.5") + nv("made-up-option", "x"),
                TWO_NODES, DUMMY, "", ""));
        var p = imported.cib().configuration().properties();

        assertThat(p.symmetricCluster()).isFalse();
        assertThat(p.stopAllResources()).isTrue();
        assertThat(p.maintenanceMode()).isTrue();
        assertThat(p.startFailureIsFatal()).isFalse();
        assertThat(p.placementStrategy().text()).isEqualTo("balanced");
        assertThat(p.startupFencing()).isFalse();
        assertThat(p.clusterRecheckInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.batchLimit()).isEqualTo(30);
        assertThat(p.concurrentFencing()).isFalse();
        assertThat(p.noQuorumPolicy().text()).isEqualTo("fence");
        assertThat(imported.warnings()).singleElement().asString().contains("made-up-option");
        assertThat(imported.cib().version().toString()).isEqualTo("1.2.3");
        assertThat(imported.cib().status().quorate()).isTrue();
    }

    @Test
    void operations_read_pacemaker_durations_roles_and_op_meta_attributes() {
        String rsc = "<clone id=\"ms\"><meta_attributes id=\"ms-meta\">" + nv("promotable", "true") + "</meta_attributes>"
                + "<primitive id=\"db\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"><operations>"
                + "<op id=\"db-mon-p\" name=\"monitor\" interval=\"10s\" role=\"Master\" timeout=\"1m\" on-fail=\"demote\"/>"
                + "<op id=\"db-mon-u\" name=\"monitor\" interval=\"11\" role=\"Slave\" enabled=\"false\"/>"
                + "<op id=\"db-start\" name=\"start\" interval=\"0\"><meta_attributes id=\"db-start-meta\">"
                + nv("timeout", "90s") + nv("on-fail", "block") + "</meta_attributes></op>"
                + "</operations></primitive></clone>";
        Primitive db = (Primitive) CibImporter.importXml(cib("", TWO_NODES, rsc, "", "")).cib().configuration()
                .resource("db").orElseThrow();

        assertThat(db.operations()).containsExactly(
                new Operation("monitor", Duration.ofSeconds(10), Duration.ofMinutes(1), Role.PROMOTED, OnFail.DEMOTE, true),
                new Operation("monitor", Duration.ofSeconds(11), null, Role.UNPROMOTED, null, false),
                new Operation("start", Duration.ZERO, Duration.ofSeconds(90), null, OnFail.BLOCK, true));
    }

    @Test
    void id_refs_share_operations_and_meta_attributes_and_the_higher_scored_set_wins() {
        String rsc = "<primitive id=\"a\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">"
                + "<meta_attributes id=\"low\" score=\"1\">" + nv("priority", "1") + nv("target-role", "Stopped") + "</meta_attributes>"
                + "<meta_attributes id=\"high\" score=\"10\">" + nv("priority", "7") + "</meta_attributes>"
                + "<operations id=\"shared-ops\"><op id=\"a-mon\" name=\"monitor\" interval=\"5s\"/></operations></primitive>"
                + "<primitive id=\"b\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">"
                + "<meta_attributes id-ref=\"low\"/><operations id-ref=\"shared-ops\"/></primitive>";
        Configuration config = CibImporter.importXml(cib("", TWO_NODES, rsc, "", "")).cib().configuration();

        Primitive a = (Primitive) config.resource("a").orElseThrow();
        Primitive b = (Primitive) config.resource("b").orElseThrow();
        assertThat(a.meta().priority()).isEqualTo(7);
        assertThat(a.meta().targetRole()).isEqualTo(Role.STOPPED);
        assertThat(b.meta().priority()).isEqualTo(1);
        assertThat(b.operations()).isEqualTo(a.operations());
    }

    @Test
    void a_legacy_master_resource_is_a_promotable_clone_and_master_slave_roles_are_read() {
        String rsc = "<master id=\"ms\"><meta_attributes id=\"ms-meta\">" + nv("master-max", "2")
                + nv("master-node-max", "1") + nv("notify", "true") + nv("interleave", "yes") + nv("clone-min", "1")
                + "</meta_attributes><primitive id=\"db\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"/></master>"
                + "<group id=\"g\"><primitive id=\"ip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"/>"
                + "<primitive id=\"web\" class=\"lsb\" type=\"httpd\"/></group>";
        String cons = "<rsc_colocation id=\"g-with-master\" rsc=\"g\" with-rsc=\"ms\" with-rsc-role=\"Master\" score=\"INFINITY\"/>"
                + "<rsc_order id=\"promote-then-g\" first=\"ms\" first-action=\"promote\" then=\"g\" then-action=\"start\" kind=\"Optional\" symmetrical=\"false\"/>"
                + "<rsc_order id=\"legacy\" first=\"ip\" then=\"web\" score=\"0\"/>";
        Configuration config = CibImporter.importXml(cib("", TWO_NODES, rsc, cons, "")).cib().configuration();

        Clone ms = (Clone) config.resource("ms").orElseThrow();
        assertThat(ms.isPromotable()).isTrue();
        assertThat(ms.options().promotedMax()).isEqualTo(2);
        assertThat(ms.options().promotedNodeMax()).isEqualTo(1);
        assertThat(ms.options().notifications()).isTrue();
        assertThat(ms.options().interleave()).isTrue();
        assertThat(ms.meta().other()).containsEntry("clone-min", "1");
        assertThat(((Group) config.resource("g").orElseThrow()).members()).extracting(Primitive::id)
                .containsExactly("ip", "web");
        assertThat(((Primitive) config.resource("web").orElseThrow()).agent().toString()).isEqualTo("lsb:httpd");
        assertThat(config.constraint("g-with-master").orElseThrow())
                .isEqualTo(new Colocation("g-with-master", "g", "ms", Score.INFINITY, null, Role.PROMOTED, null));
        assertThat(config.constraint("promote-then-g").orElseThrow()).isEqualTo(new Order("promote-then-g", "ms",
                ResourceAction.PROMOTE, "g", ResourceAction.START, OrderKind.OPTIONAL, false));
        assertThat(((Order) config.constraint("legacy").orElseThrow()).kind()).isEqualTo(OrderKind.OPTIONAL);
    }

    @Test
    void location_rules_keep_boolean_op_score_attribute_and_nested_rules() {
        String cons = "<rsc_location id=\"loc\" rsc=\"rsc1\" role=\"Started\"><rule id=\"r\" score-attribute=\"pingd\" boolean-op=\"or\">"
                + "<expression id=\"e1\" attribute=\"pingd\" operation=\"defined\"/>"
                + "<rule id=\"inner\"><expression id=\"e2\" attribute=\"ram\" operation=\"gte\" value=\"64\" type=\"number\"/></rule>"
                + "</rule></rsc_location>";
        Location loc = (Location) CibImporter.importXml(cib("", TWO_NODES, DUMMY, cons, "")).cib().configuration()
                .constraint("loc").orElseThrow();

        assertThat(loc.role()).isEqualTo(Role.STARTED);
        Rule rule = loc.rules().get(0);
        assertThat(rule.scoreAttribute()).isEqualTo("pingd");
        assertThat(rule.booleanOp()).isEqualTo(BoolOp.OR);
        assertThat(rule.expressions()).hasSize(2);
        assertThat(rule.expressions().get(1)).isInstanceOf(Rule.class);
    }

    @Test
    void promoted_max_on_a_clone_that_is_not_promotable_is_dropped_with_a_warning() {
        String rsc = "<clone id=\"c\"><meta_attributes id=\"c-meta\">" + nv("promoted-max", "1")
                + "</meta_attributes>" + DUMMY + "</clone>";
        ImportedCib imported = CibImporter.importXml(cib("", TWO_NODES, rsc, "", ""));

        assertThat(((Clone) imported.cib().configuration().resource("c").orElseThrow()).options().promotedMax()).isNull();
        assertThat(imported.warnings()).singleElement().asString().contains("clone 'c'").contains("not promotable");
    }

    @Test
    void a_simple_order_that_does_not_require_all_of_first_becomes_a_one_or_more_order_set() {
        String rsc = "<clone id=\"a\">" + DUMMY + "</clone>"
                + "<primitive id=\"b\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>";
        String cons = "<rsc_order id=\"o\" first=\"a\" first-action=\"stop\" then=\"b\" require-all=\"false\"/>";
        Configuration config = CibImporter.importXml(cib("", TWO_NODES, rsc, cons, "")).cib().configuration();

        assertThat(config.constraint("o").orElseThrow()).isEqualTo(new OrderSet("o", List.of(
                new ResourceSet("o-first", List.of("a"), false, false, null, ResourceAction.STOP),
                new ResourceSet("o-then", List.of("b"), true, true, null, ResourceAction.STOP)), null, null));
    }

    @Test
    void a_promoted_target_role_outside_a_promotable_clone_is_ignored_with_a_warning_as_pacemaker_does() {
        String rsc = "<primitive id=\"p\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">"
                + "<meta_attributes id=\"p-meta\">" + nv("target-role", "Promoted") + "</meta_attributes></primitive>"
                + "<clone id=\"ms\"><meta_attributes id=\"ms-meta\">" + nv("promotable", "true")
                + "</meta_attributes><primitive id=\"q\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\">"
                + "<meta_attributes id=\"q-meta\">" + nv("target-role", "Unpromoted")
                + "</meta_attributes></primitive></clone>";
        ImportedCib imported = CibImporter.importXml(cib("", TWO_NODES, rsc, "", ""));
        Configuration config = imported.cib().configuration();

        assertThat(config.resource("p").orElseThrow().meta().targetRole()).isNull();
        assertThat(config.resource("q").orElseThrow().meta().targetRole()).isEqualTo(Role.UNPROMOTED);
        assertThat(imported.warnings()).singleElement().asString().contains("target-role Promoted");
    }

    private static List<FailCount> failCountsWithFeatureSet(String featureSet) {
        String status = online("n1", "node1", "<transient_attributes id=\"t1\"><instance_attributes id=\"t1-a\">"
                + nv("fail-count-rsc1", "2") + nv("last-failure-rsc1", "1700000000")
                + nv("fail-count-rsc1#monitor_10000", "3") + "</instance_attributes></transient_attributes>");
        String xml = cib("", TWO_NODES, DUMMY, "", status).replace("crm_feature_set=\"3.17.4\"",
                featureSet == null ? "" : "crm_feature_set=\"" + featureSet + "\"");
        return CibImporter.importXml(xml).cib().status().node("node1").orElseThrow().failCounts();
    }

    @Test
    void per_resource_fail_counts_are_read_only_from_cibs_older_than_feature_set_3_0_13() {
        assertThat(failCountsWithFeatureSet("3.0.1")).filteredOn(fc -> fc.count() == 2).singleElement()
                .satisfies(fc -> {
                    assertThat(fc.resource()).isEqualTo("rsc1");
                    assertThat(fc.lastFailure()).hasToString("2023-11-14T22:13:20Z");
                });
        assertThat(failCountsWithFeatureSet(null)).extracting(FailCount::count).containsExactlyInAnyOrder(2, 3);
        assertThat(failCountsWithFeatureSet("3.0.13")).extracting(FailCount::count).containsExactly(3);
        assertThat(failCountsWithFeatureSet("3.2")).extracting(FailCount::operation).containsExactly("monitor");
    }

    @Test
    void transient_attributes_give_standby_promotion_scores_and_fail_counts() {
        String status = online("n1", "node1", "<transient_attributes id=\"t1\"><instance_attributes id=\"t1-a\">"
                + nv("standby", "on") + nv("master-rsc1", "10") + nv("fail-count-rsc1#monitor_10000", "3")
                + nv("last-failure-rsc1#monitor_10000", "1700000000") + "</instance_attributes></transient_attributes>")
                + online("n2", "node2", "");
        String nodes = "<node id=\"n1\" uname=\"node1\"/><node id=\"n2\" uname=\"node2\"><instance_attributes id=\"n2-a\">"
                + nv("maintenance", "true") + nv("rack", "r2") + "</instance_attributes></node>";
        ImportedCib imported = CibImporter.importXml(cib("", nodes, DUMMY, "", status));
        NodeStatus n1 = imported.cib().status().node("node1").orElseThrow();
        NodeStatus n2 = imported.cib().status().node("node2").orElseThrow();

        assertThat(n1.standby()).isTrue();
        assertThat(n1.state()).isEqualTo("standby");
        assertThat(n1.attributes()).containsEntry("master-rsc1", "10").doesNotContainKey("fail-count-rsc1#monitor_10000");
        assertThat(n1.failCounts()).singleElement().satisfies(fc -> {
            assertThat(fc.resource()).isEqualTo("rsc1");
            assertThat(fc.operation()).isEqualTo("monitor");
            assertThat(fc.interval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(fc.count()).isEqualTo(3);
            assertThat(fc.lastFailure()).hasToString("2023-11-14T22:13:20Z");
        });
        assertThat(n2.maintenance()).isTrue();
        assertThat(imported.cib().configuration().node("node2").orElseThrow().attributes()).containsEntry("rack", "r2");
        assertThat(imported.cib().status().dc()).isEqualTo("node1");
    }

    @Test
    void operation_history_reads_expected_result_degraded_codes_and_legacy_pending() {
        String ops = "<lrm id=\"n1\"><lrm_resources><lrm_resource id=\"rsc1\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">"
                + "<lrm_rsc_op id=\"a\" operation=\"monitor\" interval=\"0\" call-id=\"1\" rc-code=\"7\" op-status=\"0\" transition-key=\"1:2:7:uuid\" last-rc-change=\"100\"/>"
                + "<lrm_rsc_op id=\"b\" operation=\"monitor\" interval=\"10000\" call-id=\"3\" rc-code=\"190\" op-status=\"0\" transition-key=\"1:2:0:uuid\" exec-time=\"15\"/>"
                + "<lrm_rsc_op id=\"c\" operation=\"start\" interval=\"0\" call-id=\"2\" rc-code=\"193\" op-status=\"0\"/>"
                + "</lrm_resource></lrm_resources></lrm>";
        var history = CibImporter.importXml(cib("", TWO_NODES, DUMMY, "", online("n1", "node1", ops)))
                .cib().status().node("node1").orElseThrow().history().get(0);

        assertThat(history.operations()).extracting(OperationRecord::callId).containsExactly(1L, 2L, 3L);
        OperationRecord probe = history.operations().get(0);
        assertThat(probe.isProbe()).isTrue();
        assertThat(probe.expectedRc()).isEqualTo(7);
        assertThat(probe.isFailure()).isFalse();
        assertThat(probe.lastRcChange()).hasToString("1970-01-01T00:01:40Z");
        assertThat(history.operations().get(1).status()).isEqualTo(ExecStatus.PENDING);
        OperationRecord monitor = history.operations().get(2);
        assertThat(monitor.rc()).isZero();
        assertThat(monitor.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(monitor.execTime()).isEqualTo(Duration.ofMillis(15));
    }

    @Test
    void unusual_operation_values_are_read_as_written_with_their_warnings_and_errors() {
        String ops = "<lrm id=\"n1\"><lrm_resources><lrm_resource id=\"rsc1\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">"
                + "<lrm_rsc_op id=\"a\" operation=\" monitor \" interval=\" 10000 \" call-id=\"1\" rc-code=\"0\" op-status=\"0\"/>"
                + "<lrm_rsc_op id=\"b\" operation=\"stop\" call-id=\"2\" rc-code=\"0\" op-status=\"9\" last-run=\"\""
                + " last_run=\"5\" last_rc_change=\"6\" exec_time=\"7\"/>"
                + "<lrm_rsc_op id=\"c\" operation=\"start\" call-id=\"3\" rc-code=\"0\" op-status=\"0\" last-run=\"8\""
                + " last_run=\"9\" exec-time=\"+4\" transition-key=\"1:2: 0:uuid\"/>"
                + "<lrm_rsc_op id=\"d\" operation=\"start\" call-id=\"4\"/>"
                + "</lrm_resource></lrm_resources></lrm>";
        ImportedCib imported = CibImporter.importXml(cib("", TWO_NODES, DUMMY, "", online("n1", "node1", ops)));
        List<OperationRecord> history = imported.cib().status().node("node1").orElseThrow().history().get(0)
                .operations();

        assertThat(history).extracting(OperationRecord::operation).containsExactly(" monitor ", "stop", "start", "start");
        assertThat(history.get(0).interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(history.get(1).status()).isEqualTo(ExecStatus.ERROR_HARD);
        assertThat(history.get(1).lastRun()).as("an empty last-run wins over last_run").isNull();
        assertThat(history.get(1).lastRcChange()).hasToString("1970-01-01T00:00:06Z");
        assertThat(history.get(1).execTime()).isEqualTo(Duration.ofMillis(7));
        assertThat(history.get(2).lastRun()).hasToString("1970-01-01T00:00:08Z");
        assertThat(history.get(2).execTime()).isEqualTo(Duration.ofMillis(4));
        assertThat(history.get(2).expectedRc()).isZero();
        assertThat(history.get(3).rc()).isZero();
        assertThat(history.get(3).lastRun()).isNull();
        assertThat(imported.warnings()).anyMatch(w -> w.startsWith("lrm_rsc_op 'b' (line 8")
                && w.contains("op-status 9"));

        String bad = ops.replace("call-id=\"4\"", "call-id=\"4\" interval=\"often\"");
        assertThatThrownBy(() -> CibImporter.importXml(cib("", TWO_NODES, DUMMY, "", online("n1", "node1", bad))))
                .isInstanceOf(CibImportException.class)
                .hasMessageContaining("lrm_rsc_op 'd' (line 8")
                .hasMessageContaining("'often'");
    }

    @ParameterizedTest(name = "fencing={0} in_ccm={1} crmd={2} join={3} expected={4} -> {5}")
    @CsvSource(nullValues = "null", value = {
        "true,  true,       online,     member,  member, online",
        "true,  false,      offline,    down,    down,   offline",
        "true,  false,      online,     member,  member, unclean",
        "true,  true,       offline,    member,  member, unclean",
        "true,  true,       null,       member,  member, unclean",
        "true,  true,       online,     pending, member, pending",
        "true,  true,       online,     member,  down,   pending",
        "true,  null,       null,       null,    null,   unclean",
        "false, false,      offline,    down,    null,   offline",
        "false, true,       offline,    member,  member, unclean",
        "false, true,       online,     pending, member, offline",
        "false, 1700000000, 1700000001, member,  member, online",
        "true,  1700000000, 0,          member,  member, unclean",
        "true,  0,          0,          down,    down,   offline",
    })
    void node_state_becomes_the_membership_pacemaker_derives(boolean fencing, String inCcm, String crmd, String join,
                                                              String expected, String state) {
        StringBuilder ns = new StringBuilder("<node_state id=\"n1\" uname=\"node1\"");
        if (inCcm != null) {
            ns.append(" in_ccm=\"").append(inCcm).append('"');
        }
        if (crmd != null) {
            ns.append(" crmd=\"").append(crmd).append('"');
        }
        if (join != null) {
            ns.append(" join=\"").append(join).append('"');
        }
        if (expected != null) {
            ns.append(" expected=\"").append(expected).append('"');
        }
        ns.append("/>");
        NodeStatus n = CibImporter.importXml(cib(nv("fencing-enabled", String.valueOf(fencing)),
                "<node id=\"n1\" uname=\"node1\"/>", DUMMY, "", ns.toString())).cib().status().node("node1").orElseThrow();

        assertThat(n.state()).isEqualTo(state);
    }

    @Test
    void a_node_never_seen_is_unclean_only_with_startup_fencing() {
        String oneSeen = online("n1", "node1", "");
        var fenced = CibImporter.importXml(cib("", TWO_NODES, DUMMY, "", oneSeen)).cib().status();
        var trusted = CibImporter.importXml(cib(nv("startup-fencing", "false"), TWO_NODES, DUMMY, "", oneSeen)).cib().status();

        assertThat(fenced.node("node2").orElseThrow().membership()).isEqualTo(Membership.UNCLEAN);
        assertThat(trusted.node("node2").orElseThrow().membership()).isEqualTo(Membership.OFFLINE);
    }

    @Test
    void an_unsupported_element_is_named_with_its_id() {
        String rsc = DUMMY + "<bundle id=\"httpd-bundle\"><docker image=\"httpd\"/></bundle>";

        assertThatThrownBy(() -> CibImporter.importXml(cib("", TWO_NODES, rsc, "", "")))
                .isInstanceOfSatisfying(UnsupportedCibException.class, e -> {
                    assertThat(e.element()).isEqualTo("bundle");
                    assertThat(e.elementId()).isEqualTo("httpd-bundle");
                })
                .hasMessageContaining("bundle 'httpd-bundle'").hasMessageContaining("line 5");
    }

    @Test
    void date_expressions_remote_nodes_and_tickets_are_unsupported() {
        String dated = "<rsc_location id=\"loc\" rsc=\"rsc1\"><rule id=\"r\" score=\"10\">"
                + "<date_expression id=\"weekdays\" operation=\"date_spec\"/></rule></rsc_location>";
        assertThatThrownBy(() -> CibImporter.importXml(cib("", TWO_NODES, DUMMY, dated, "")))
                .isInstanceOf(UnsupportedCibException.class).hasMessageContaining("date_expression 'weekdays'");
        assertThatThrownBy(() -> CibImporter.importXml(cib("", TWO_NODES + "<node id=\"r1\" uname=\"remote1\" type=\"remote\"/>",
                DUMMY, "", ""))).isInstanceOf(UnsupportedCibException.class).hasMessageContaining("node 'r1'");
        String ticket = "<rsc_ticket id=\"t\" rsc=\"rsc1\" ticket=\"site-a\"/>";
        assertThatThrownBy(() -> CibImporter.importXml(cib("", TWO_NODES, DUMMY, ticket, "")))
                .isInstanceOfSatisfying(UnsupportedCibException.class, e -> assertThat(e.element()).isEqualTo("rsc_ticket"));
    }

    @Test
    void malformed_xml_reports_line_and_column() {
        String broken = "<cib>\n  <configuration>\n    <nodes>\n  </configuration>\n</cib>\n";

        assertThatThrownBy(() -> CibImporter.importXml(broken))
                .isInstanceOf(CibImportException.class)
                .hasMessageContaining("malformed XML at line 4, column");
    }

    @Test
    void a_doctype_with_an_external_entity_is_refused() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE cib [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<cib><configuration><nodes><node id=\"&x;\"/></nodes></configuration></cib>";

        assertThatThrownBy(() -> CibImporter.importXml(xxe))
                .isInstanceOf(CibImportException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("root:");
    }

    @Test
    void an_invalid_value_names_the_element_the_value_and_the_line() {
        String cons = "<rsc_location id=\"loc\" rsc=\"rsc1\" node=\"node1\" score=\"lots\"/>";

        assertThatThrownBy(() -> CibImporter.importXml(cib("", TWO_NODES, DUMMY, cons, "")))
                .isInstanceOf(CibImportException.class)
                .hasMessageContaining("rsc_location 'loc' (line 6")
                .hasMessageContaining("'lots'");
    }

    @Test
    void a_configuration_vigil_rejects_fails_the_import_with_every_problem() {
        String cons = "<rsc_colocation id=\"c1\" rsc=\"rsc1\" with-rsc=\"ghost\" score=\"INFINITY\"/>";

        assertThatThrownBy(() -> CibImporter.importXml(cib("", TWO_NODES, DUMMY, cons, "")))
                .isInstanceOf(CibImportException.class)
                .hasMessageContaining("constraints.c1.with-rsc: unknown resource 'ghost'");
    }

    @Test
    void fencing_topology_and_unknown_op_defaults_are_skipped_with_warnings() {
        String xml = cib("", TWO_NODES, DUMMY, "", "").replace("</constraints>",
                "</constraints><fencing-topology><fencing-level id=\"l1\" target=\"node1\" index=\"1\" devices=\"f1\"/>"
                        + "</fencing-topology><op_defaults><meta_attributes id=\"od\">" + nv("timeout", "30s")
                        + nv("interval-origin", "1h") + nv("custom", "x") + "</meta_attributes></op_defaults>");
        ImportedCib imported = CibImporter.importXml(xml);

        assertThat(imported.cib().configuration().operationDefaults().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(imported.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("fencing topology"))
                .anySatisfy(w -> assertThat(w).contains("'custom'"));
    }

    @Test
    void node_states_keep_their_document_order_and_nodes_without_one_follow_in_configuration_order() {
        String nodes = "<node id=\"n1\" uname=\"node1\"/><node id=\"n4\" uname=\"node4\"/>"
                + "<node id=\"n2\" uname=\"node2\"/><node id=\"n3\" uname=\"node3\"/>";
        String xml = cib(nv("stonith-enabled", "false"), nodes, DUMMY, "",
                online("n3", "node3", "") + online("n1", "node1", ""));

        var status = CibImporter.importXml(xml).cib().status();

        assertThat(status.nodesInStatusOrder()).extracting(NodeStatus::name)
                .containsExactly("node3", "node1", "node4", "node2");
        assertThat(status.nodes()).extracting(NodeStatus::name).containsExactly("node1", "node2", "node3", "node4");
        java.io.StringWriter written = new java.io.StringWriter();
        io.vigil.pacemaker.bench.CibXmlWriter.write(CibImporter.importXml(xml).cib().configuration(), status, null,
                written);
        assertThat(CibImporter.importXml(written.toString()).cib().status().nodesInStatusOrder())
                .extracting(NodeStatus::name).containsExactly("node3", "node1", "node4", "node2");
    }
}
