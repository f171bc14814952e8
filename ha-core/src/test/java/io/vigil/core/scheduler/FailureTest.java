package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.Membership;
import io.vigil.core.model.MultipleActive;
import io.vigil.core.model.OnFail;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureTest {
    private static final AgentType FENCE_XVM = AgentType.parse("stonith:fence_xvm");

    private static Configuration web(int migrationThreshold) {
        return Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.migrationThreshold(migrationThreshold)
                        .monitor(Duration.ofSeconds(10)))
                .build();
    }

    @Test
    void a_failed_monitor_is_recovered_in_place() {
        SchedulerResult result = schedule(web(3), status("node1", "node2").failedMonitor("web", "node1").build());

        assertThat(result.current()).singleElement().satisfies(p -> assertThat(p.failed()).isTrue());
        assertThat(result.summary()).containsExactly("Recover web ( node1 )");
        assertThat(placement(result)).containsExactly("web@node1");
    }

    @Test
    void reaching_the_migration_threshold_moves_the_resource_away() {
        Clusters status = status("node1", "node2").failedMonitor("web", "node1");
        status.node("node1").failCount("web", 3);

        SchedulerResult result = schedule(web(3), status.build());

        assertThat(result.summary()).containsExactly("Recover web ( node1 -> node2 )");
        assertThat(placement(result)).containsExactly("web@node2");
        assertThat(result.scores().get("web").get("node1").score()).isEqualTo(-1_000_000);
    }

    @Test
    void a_failure_whose_failure_timeout_expired_no_longer_counts() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.migrationThreshold(1)
                        .failureTimeout(Duration.ofMinutes(1)))
                .build();
        Clusters status = status("node1", "node2").running("web", "node1");
        status.node("node1").failCount("web", 1);

        SchedulerResult result = Scheduler.schedule(config, status.build(), Clusters.NOW.plus(Duration.ofHours(1)));

        assertThat(placement(result)).containsExactly("web@node1");
    }

    @Test
    void on_fail_block_leaves_a_failed_resource_where_it_is() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.op("monitor", o -> o
                        .interval(Duration.ofSeconds(10)).onFail(OnFail.BLOCK)))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").failedMonitor("web", "node1").build());

        assertThat(result.summary()).isEmpty();
        assertThat(result.placement()).singleElement().satisfies(p -> assertThat(p.failed()).isTrue());
    }

    @Test
    void a_resource_mandatorily_colocated_with_a_clone_leaves_the_node_where_its_instance_is_blocked() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .clone("routing", c -> c.primitive("bird", "ocf:pacemaker:Dummy", r -> r.op("monitor", o -> o
                        .interval(Duration.ofSeconds(10)).onFail(OnFail.BLOCK))))
                .primitive("svc", "ocf:pacemaker:Dummy")
                .colocation("svc-with-routing", "svc", "routing", Score.INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("svc", "node1")
                .running("bird", "node2").failedMonitor("bird", "node1").build());

        assertThat(result.summary()).containsExactly("Move svc ( node1 -> node2 )");
    }

    @Test
    void on_fail_ignore_treats_the_failed_operation_as_a_success() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.op("monitor", o -> o
                        .interval(Duration.ofSeconds(10)).onFail(OnFail.IGNORE)))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").failedMonitor("web", "node1").build());

        assertThat(result.summary()).isEmpty();
        assertThat(result.placement()).singleElement().satisfies(p -> {
            assertThat(p.node()).isEqualTo("node1");
            assertThat(p.failed()).isFalse();
        });
    }

    @Test
    void a_failed_stop_with_fencing_enabled_fences_the_node() {
        Configuration config = Configuration.builder()
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy")
                .build();
        Clusters status = status("node1", "node2");
        status.node("node1").op("web", "start", 0, 0, 0).op("web", "stop", 0, 1, 0);

        SchedulerResult result = schedule(config, status.build());

        assertThat(result.summary()).contains("Fence (reboot) node1 'web failed there'",
                "Recover web ( node1 -> node2 )");
        assertThat(result.placement()).singleElement().satisfies(p -> assertThat(p.role()).isEqualTo(Role.STARTED));
    }

    @Test
    void a_node_in_our_membership_where_a_stop_failed_is_fenced_even_without_quorum() {
        Configuration config = Configuration.builder()
                .nodes("node1", "node2", "node3")
                .primitive("web", "ocf:pacemaker:Dummy")
                .build();
        Clusters status = status("node1", "node2", "node3").withoutQuorum();
        status.node("node1").op("web", "start", 0, 0, 0).op("web", "stop", 0, 1, 0);
        status.node("node3").membership(Membership.UNCLEAN);

        SchedulerResult result = schedule(config, status.build());

        // node3 left the membership: without quorum it cannot be fenced; node1 still is a member
        assertThat(result.summary()).contains("Fence (reboot) node1 'web failed there'", "Stop web ( node1 )")
                .noneMatch(l -> l.contains("node3"));
        assertThat(result.placement()).isEmpty();
    }

    @Test
    void a_resource_found_active_on_two_nodes_is_stopped_everywhere_and_started_once() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy")
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("web", "node1")
                .running("web", "node2").build());

        assertThat(result.current()).hasSize(2);
        assertThat(result.placement()).hasSize(1);
        assertThat(result.graph().actions().stream().filter(a -> a.type() == ActionType.STOP)).hasSize(2);
        assertThat(result.summary()).containsExactly("Restart web ( node1 )"); // one line, as Pacemaker reports it
    }

    private static SchedulerResult activeOnBothNodes(MultipleActive policy) {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.multipleActive(policy))
                .build();
        return schedule(config, status("node1", "node2").running("web", "node1").running("web", "node2").build());
    }

    @Test
    void with_multiple_active_stop_only_a_resource_active_on_two_nodes_is_stopped_on_both_and_stays_stopped() {
        SchedulerResult result = activeOnBothNodes(MultipleActive.STOP_ONLY);

        assertThat(result.summary()).containsExactly("Stop web ( node1 )", "Stop web ( node2 )");
        assertThat(placement(result)).isEmpty();
    }

    @Test
    void with_multiple_active_stop_unexpected_only_the_copy_away_from_its_node_stops() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.multipleActive(MultipleActive.STOP_UNEXPECTED))
                .location("web-prefers-node2", "web", "node2", 100)
                .build();

        SchedulerResult result = schedule(config,
                status("node1", "node2").running("web", "node1").running("web", "node2").build());

        assertThat(result.summary()).containsExactly("Move web ( node1 -> node2 )");
        assertThat(result.graph().actions()).filteredOn(a -> a.type() == ActionType.STOP)
                .singleElement().satisfies(a -> assertThat(a.node()).isEqualTo("node1"));
        assertThat(result.graph().actions()).noneMatch(a -> a.type() == ActionType.START);
    }

    @Test
    void with_multiple_active_block_a_resource_active_on_two_nodes_is_left_alone() {
        SchedulerResult result = activeOnBothNodes(MultipleActive.BLOCK);

        assertThat(result.summary()).isEmpty();
        assertThat(result.graph().actions()).noneMatch(a -> a.type() == ActionType.STOP);
    }

    @Test
    void a_probe_that_finds_the_agent_not_installed_keeps_the_resource_off_that_node_without_stopping_anything() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy")
                .location("web-prefers-node1", "web", "node1", 100)
                .build();
        Clusters status = status("node1", "node2").running("web", "node2");
        status.node("node1").op("web", "monitor", 0, 5, 7, ExecStatus.NOT_INSTALLED);

        SchedulerResult result = schedule(config, status.build());

        assertThat(result.summary()).isEmpty();
        assertThat(placement(result)).containsExactly("web@node2");
        assertThat(result.current()).singleElement().satisfies(p -> assertThat(p.node()).isEqualTo("node2"));
        assertThat(result.scores().get("web").get("node1").score()).isEqualTo(Score.MINUS_INFINITY);
    }

    @Test
    void a_probe_that_finds_invalid_parameters_means_not_running_there_and_bans_the_node() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy")
                .location("web-prefers-node1", "web", "node1", 100)
                .build();
        Clusters status = status("node1", "node2");
        status.node("node1").op("web", "monitor", 0, 2, 7);

        SchedulerResult result = schedule(config, status.build());

        assertThat(result.summary()).containsExactly("Start web ( node2 )");
        assertThat(result.current()).isEmpty();
    }

    @Test
    void an_agent_missing_for_a_monitor_is_recovered_elsewhere_even_with_on_fail_ignore() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.op("monitor", o -> o
                        .interval(Duration.ofSeconds(10)).onFail(OnFail.IGNORE)))
                .build();
        Clusters missing = status("node1", "node2");
        missing.node("node1").op("web", "start", 0, 0, 0)
                .op("web", "monitor", 10_000, 5, 0, ExecStatus.NOT_INSTALLED);
        // The same result code from an agent that ran is an ordinary hard error, which on-fail=ignore does hide.
        Clusters ran = status("node1", "node2");
        ran.node("node1").op("web", "start", 0, 0, 0).op("web", "monitor", 10_000, 5, 0);

        assertThat(schedule(config, missing.build()).summary()).containsExactly("Recover web ( node1 -> node2 )");
        assertThat(schedule(config, ran.build()).summary()).isEmpty();
    }

    @Test
    void a_fence_device_active_on_a_node_being_fenced_and_on_a_clean_node_just_stays_on_the_clean_one() {
        Configuration config = Configuration.builder()
                .nodes("node1", "node2", "node3")
                .primitive("fencer", "stonith:fence_xvm")
                .primitive("web", "ocf:pacemaker:Dummy")
                .location("web-not-node1", "web", "node1", Score.MINUS_INFINITY)
                .location("web-not-node3", "web", "node3", Score.MINUS_INFINITY)
                .location("fencer-not-node1", "fencer", "node1", Score.MINUS_INFINITY)
                .build();
        Clusters status = status("node1", "node2", "node3");
        status.node("node2").agent("fencer", FENCE_XVM).op("fencer", "start", 0, 0, 0)
                .op("web", "start", 0, 0, 0).op("web", "stop", 0, 1, 0);
        status.node("node3").agent("fencer", FENCE_XVM).op("fencer", "start", 0, 0, 0);

        SchedulerResult result = schedule(config, status.build());

        // node2 is fenced for the failed stop; the fence device counts as active on node3 only (no Move, no
        // Restart), while web, which needs fencing, is stopped with node2.
        assertThat(result.summary()).containsExactly("Fence (reboot) node2 'web failed there'",
                "Stop web ( node2 )");
        assertThat(placement(result)).containsExactly("fencer@node3");
    }
}
