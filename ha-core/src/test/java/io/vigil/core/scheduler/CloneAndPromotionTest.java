package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;
import org.junit.jupiter.api.Test;

class CloneAndPromotionTest {

    @Test
    void an_anonymous_clone_runs_one_instance_per_node() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .clone("ping-clone", c -> c.primitive("ping", "ocf:pacemaker:Dummy"))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2", "node3").build());

        assertThat(placement(result)).containsExactly("ping@node1", "ping@node2", "ping@node3");
    }

    @Test
    void clone_max_and_clone_node_max_limit_the_instances() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .clone("c", c -> c.primitive("p", "ocf:pacemaker:Dummy").cloneMax(3).cloneNodeMax(2)
                        .globallyUnique(true))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(result.placement()).hasSize(3);
        assertThat(result.placement().stream().filter(p -> p.node().equals("node1")).count()).isLessThanOrEqualTo(2);
        assertThat(result.placement().stream().filter(p -> p.node().equals("node2")).count()).isLessThanOrEqualTo(2);
    }

    @Test
    void running_clone_instances_stay_put() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .clone("c", c -> c.primitive("p", "ocf:pacemaker:Dummy").cloneMax(2))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2", "node3").running("p", "node2")
                .running("p", "node3").build());

        assertThat(placement(result)).containsExactly("p@node2", "p@node3");
        assertThat(result.summary()).isEmpty();
    }

    @Test
    void the_instance_with_the_best_promotion_score_is_promoted() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .promotable("db", c -> c.primitive("store", "ocf:pacemaker:Dummy"))
                .build();
        Clusters status = status("node1", "node2").running("store", "node1").running("store", "node2");
        status.node("node1").attribute("master-store", "5");
        status.node("node2").attribute("master-store", "10");

        SchedulerResult result = schedule(config, status.build());

        assertThat(placement(result)).containsExactly("store@node1/Unpromoted", "store@node2/Promoted");
        assertThat(result.summary()).singleElement().satisfies(l -> assertThat(l)
                .matches("Promote store:\\d \\( Unpromoted -> Promoted node2 \\)"));
    }

    @Test
    void without_any_promotion_score_nothing_is_promoted() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .promotable("db", c -> c.primitive("store", "ocf:pacemaker:Dummy"))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(result.placement()).allSatisfy(p -> assertThat(p.role()).isEqualTo(Role.UNPROMOTED));
    }

    @Test
    void a_promoted_role_location_decides_where_to_promote() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .promotable("db", c -> c.primitive("store", "ocf:pacemaker:Dummy").promotedMax(1))
                .location("promote-on-node1", "db", l -> l.role(Role.PROMOTED).node("node1", 100))
                .build();
        Clusters status = status("node1", "node2");
        status.node("node1").attribute("master-store", "1");
        status.node("node2").attribute("master-store", "50");

        SchedulerResult result = schedule(config, status.build());

        assertThat(placement(result)).containsExactly("store@node1/Promoted", "store@node2/Unpromoted");
    }

    @Test
    void a_resource_colocated_with_the_promoted_role_follows_the_promoted_instance() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .promotable("db", c -> c.primitive("store", "ocf:pacemaker:Dummy"))
                .primitive("vip", "ocf:pacemaker:Dummy")
                .colocation("vip-with-primary", "vip", "db", c -> c.score(Score.INFINITY).withRole(Role.PROMOTED))
                .build();
        Clusters status = status("node1", "node2").running("store", "node1").running("store", "node2");
        status.node("node2").attribute("master-store", "10");
        status.node("node1").attribute("master-store", "5");

        SchedulerResult result = schedule(config, status.build());

        assertThat(placement(result)).contains("vip@node2", "store@node2/Promoted");
    }

    @Test
    void a_promoted_role_colocated_with_a_stopped_resource_is_only_demoted_not_stopped() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .promotable("db", c -> c.primitive("store", "ocf:pacemaker:Dummy"))
                .primitive("app", "ocf:pacemaker:Dummy", r -> r.targetRole(Role.STOPPED))
                .colocation("promoted-with-app", "db", "app", c -> c.score(Score.INFINITY).role(Role.PROMOTED))
                .build();
        Clusters status = status("node1", "node2").running("store", "node1").promoted("store", "node2");
        status.node("node2").attribute("master-store", "10");
        status.node("node1").attribute("master-store", "5");

        SchedulerResult result = schedule(config, status.build());

        assertThat(placement(result)).containsExactly("store@node1/Unpromoted", "store@node2/Unpromoted");
        assertThat(result.summary()).singleElement().asString().startsWith("Demote store");
    }
}
