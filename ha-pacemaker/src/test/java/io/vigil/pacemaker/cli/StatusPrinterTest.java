package io.vigil.pacemaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.Role;
import io.vigil.core.scheduler.InstancePlacement;
import io.vigil.pacemaker.CibImporter;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class StatusPrinterTest {
    static final Configuration CONFIG = CibImporter.importXml("<cib><configuration><nodes>"
            + "<node id=\"1\" uname=\"node1\"/><node id=\"2\" uname=\"node2\"/><node id=\"3\" uname=\"node3\"/></nodes>"
            + "<resources><primitive id=\"vip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"/>"
            + "<group id=\"web\"><primitive id=\"fs\" class=\"ocf\" provider=\"heartbeat\" type=\"Filesystem\"/>"
            + "<primitive id=\"httpd\" class=\"systemd\" type=\"httpd\"/></group>"
            + "<clone id=\"ms\"><meta_attributes id=\"m\"><nvpair id=\"p\" name=\"promotable\" value=\"true\"/>"
            + "</meta_attributes><primitive id=\"db\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"/></clone>"
            + "</resources></configuration><status/></cib>").cib().configuration();

    @Test
    void the_status_lists_nodes_then_resources_the_way_crm_simulate_does() {
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put("node1", "online");
        nodes.put("node2", "online");
        nodes.put("node3", "standby");
        List<InstancePlacement> running = List.of(
                new InstancePlacement("vip", "vip", "node1", Role.STARTED, true),
                new InstancePlacement("fs", "fs", "node2", Role.STARTED, false),
                new InstancePlacement("db", "db:0", "node1", Role.PROMOTED, false),
                new InstancePlacement("db", "db:1", "node2", Role.STARTED, false));

        assertThat(StatusPrinter.print(CONFIG, nodes, running)).containsExactly(
                "  * Node List:",
                "    * Node node3: standby",
                "    * Online: [ node1 node2 ]",
                "",
                "  * Full List of Resources:",
                "    * vip\t(ocf:heartbeat:IPaddr2):\t FAILED node1",
                "    * Resource Group: web:",
                "      * fs\t(ocf:heartbeat:Filesystem):\t Started node2",
                "      * httpd\t(systemd:httpd):\t Stopped",
                "    * Clone Set: ms [db] (promotable):",
                "      * Promoted: [ node1 ]",
                "      * Unpromoted: [ node2 ]");
    }

    @Test
    void a_node_in_standby_that_still_runs_something_says_so() {
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put("node1", "standby");
        nodes.put("node2", "online");
        nodes.put("node3", "standby");
        List<InstancePlacement> running = List.of(new InstancePlacement("vip", "vip", "node1", Role.STARTED, false));

        assertThat(StatusPrinter.print(CONFIG, nodes, running)).startsWith(
                "  * Node List:",
                "    * Node node1: standby (with active resources)",
                "    * Node node3: standby",
                "    * Online: [ node2 ]");
    }

    @Test
    void with_a_health_strategy_a_red_or_yellow_online_node_says_so() {
        io.vigil.pacemaker.ImportedCib imported = CibImporter.importXml("<cib><configuration><crm_config>"
                + "<cluster_property_set id=\"o\"><nvpair id=\"s\" name=\"node-health-strategy\" value=\"custom\"/>"
                + "<nvpair id=\"y\" name=\"node-health-yellow\" value=\"-10\"/></cluster_property_set></crm_config>"
                + "<nodes><node id=\"1\" uname=\"node1\"/><node id=\"2\" uname=\"node2\"/><node id=\"3\" uname=\"node3\">"
                + "<instance_attributes id=\"a3\"><nvpair id=\"h3\" name=\"#health-fan\" value=\"-20\"/>"
                + "</instance_attributes></node></nodes><resources/></configuration><status>"
                + "<node_state id=\"1\" uname=\"node1\" in_ccm=\"true\" crmd=\"online\" join=\"member\" expected=\"member\">"
                + "<transient_attributes id=\"t1\"><instance_attributes id=\"ta1\">"
                + "<nvpair id=\"h1\" name=\"#health-disk\" value=\"red\"/></instance_attributes></transient_attributes>"
                + "</node_state></status></cib>");
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put("node1", "online");
        nodes.put("node2", "online");
        nodes.put("node3", "online");

        assertThat(StatusPrinter.withHealth(imported.cib().configuration(), imported.cib().status(), nodes))
                .containsExactly(Map.entry("node1", "online (health is RED)"), Map.entry("node2", "online"),
                        Map.entry("node3", "online (health is YELLOW)"));
    }
}
