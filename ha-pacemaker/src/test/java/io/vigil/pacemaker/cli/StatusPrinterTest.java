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
}
