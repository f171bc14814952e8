package io.vigil.pacemaker;

import static io.vigil.pacemaker.CibImporterTest.TWO_NODES;
import static io.vigil.pacemaker.CibImporterTest.cib;
import static io.vigil.pacemaker.CibImporterTest.nv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.ColocationSet;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Location;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OrderSet;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resource templates and tags: primitives take a template's definition; constraints expand them to sets. */
class CibImporterTemplateTest {

    static final String TEMPLATE = "<template id=\"web\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\">"
            + "<meta_attributes id=\"web-meta\">" + nv("priority", "5") + nv("resource-stickiness", "10")
            + "</meta_attributes><utilization id=\"web-util\"><nvpair id=\"web-cpu\" name=\"cpu\" value=\"2\"/>"
            + "</utilization><instance_attributes id=\"web-params\"><nvpair id=\"web-port\" name=\"port\" value=\"80\"/>"
            + "</instance_attributes><operations><op id=\"web-mon\" name=\"monitor\" interval=\"10s\"/>"
            + "<op id=\"web-start\" name=\"start\" interval=\"0\" timeout=\"60s\"/></operations></template>";

    static final String BASED = "<primitive id=\"web1\" template=\"web\"/>"
            + "<primitive id=\"web2\" template=\"web\"><meta_attributes id=\"web2-meta\">" + nv("priority", "7")
            + "</meta_attributes><utilization id=\"web2-util\"><nvpair id=\"web2-cpu\" name=\"cpu\" value=\"1\"/>"
            + "</utilization><operations><op id=\"web2-mon\" name=\"monitor\" interval=\"20s\"/></operations>"
            + "</primitive>"
            + "<primitive id=\"db\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>";

    private static Configuration importWith(String resources, String constraints) {
        return CibImporter.importXml(cib("", TWO_NODES, resources, constraints, "")).cib().configuration();
    }

    @Test
    void a_primitive_based_on_a_template_takes_its_agent_and_merges_its_attributes_and_operations() {
        Configuration config = importWith(TEMPLATE + BASED, "");

        assertThat(config.resources()).extracting(r -> r.id()).containsExactly("web1", "web2", "db");
        Primitive web1 = (Primitive) config.resource("web1").orElseThrow();
        Primitive web2 = (Primitive) config.resource("web2").orElseThrow();
        assertThat(web1.agent()).isEqualTo(new AgentType("ocf", "heartbeat", "apache"));
        assertThat(web1.parameters()).isEqualTo(Map.of("port", "80"));
        assertThat(web1.utilization()).isEqualTo(Map.of("cpu", 2));
        assertThat(web1.meta().priority()).isEqualTo(5);
        assertThat(web1.operations()).extracting(Operation::name).containsExactly("monitor", "start");
        // The primitive's own values win; the template's monitor is replaced (same name and role), its start kept.
        assertThat(web2.utilization()).isEqualTo(Map.of("cpu", 1));
        assertThat(web2.meta().priority()).isEqualTo(7);
        assertThat(web2.meta().resourceStickiness()).isEqualTo(10);
        assertThat(web2.operations()).extracting(Operation::name, Operation::interval).containsExactly(
                org.assertj.core.groups.Tuple.tuple("monitor", Duration.ofSeconds(20)),
                org.assertj.core.groups.Tuple.tuple("start", Duration.ZERO));
    }

    @Test
    void a_template_in_a_colocation_or_order_becomes_a_non_sequential_set_of_its_primitives() {
        String constraints = "<rsc_colocation id=\"web-with-db\" rsc=\"web\" with-rsc=\"db\" score=\"INFINITY\""
                + " with-rsc-role=\"Started\"/>"
                + "<rsc_order id=\"db-then-web\" first=\"db\" then=\"web\" first-action=\"start\"/>";
        Configuration config = importWith(TEMPLATE + BASED, constraints);

        ColocationSet colocation = (ColocationSet) config.constraints().get(0);
        assertThat(colocation.sets()).containsExactly(
                new ResourceSet("web", List.of("web1", "web2"), false, true, null, null),
                new ResourceSet("db", List.of("db"), true, true, Role.STARTED, null));
        OrderSet order = (OrderSet) config.constraints().get(1);
        assertThat(order.sets()).containsExactly(
                new ResourceSet("db", List.of("db"), true, true, null, ResourceAction.START),
                new ResourceSet("web", List.of("web1", "web2"), false, true, null, null));
    }

