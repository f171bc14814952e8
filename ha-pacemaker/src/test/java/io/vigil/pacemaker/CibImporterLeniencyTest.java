package io.vigil.pacemaker;

import static io.vigil.pacemaker.CibImporterTest.DUMMY;
import static io.vigil.pacemaker.CibImporterTest.TWO_NODES;
import static io.vigil.pacemaker.CibImporterTest.cib;
import static io.vigil.pacemaker.CibImporterTest.nv;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.NodeHealth;
import io.vigil.core.model.NodeHealthStrategy;
import io.vigil.core.model.Score;
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
}
