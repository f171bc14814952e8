package io.vigil.pacemaker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.model.Clone;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ConfigurationValidator;
import io.vigil.core.model.Group;
import io.vigil.core.model.Location;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.Order;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Resource;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;
import io.vigil.pacemaker.CibImporter;
import io.vigil.pacemaker.ImportedCib;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ClusterGeneratorTest {
    private static final GeneratedCluster CLUSTER = ClusterGenerator.generate(16, 500, 42);

    @Test
    void the_generated_configuration_is_valid_and_has_the_requested_primitives() {
        Configuration config = CLUSTER.configuration();

        assertThat(ConfigurationValidator.validate(config)).isEmpty();
        assertThat(config.nodes()).hasSize(16);
        assertThat(CLUSTER.primitiveCount()).isEqualTo(500);
        assertThat(config.properties().stonithEnabled()).isFalse();
        assertThat(config.resourceDefaults().resourceStickiness()).isEqualTo(ClusterGenerator.DEFAULT_STICKINESS);
    }

    @Test
    void the_mix_has_primitives_groups_clones_and_promotable_clones_in_the_intended_shares() {
        int standalone = 0;
        int inGroups = 0;
        int cloned = 0;
        int promotable = 0;
        for (Resource r : CLUSTER.configuration().resources()) {
            if (r instanceof Primitive) {
                standalone++;
            } else if (r instanceof Group g) {
                assertThat(g.members()).hasSizeBetween(2, 5);
                inGroups += g.members().size();
            } else if (r instanceof Clone c && c.isPromotable()) {
                promotable += c.primitives().size();
            } else {
                cloned += r.primitives().size();
            }
        }
        assertThat(standalone).isBetween(290, 310);
        assertThat(inGroups).isBetween(120, 130);
        assertThat(cloned).isEqualTo(50);
        assertThat(promotable).isEqualTo(25);
    }

    @Test
    void constraints_of_every_kind_grow_with_the_resources() {
        List<?> constraints = CLUSTER.configuration().constraints();
        long locations = constraints.stream().filter(Location.class::isInstance).count();
        long colocations = constraints.stream().filter(Colocation.class::isInstance).count();
        long orders = constraints.stream().filter(Order.class::isInstance).count();

        assertThat(locations).isGreaterThan(50);
        assertThat(colocations).isGreaterThan(30);
        assertThat(orders).isGreaterThan(30);
        assertThat(constraints.size()).isBetween(200, 400);
    }

    @Test
    void the_same_seed_gives_the_same_cluster_and_another_seed_a_different_one() {
        GeneratedCluster again = ClusterGenerator.generate(16, 500, 42);
        GeneratedCluster other = ClusterGenerator.generate(16, 500, 43);

        assertThat(again).isEqualTo(CLUSTER);
        assertThat(other.configuration()).isNotEqualTo(CLUSTER.configuration());
        assertThat(xml(again, true)).isEqualTo(xml(CLUSTER, true));
    }

    @Test
    void from_scratch_every_node_is_online_and_nothing_was_run() {
        ClusterStatus scratch = CLUSTER.scratch();

        assertThat(scratch.nodes()).hasSize(16)
                .allSatisfy(n -> {
                    assertThat(n.membership()).isEqualTo(Membership.ONLINE);
                    assertThat(n.history()).isEmpty();
                });
    }

    @Test
    void after_the_failure_one_node_is_offline_and_every_node_has_probed_every_primitive() {
        ClusterStatus status = CLUSTER.nodeFailure();

        assertThat(status.nodes()).filteredOn(n -> n.membership() != Membership.ONLINE)
                .extracting(NodeStatus::name).containsExactly(CLUSTER.failedNode());
        assertThat(status.nodes()).allSatisfy(n -> assertThat(n.history()).hasSize(500));
        assertThat(status.dc()).isNotEqualTo(CLUSTER.failedNode());
    }

    @Test
    void the_converged_placement_keeps_every_constraint() {
        Configuration config = CLUSTER.configuration();
        Map<String, Map<String, Role>> roles = currentRoles(CLUSTER.nodeFailure());

        for (Resource r : config.resources()) {
            if (r instanceof Clone c) {
                int expected = c.options().cloneMaxOrDefault(config.nodes().size());
                for (Primitive p : c.primitives()) {
                    assertThat(roles.get(p.id())).as(p.id()).hasSize(expected);
                    if (c.isPromotable()) {
                        assertThat(roles.get(p.id()).values()).as(p.id()).containsOnlyOnce(Role.PROMOTED);
                    }
                }
            } else {
                for (Primitive p : r.primitives()) {
                    assertThat(roles.get(p.id())).as(p.id()).hasSize(1);
                }
                assertThat(r.primitives().stream().map(p -> roles.get(p.id()).keySet()).distinct())
                        .as("members of %s run together", r.id()).hasSize(1);
            }
        }
        for (Object c : config.constraints()) {
            if (c instanceof Location l && l.score() == Score.MINUS_INFINITY) {
                assertThat(nodesOf(config, roles, l.resource(), null)).as(l.id()).doesNotContain(l.node());
            } else if (c instanceof Colocation col) {
                Set<String> dependent = nodesOf(config, roles, col.resource(), null);
                Set<String> with = nodesOf(config, roles, col.withResource(), col.withRole());
                if (col.score() == Score.INFINITY) {
                    assertThat(with).as(col.id()).containsAll(dependent);
                } else {
                    assertThat(with).as(col.id()).doesNotContainAnyElementsOf(dependent);
                }
            }
        }
    }

    @Test
    void the_cib_xml_is_well_formed_and_holds_the_whole_cluster() throws Exception {
        Document doc = parse(xml(CLUSTER, true));
        Element cib = doc.getDocumentElement();

        assertThat(cib.getAttribute("validate-with")).isEqualTo(CibXmlWriter.SCHEMA);
        assertThat(cib.getAttribute("execution-date")).isEqualTo(Long.toString(ClusterGenerator.NOW.getEpochSecond()));
        assertThat(doc.getElementsByTagName("primitive").getLength()).isEqualTo(500);
        assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(16);
        assertThat(doc.getElementsByTagName("node_state").getLength()).isEqualTo(16);
        assertThat(doc.getElementsByTagName("lrm_resource").getLength()).isEqualTo(16 * 500);
        int constraints = doc.getElementsByTagName("rsc_location").getLength()
                + doc.getElementsByTagName("rsc_colocation").getLength()
                + doc.getElementsByTagName("rsc_order").getLength();
        assertThat(constraints).isEqualTo(CLUSTER.configuration().constraints().size());
        NodeList states = doc.getElementsByTagName("node_state");
        List<String> offline = new ArrayList<>();
        for (int i = 0; i < states.getLength(); i++) {
            Element s = (Element) states.item(i);
            if (s.getAttribute("in_ccm").equals("false")) {
                offline.add(s.getAttribute("uname"));
            }
        }
        assertThat(offline).containsExactly(CLUSTER.failedNode());
    }

    @Test
    void the_pacemaker_importer_reads_the_written_cib_back_as_the_generated_model() {
        ImportedCib converged = CibImporter.importXml(xml(CLUSTER, true));
        ImportedCib scratch = CibImporter.importXml(xml(CLUSTER, false));

        assertThat(converged.warnings()).isEmpty();
        assertThat(converged.cib().configuration()).isEqualTo(CLUSTER.configuration());
        // The writer records an op-digest (Pacemaker restarts what has none); the generated model has no digests.
        assertThat(converged.cib().status().nodes()).flatMap(NodeStatus::history)
                .flatMap(ResourceHistory::operations).allSatisfy(o -> assertThat(o.digests()).isNotNull());
        assertThat(withoutDigests(converged.cib().status())).isEqualTo(CLUSTER.nodeFailure());
        assertThat(converged.executionDate()).contains(CLUSTER.now());
        assertThat(scratch.cib().status()).isEqualTo(CLUSTER.scratch());
    }

    @Test
    void the_written_digests_match_the_configuration_so_nothing_reads_as_changed() {
        ImportedCib converged = CibImporter.importXml(xml(CLUSTER, true));

        var fromXml = io.vigil.core.scheduler.Scheduler.schedule(converged.cib().configuration(),
                converged.cib().status(), CLUSTER.now());
        var fromModel = io.vigil.core.scheduler.Scheduler.schedule(CLUSTER.configuration(), CLUSTER.nodeFailure(),
                CLUSTER.now());

        // No restart, reload or rescheduled monitor for a definition change: the same graph as without digests.
        assertThat(fromXml.summary()).isEqualTo(fromModel.summary());
        assertThat(fromXml.graph().actions()).hasSameSizeAs(fromModel.graph().actions());
        assertThat(fromXml.graph().actions()).noneMatch(a -> a.type() == io.vigil.core.scheduler.ActionType.RELOAD);
    }

    @Test
    void the_scratch_cib_has_empty_histories() throws Exception {
        Document doc = parse(xml(CLUSTER, false));

        assertThat(doc.getElementsByTagName("node_state").getLength()).isEqualTo(16);
        assertThat(doc.getElementsByTagName("lrm_resource").getLength()).isZero();
        assertThat(doc.getElementsByTagName("rsc_colocation").getLength()).isPositive();
    }

    @Test
    void too_small_arguments_are_refused_with_the_argument_named() {
        assertThatThrownBy(() -> ClusterGenerator.generate(1, 500, 1)).hasMessageContaining("nodes");
        assertThatThrownBy(() -> ClusterGenerator.generate(16, 5, 1)).hasMessageContaining("primitives");
    }

    private static ClusterStatus withoutDigests(ClusterStatus status) {
        List<NodeStatus> nodes = new ArrayList<>();
        for (NodeStatus n : status.nodesInStatusOrder()) { // the order is part of the status
            List<ResourceHistory> history = new ArrayList<>();
            for (ResourceHistory h : n.history()) {
                history.add(new ResourceHistory(h.resource(), h.agent(),
                        h.operations().stream().map(o -> o.withDigests(null)).toList()));
            }
            nodes.add(new NodeStatus(n.name(), n.membership(), n.standby(), n.maintenance(), n.attributes(), history,
                    n.failCounts()));
        }
        return new ClusterStatus(status.quorate(), status.dc(), nodes);
    }

    private static String xml(GeneratedCluster cluster, boolean failed) {
        StringWriter w = new StringWriter();
        CibXmlWriter.write(cluster.configuration(), failed ? cluster.nodeFailure() : cluster.scratch(), cluster.now(), w);
        return w.toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Primitive id -> node -> role, from the last one-off operation of each history on online nodes. */
    private static Map<String, Map<String, Role>> currentRoles(ClusterStatus status) {
        Map<String, Map<String, Role>> roles = new HashMap<>();
        for (NodeStatus n : status.nodes()) {
            for (ResourceHistory h : n.history()) {
                OperationRecord last = h.operations().stream().filter(o -> o.interval().isZero())
                        .reduce((a, b) -> b).orElseThrow();
                Role role = switch (last.operation()) {
                    case "start" -> Role.STARTED;
                    case "promote" -> Role.PROMOTED;
                    default -> null;
                };
                if (role != null) {
                    roles.computeIfAbsent(h.resource(), k -> new TreeMap<>()).put(n.name(), role);
                }
            }
        }
        return roles;
    }

    /** The nodes where any primitive of the resource runs (in {@code role} when given). */
    private static Set<String> nodesOf(Configuration config, Map<String, Map<String, Role>> roles, String id,
                                       Role role) {
        Set<String> out = new TreeSet<>();
        for (Primitive p : config.resource(id).orElseThrow().primitives()) {
            roles.getOrDefault(p.id(), Map.of()).forEach((node, r) -> {
                if (role == null || r == role) {
                    out.add(node);
                }
            });
        }
        return out;
    }
}
