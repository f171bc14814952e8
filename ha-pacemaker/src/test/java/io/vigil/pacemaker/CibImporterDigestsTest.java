package io.vigil.pacemaker;

import static io.vigil.pacemaker.CibImporterTest.TWO_NODES;
import static io.vigil.pacemaker.CibImporterTest.cib;
import static io.vigil.pacemaker.CibImporterTest.nv;
import static io.vigil.pacemaker.CibImporterTest.online;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Cib;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.ParameterDigests;
import io.vigil.core.model.Primitive;
import io.vigil.core.scheduler.Scheduler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recorded parameter digests on hand-written CIBs: what the importer reads, and the transition that follows. The
 * digests are Pacemaker's for the parameters written out (MD5 of {@code " <parameters ip=\"10.0.0.1\"/>\n"}, ...).
 */
class CibImporterDigestsTest {
    /** {@code ip=10.0.0.1}. */
    private static final String IP1 = "ba6a72f3ccfb84f58fad1ff6a1d34598";
    /** {@code ip=10.0.0.1 port=1}. */
    private static final String IP1_PORT1 = "76b878c4381ea087fb58f6d46520454a";

    private static String web(String params, String ops) {
        return "<primitive id=\"web\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\">"
                + "<instance_attributes id=\"web-ia\">" + params + "</instance_attributes>"
                + "<operations>" + ops + "</operations></primitive>";
    }

    private static String started(String digestAttributes) {
        return online("n1", "node1", "<lrm id=\"n1\"><lrm_resources>"
                + "<lrm_resource id=\"web\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\">"
                + "<lrm_rsc_op id=\"web_last_0\" operation=\"start\" interval=\"0\" call-id=\"4\" rc-code=\"0\""
                + " op-status=\"0\" transition-key=\"4:1:0:uuid\" crm_feature_set=\"3.0.14\" " + digestAttributes
                + "/></lrm_resource></lrm_resources></lrm>")
                + online("n2", "node2", "");
    }

    private static List<String> summary(Cib cib) {
        return Scheduler.schedule(cib.configuration(), cib.status(), Instant.parse("2026-01-01T00:00:00Z"))
                .summary();
    }

    @Test
    void the_digests_an_operation_was_recorded_with_are_read() {
        Cib cib = CibImporter.importXml(cib("", TWO_NODES, web(nv("ip", "10.0.0.1"), ""), "",
                started("op-digest=\"" + IP1_PORT1 + "\" op-restart-digest=\"" + IP1 + "\""
                        + " op-force-restart=\" ip \" op-secure-params=\" passwd  password \""
                        + " op-secure-digest=\"" + IP1 + "\""))).cib();

        OperationRecord start = cib.status().nodes().get(0).history().get(0).operations().get(0);
        assertThat(start.digests()).isEqualTo(new ParameterDigests(IP1_PORT1, IP1, List.of("ip"), IP1,
                List.of("passwd", "password"), "3.0.14"));
    }

    @Test
    void an_operation_without_digests_is_read_without_them() {
        Cib cib = CibImporter.importXml(cib("", TWO_NODES, web(nv("ip", "10.0.0.1"), ""), "", started(""))).cib();

        assertThat(cib.status().nodes().get(0).history().get(0).operations().get(0).digests()).isNull();
    }

    @Test
    void an_operation_keeps_its_own_parameters() {
        String op = "<op id=\"web-mon\" name=\"monitor\" interval=\"10s\"><instance_attributes id=\"web-mon-ia\">"
                + nv("depth", "10") + "</instance_attributes></op>";
        Primitive web = (Primitive) CibImporter.importXml(cib("", TWO_NODES, web(nv("ip", "10.0.0.1"), op), "", ""))
                .cib().configuration().resource("web").orElseThrow();

        assertThat(web.operations().get(0).parameters()).isEqualTo(Map.of("depth", "10"));
    }

    @Test
    void a_changed_parameter_restarts_and_a_reloadable_one_reloads() {
        String digests = "op-digest=\"" + IP1_PORT1 + "\" op-restart-digest=\"" + IP1 + "\" op-force-restart=\" ip \"";

        Cib unchanged = CibImporter.importXml(cib(nv("stonith-enabled", "false"), TWO_NODES,
                web(nv("ip", "10.0.0.1") + nv("port", "1"), ""), "", started(digests))).cib();
        Cib reloadable = CibImporter.importXml(cib(nv("stonith-enabled", "false"), TWO_NODES,
                web(nv("ip", "10.0.0.1") + nv("port", "2"), ""), "", started(digests))).cib();
        Cib restart = CibImporter.importXml(cib(nv("stonith-enabled", "false"), TWO_NODES,
                web(nv("ip", "10.0.0.2") + nv("port", "1"), ""), "", started(digests))).cib();

        assertThat(summary(unchanged)).isEmpty();
        assertThat(summary(reloadable)).containsExactly("Reload web ( node1 )");
        assertThat(summary(restart)).containsExactly("Restart web ( node1 )");
    }

    @Test
    void parameters_chosen_per_node_by_a_rule_leave_the_recorded_digests_out() {
        // Vigil keeps one parameter set per resource, so it cannot compute this resource's digest on node1 (the
        // recorded one is of ip=10.0.0.1 nic=eth1).
        String params = nv("ip", "10.0.0.1") + "</instance_attributes><instance_attributes id=\"web-n1\">"
                + "<rule id=\"web-n1-rule\" score=\"0\"><expression id=\"web-n1-expr\" attribute=\"#uname\""
                + " operation=\"eq\" value=\"node1\"/></rule>" + nv("nic", "eth1");
        ImportedCib imported = CibImporter.importXml(cib(nv("stonith-enabled", "false"), TWO_NODES,
                web(params, ""), "", started("op-digest=\"3226b63210b06d4537e8f08856419d05\"")));

        assertThat(imported.cib().status().nodes().get(0).history().get(0).operations().get(0).digests()).isNull();
        assertThat(summary(imported.cib())).isEmpty();
    }
}