    @Test
    void a_tag_stands_for_its_resources_in_locations_and_inside_resource_sets() {
        String tags = "<tags><tag id=\"frontend\"><obj_ref id=\"web1\"/><obj_ref id=\"db\"/></tag></tags>";
        String constraints = "<rsc_location id=\"fe-on-1\" rsc=\"frontend\" node=\"node1\" score=\"100\"/>"
                + "<rsc_order id=\"o\"><resource_set id=\"s\"><resource_ref id=\"web2\"/>"
                + "<resource_ref id=\"frontend\"/></resource_set></rsc_order>";
        Configuration config = CibImporter.importXml(cib("", TWO_NODES, TEMPLATE + BASED, constraints, "")
                .replace("<constraints>", tags + "<constraints>")).cib().configuration();

        assertThat(config.constraints()).filteredOn(c -> c instanceof Location).extracting(c -> c.id())
                .containsExactly("fe-on-1-web1", "fe-on-1-db");
        assertThat(((Location) config.constraints().get(1)).resource()).isEqualTo("db");
        assertThat(((OrderSet) config.constraints().get(2)).sets().get(0).resources())
                .containsExactly("web2", "web1", "db");
    }

    @Test
    void a_constraint_on_a_template_nothing_is_based_on_is_ignored_with_a_warning() {
        ImportedCib imported = CibImporter.importXml(cib("", TWO_NODES, TEMPLATE + "<primitive id=\"db\" class=\"ocf\""
                + " provider=\"pacemaker\" type=\"Dummy\"/>", "<rsc_order id=\"o\" first=\"db\" then=\"web\"/>", ""));

        assertThat(imported.cib().configuration().constraints()).isEmpty();
        assertThat(imported.warnings()).singleElement().asString().contains("'web'");
    }

    @Test
    void a_primitive_naming_a_missing_template_is_an_error() {
        assertThatThrownBy(() -> importWith("<primitive id=\"x\" template=\"nope\"/>", ""))
                .isInstanceOf(CibImportException.class).hasMessageContaining("template 'nope'");
    }

    @Test
    void a_location_over_resource_sets_gives_each_member_the_location_with_the_sets_role_and_score() {
        String constraints = "<rsc_location id=\"l\" node=\"node1\" score=\"50\">"
                + "<resource_set id=\"s1\"><resource_ref id=\"web\"/></resource_set>"
                + "<resource_set id=\"s2\" score=\"-INFINITY\" role=\"Started\"><resource_ref id=\"db\"/>"
                + "</resource_set></rsc_location>";
        Configuration config = importWith(TEMPLATE + BASED, constraints);

        assertThat(config.constraints()).containsExactly(
                new Location("l-web1", "web1", null, "node1", 50, List.of()),
                new Location("l-web2", "web2", null, "node1", 50, List.of()),
                new Location("l-db", "db", Role.STARTED, "node1", -1_000_000, List.of()));
    }

    @Test
    void an_rsc_pattern_location_applies_to_each_top_level_resource_the_pattern_is_found_in_or_not_with_a_bang() {
        String constraints = "<rsc_location id=\"l\" rsc-pattern=\"^web\" node=\"node1\" score=\"10\"/>"
                + "<rsc_location id=\"n\" rsc-pattern=\"!web\" node=\"node2\" score=\"20\"/>";
        Configuration config = importWith(TEMPLATE + BASED, constraints);

        assertThat(config.constraints()).containsExactly(
                new Location("l-web1", "web1", null, "node1", 10, List.of()),
                new Location("l-web2", "web2", null, "node1", 10, List.of()),
                new Location("n-db", "db", null, "node2", 20, List.of()));
        assertThatThrownBy(() -> importWith(BASED.substring(BASED.indexOf("<primitive id=\"db\"")),
                "<rsc_location id=\"p\" rsc-pattern=\"(d)b\"><rule id=\"r\" score=\"1\"><expression id=\"x\""
                        + " attribute=\"owner\" operation=\"eq\" value=\"%1\"/></rule></rsc_location>"))
                .isInstanceOf(UnsupportedCibException.class).hasMessageContaining("submatches");
    }
}
