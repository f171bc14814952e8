package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColocationAndGroupTest {

    @Test
    void an_infinity_colocation_puts_the_dependent_on_the_primarys_node() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .primitive("db", "ocf:pacemaker:Dummy")
                .primitive("app", "ocf:pacemaker:Dummy")
                .location("db-on-node3", "db", "node3", 50)
                .colocation("app-with-db", "app", "db", Score.INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2", "node3").build());

        assertThat(placement(result)).containsExactly("app@node3", "db@node3");
    }

    @Test
    void a_cycle_of_infinity_colocations_places_every_member_on_one_node() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .primitive("c", "ocf:pacemaker:Dummy")
                .location("c-not-on-node1", "c", "node1", Score.MINUS_INFINITY)
                .colocation("a-with-b", "a", "b", Score.INFINITY)
                .colocation("b-with-c", "b", "c", Score.INFINITY)
                .colocation("c-with-a", "c", "a", Score.INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2", "node3").build());

        assertThat(placement(result)).hasSize(3).extracting(p -> p.substring(p.indexOf('@')))
                .containsOnly("@node2");
    }

    @Test
    void in_a_colocation_cycle_the_member_that_closes_the_loop_still_follows_the_others_preferences() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .primitive("c", "ocf:pacemaker:Dummy")
                .location("a-prefers-node2", "a", "node2", 100)
                .colocation("a-with-b", "a", "b", Score.INFINITY)
                .colocation("b-with-c", "b", "c", Score.INFINITY)
                .colocation("c-with-a", "c", "a", Score.INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2", "node3").build());

        // a is placed first and waits for b, which waits for c; c is placed with a's and b's pull
        assertThat(placement(result)).containsExactly("a@node2", "b@node2", "c@node2");
    }

    @Test
    void a_minus_infinity_colocation_keeps_two_resources_apart() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .location("a-on-node1", "a", "node1", 10)
                .location("b-on-node1", "b", "node1", 10)
                .colocation("apart", "b", "a", Score.MINUS_INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("a@node1", "b@node2");
    }

    @Test
    void a_dependent_stops_when_its_mandatory_primary_cannot_run() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("db", "ocf:pacemaker:Dummy", r -> r.stopped())
                .primitive("app", "ocf:pacemaker:Dummy")
                .colocation("app-with-db", "app", "db", Score.INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("app", "node1").build());

        assertThat(placement(result)).isEmpty();
        assertThat(result.summary()).containsExactly("Stop app ( node1 )");
    }

    @Test
    void a_primary_leans_towards_where_its_dependent_wants_to_be() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("db", "ocf:pacemaker:Dummy")
                .primitive("app", "ocf:pacemaker:Dummy")
                .location("app-on-node2", "app", "node2", 100)
                .colocation("app-with-db", "app", "db", Score.INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("app@node2", "db@node2");
    }

    @Test
    void a_group_runs_on_one_node_and_starts_its_members_in_order() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .group("web", g -> g
                        .primitive("ip", "ocf:pacemaker:Dummy")
                        .primitive("fs", "ocf:pacemaker:Dummy")
                        .primitive("app", "ocf:pacemaker:Dummy"))
                .location("web-on-node2", "web", "node2", 10)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("app@node2", "fs@node2", "ip@node2");
        List<GraphAction> starts = result.graph().actions().stream()
                .filter(a -> a.type() == ActionType.START).toList();
        GraphAction ip = starts.stream().filter(a -> a.resource().equals("ip")).findFirst().orElseThrow();
        GraphAction fs = starts.stream().filter(a -> a.resource().equals("fs")).findFirst().orElseThrow();
        GraphAction app = starts.stream().filter(a -> a.resource().equals("app")).findFirst().orElseThrow();
        assertThat(fs.after()).contains(ip.id());
        assertThat(app.after()).contains(fs.id());
    }

    @Test
    void members_after_an_unmanaged_member_still_obey_the_groups_mandatory_colocations() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("storage", "ocf:pacemaker:Dummy")
                .location("storage-nowhere-1", "storage", "node1", Score.MINUS_INFINITY)
                .location("storage-nowhere-2", "storage", "node2", Score.MINUS_INFINITY)
                .group("web", g -> g
                        .primitive("ip", "ocf:pacemaker:Dummy", r -> r.managed(false))
                        .primitive("fs", "ocf:pacemaker:Dummy")
                        .primitive("app", "ocf:pacemaker:Dummy"))
                .colocation("web-with-storage", "web", "storage", Score.INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("ip", "node1").build());

        // ip is left alone where it runs; fs and app cannot run without storage
        assertThat(placement(result)).containsExactly("ip@node1");
        assertThat(result.summary()).isEmpty();
    }

    @Test
    void a_group_moves_as_a_whole_when_one_member_is_banned() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .group("web", g -> g
                        .primitive("ip", "ocf:pacemaker:Dummy")
                        .primitive("app", "ocf:pacemaker:Dummy"))
                .location("no-app-on-node1", "app", "node1", Score.MINUS_INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("ip", "node1")
                .running("app", "node1").build());

        assertThat(placement(result)).containsExactly("app@node2", "ip@node2");
        assertThat(result.summary()).containsExactly("Move ip ( node1 -> node2 )", "Move app ( node1 -> node2 )");
    }
}
