package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.NodeHealth;
import io.vigil.core.model.NodeHealthStrategy;
import io.vigil.core.model.Score;
import org.junit.jupiter.api.Test;

class NodeHealthTest {

    private static Configuration twoDummies(NodeHealth health) {
        return Configuration.builder()
                .properties(p -> p.stonithEnabled(false).nodeHealth(health))
                .nodes("node1", "node2")
                .primitive("a", "ocf:pacemaker:Dummy", s -> s.stickiness(100))
                .primitive("b", "ocf:pacemaker:Dummy", s -> s.stickiness(100).meta("allow-unhealthy-nodes", "true"))
                .build();
    }

    private static NodeHealth strategy(NodeHealthStrategy s) {
        return new NodeHealth(s, -Score.INFINITY, 0, 0, 0);
    }

    private static Clusters bothOnNode1(String health) {
        Clusters status = status("node1", "node2").running("a", "node1").running("b", "node1");
        status.node("node1").attribute("#health-disk", health);
        return status;
    }

    @Test
    void with_strategy_none_health_attributes_change_nothing() {
        SchedulerResult result = schedule(twoDummies(NodeHealth.DEFAULTS), bothOnNode1("red").build());

        assertThat(placement(result)).containsExactly("a@node1", "b@node1");
    }

    @Test
    void migrate_on_red_moves_resources_off_a_red_node_except_those_allowed_on_unhealthy_nodes() {
        SchedulerResult red = schedule(twoDummies(strategy(NodeHealthStrategy.MIGRATE_ON_RED)),
                bothOnNode1("red").build());
        SchedulerResult yellow = schedule(twoDummies(strategy(NodeHealthStrategy.MIGRATE_ON_RED)),
                bothOnNode1("yellow").build());

        assertThat(placement(red)).containsExactly("a@node2", "b@node1");
        assertThat(placement(yellow)).containsExactly("a@node1", "b@node1");
    }

    @Test
    void only_green_also_moves_resources_off_a_yellow_node() {
        SchedulerResult result = schedule(twoDummies(strategy(NodeHealthStrategy.ONLY_GREEN)),
                bothOnNode1("yellow").build());

        assertThat(placement(result)).containsExactly("a@node2", "b@node1");
    }

    @Test
    void progressive_sums_the_configured_colour_scores_and_the_base_score() {
        // yellow -60 plus a numeric -50 outweighs the stickiness of 100; the base of 200 applies to both nodes.
        NodeHealth health = new NodeHealth(NodeHealthStrategy.PROGRESSIVE, -Score.INFINITY, -60, 0, 200);
        Clusters status = bothOnNode1("yellow");
        status.node("node1").attribute("#health-cpu", "-50");

        SchedulerResult result = schedule(twoDummies(health), status.build());

        assertThat(placement(result)).containsExactly("a@node2", "b@node2");
    }

    @Test
    void custom_ignores_the_base_score() {
        // Without the base, node2 has health 0 and node1 -110 + 100 stickiness: a moves; b ignores negatives.
        NodeHealth health = new NodeHealth(NodeHealthStrategy.CUSTOM, -Score.INFINITY, -60, 0, 500);
        Clusters status = bothOnNode1("yellow");
        status.node("node1").attribute("#health-cpu", "-50");

        SchedulerResult result = schedule(twoDummies(health), status.build());

        assertThat(placement(result)).containsExactly("a@node2", "b@node1");
    }
}
