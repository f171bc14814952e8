package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NoQuorumPolicy;
import org.junit.jupiter.api.Test;

class NodeStateAndFencingTest {

    private static Configuration twoNodes(boolean stonith, NoQuorumPolicy policy) {
        return Configuration.builder()
                .properties(p -> p.stonithEnabled(stonith).noQuorumPolicy(policy))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy")
                .build();
    }

    @Test
    void an_unclean_node_is_fenced_before_its_resources_move() {
        Clusters status = status("node1", "node2").running("web", "node1");
        status.node("node1").membership(Membership.UNCLEAN);

        SchedulerResult result = schedule(twoNodes(true, NoQuorumPolicy.STOP), status.build());

        assertThat(result.summary()).containsExactly(
                "Fence (reboot) node1 'peer is no longer part of the cluster'", "Move web ( node1 -> node2 )");
        assertThat(result.nodes()).containsEntry("node1", "offline");
        GraphAction fence = result.graph().actions().stream().filter(a -> a.type() == ActionType.FENCE)
                .findFirst().orElseThrow();
        GraphAction start = result.graph().actions().stream().filter(a -> a.type() == ActionType.START)
                .findFirst().orElseThrow();
        GraphAction stop = result.graph().actions().stream().filter(a -> a.type() == ActionType.STOP)
                .findFirst().orElseThrow();
        assertThat(stop.after()).contains(fence.id());
        assertThat(start.after()).contains(stop.id());
    }

    @Test
    void an_unclean_node_that_cannot_be_fenced_keeps_its_resources_and_no_second_copy_starts() {
        // Fencing is enabled but the partition has no quorum (policy freeze), so node1 cannot be fenced: its
        // resources may still run there, and starting them on node2 could run two copies.
        Clusters status = status("node1", "node2").running("web", "node1").withoutQuorum();
        status.node("node1").membership(Membership.UNCLEAN);

        SchedulerResult result = schedule(twoNodes(true, NoQuorumPolicy.FREEZE), status.build());

        assertThat(result.summary()).containsExactly("Stop web ( node1 ) blocked");
        assertThat(result.graph().actions()).noneMatch(a -> a.type() == ActionType.START && a.runnable());
        assertThat(placement(result)).containsExactly("web@node1");
    }

    @Test
    void without_fencing_an_unclean_nodes_history_is_not_read_and_its_resources_start_elsewhere() {
        // As Pacemaker: with fencing disabled the history of a node that is not up is never unpacked.
        Clusters status = status("node1", "node2").running("web", "node1");
        status.node("node1").membership(Membership.UNCLEAN);

        SchedulerResult result = schedule(twoNodes(false, NoQuorumPolicy.STOP), status.build());

        assertThat(result.current()).isEmpty();
        assertThat(placement(result)).containsExactly("web@node2");
        assertThat(result.summary()).containsExactly("Start web ( node2 )");
    }

    @Test
    void an_offline_nodes_history_is_not_trusted_and_the_resource_starts_elsewhere() {
        Clusters status = status("node1", "node2").running("web", "node1");
        status.node("node1").membership(Membership.OFFLINE);

        SchedulerResult result = schedule(twoNodes(true, NoQuorumPolicy.STOP), status.build());

        assertThat(placement(result)).containsExactly("web@node2");
        assertThat(result.summary()).containsExactly("Start web ( node2 )");
    }

    @Test
    void a_node_shutting_down_hands_its_resources_to_the_others() {
        Clusters status = status("node1", "node2").running("web", "node1");
        status.node("node1").attribute("shutdown", "1700000000");

        SchedulerResult result = schedule(twoNodes(true, NoQuorumPolicy.STOP), status.build());

        assertThat(result.summary()).containsExactly("Move web ( node1 -> node2 )");
        assertThat(placement(result)).containsExactly("web@node2");
    }

    @Test
    void a_shutdown_attribute_of_zero_means_no_shutdown() {
        Clusters status = status("node1", "node2").running("web", "node1");
        status.node("node1").attribute("shutdown", "0");

        SchedulerResult result = schedule(twoNodes(true, NoQuorumPolicy.STOP), status.build());

        assertThat(result.summary()).isEmpty();
        assertThat(placement(result)).containsExactly("web@node1");
    }

    @Test
    void without_quorum_and_policy_stop_running_resources_stop_and_nothing_starts() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("a", "node1").withoutQuorum()
                .build());

        assertThat(placement(result)).isEmpty();
        assertThat(result.summary()).containsExactly("Stop a ( node1 )", "Start b ( node2 ) blocked");
    }

    @Test
    void without_quorum_and_policy_freeze_what_runs_keeps_running_and_nothing_new_starts() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false).noQuorumPolicy(NoQuorumPolicy.FREEZE))
                .nodes("node1", "node2")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("a", "node1").withoutQuorum()
                .build());

        assertThat(placement(result)).containsExactly("a@node1");
    }

    @Test
    void with_policy_suicide_an_inquorate_partition_fences_itself() {
        Clusters status = status("node1", "node2").withoutQuorum();

        SchedulerResult result = schedule(twoNodes(true, NoQuorumPolicy.SUICIDE), status.build());

        assertThat(result.summary()).contains("Fence (reboot) node1 'cluster does not have quorum'",
                "Fence (reboot) node2 'cluster does not have quorum'");
    }
}
