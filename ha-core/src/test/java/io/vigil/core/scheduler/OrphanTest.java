package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import org.junit.jupiter.api.Test;

class OrphanTest {

    private static Configuration onlyWeb() {
        return Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy")
                .build();
    }

    @Test
    void a_resource_removed_from_the_configuration_while_running_is_stopped() {
        SchedulerResult result = schedule(onlyWeb(),
                status("node1", "node2").running("web", "node1").running("old-job", "node2").build());

        assertThat(result.summary()).containsExactly("Stop old-job ( node2 )");
        assertThat(placement(result)).containsExactly("web@node1");
        assertThat(result.graph().actions()).anyMatch(a -> a.type() == ActionType.STOP
                && "old-job".equals(a.resource()) && "node2".equals(a.node()) && a.runnable());
    }

    @Test
    void history_of_a_removed_resource_that_is_no_longer_running_is_ignored() {
        Clusters status = status("node1", "node2").running("web", "node1");
        status.node("node2").op("old-job", "start", 0, 0, 0).op("old-job", "stop", 0, 0, 0);

        SchedulerResult result = schedule(onlyWeb(), status.build());

        assertThat(result.summary()).isEmpty();
        assertThat(result.current()).noneMatch(p -> p.resource().equals("old-job"));
    }

    @Test
    void with_stop_orphan_resources_false_a_removed_resource_keeps_running_unmanaged() {
        Configuration config = onlyWeb().toBuilder()
                .properties(p -> p.stopOrphanResources(false))
                .build();

        SchedulerResult result = schedule(config,
                status("node1", "node2").running("web", "node1").running("old-job", "node2").build());

        assertThat(result.summary()).isEmpty();
        assertThat(result.graph().actions()).noneMatch(a -> "old-job".equals(a.resource()) && a.type() != ActionType.PROBE);
        assertThat(result.current()).anyMatch(p -> p.resource().equals("old-job"));
    }

    @Test
    void instances_of_a_removed_clone_are_separate_orphans_stopped_where_they_run() {
        SchedulerResult result = schedule(onlyWeb(), status("node1", "node2").running("web", "node1")
                .running("old-clone:0", "node1").running("old-clone:1", "node2").build());

        assertThat(result.summary()).containsExactlyInAnyOrder("Stop old-clone:0 ( node1 )",
                "Stop old-clone:1 ( node2 )");
    }
}
