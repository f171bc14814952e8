package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.AttributeExpression;
import io.vigil.core.model.BoolOp;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ExpressionOperator;
import io.vigil.core.model.Rule;
import io.vigil.core.model.Score;
import io.vigil.core.model.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationAndStickinessTest {

    @Test
    void a_resource_starts_on_the_node_its_location_constraint_prefers() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .primitive("web", "ocf:pacemaker:Dummy")
                .location("web-prefers-node2", "web", "node2", 100)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2", "node3").build());

        assertThat(placement(result)).containsExactly("web@node2");
        assertThat(result.summary()).containsExactly("Start web ( node2 )");
        assertThat(result.scores().get("web").get("node2").reasons()).anyMatch(r -> r.contains("web-prefers-node2"));
    }

    @Test
    void the_score_report_reads_the_same_whenever_it_is_first_read_and_cannot_be_changed() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.stickiness(50))
                .primitive("db", "ocf:pacemaker:Dummy")
                .location("web-prefers-node2", "web", "node2", 100)
                .colocation("db-with-web", "db", "web", Score.INFINITY)
                .build();
        var status = status("node1", "node2").running("web", "node2").build();

        SchedulerResult result = schedule(config, status);
        SchedulerResult again = schedule(config, status);

        assertThat(result.scores().get("web").get("node2"))
                .isEqualTo(new ScoreDetail(150, java.util.List.of("location web-prefers-node2: 100", "stickiness: 50")));
        assertThat(result.scores().get("db").get("node1").score()).isEqualTo(Score.MINUS_INFINITY);
        assertThat(result.scores().get("db").get("node1").reasons())
                .containsExactly("colocation db-with-web with web: 0 -> -INFINITY");
        assertThat(again.scores()).isEqualTo(java.util.Map.copyOf(result.scores())).isEqualTo(result.scores());
        assertThat(again).isEqualTo(result);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.scores().put("x", java.util.Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_minus_infinity_location_keeps_a_resource_off_that_node_even_when_it_runs_there() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.stickiness(Score.INFINITY))
                .location("ban", "web", "node1", Score.MINUS_INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("web", "node1").build());

        assertThat(placement(result)).containsExactly("web@node2");
        assertThat(result.summary()).containsExactly("Move web ( node1 -> node2 )");
    }

    @Test
    void stickiness_keeps_a_running_resource_where_it_is_against_a_weaker_preference() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.stickiness(200))
                .location("prefer-node2", "web", "node2", 100)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("web", "node1").build());

        assertThat(placement(result)).containsExactly("web@node1");
        assertThat(result.summary()).isEmpty();
    }

    @Test
    void in_an_opt_in_cluster_a_resource_runs_only_where_a_location_allows_it() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false).symmetricCluster(false))
                .nodes("node1", "node2")
                .primitive("allowed", "ocf:pacemaker:Dummy")
                .primitive("nowhere", "ocf:pacemaker:Dummy")
                .location("allow-node2", "allowed", "node2", 0)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("allowed@node2");
    }

    @Test
    void a_rule_scores_every_node_whose_attributes_match() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .node("node1", n -> n.attribute("ssd", "no"))
                .node("node2", n -> n.attribute("ssd", "yes"))
                .primitive("db", "ocf:pacemaker:Dummy")
                .location("db-on-ssd", "db", l -> l.rule(500, "ssd", ExpressionOperator.EQ, "yes"))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("db@node2");
    }

    @Test
    void an_integer_rule_whose_value_is_not_a_number_compares_the_texts_ignoring_case() {
        Rule greater = new Rule(null, Score.MINUS_INFINITY, null, BoolOp.AND, null,
                List.of(new AttributeExpression("level", ExpressionOperator.GT, "as10", ValueType.INTEGER)));
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .node("node1", n -> n.attribute("level", "AS2"))
                .node("node2", n -> n.attribute("level", "as02"))
                .primitive("db", "ocf:pacemaker:Dummy")
                .location("db-prefers-node1", "db", "node1", 100)
                .location("db-not-above-as10", "db", l -> l.rule(greater))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        // "as2" > "as10" as text (so node1 is banned), "as02" < "as10".
        assertThat(placement(result)).containsExactly("db@node2");
    }

    @Test
    void without_a_type_eq_compares_texts_and_gt_compares_numbers() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .node("node1", n -> n.attribute("rack", "01").attribute("ram", "9"))
                .node("node2", n -> n.attribute("rack", "1").attribute("ram", "10"))
                .primitive("db", "ocf:pacemaker:Dummy")
                .primitive("web", "ocf:pacemaker:Dummy")
                .location("db-in-rack-1", "db", l -> l.rule(500, "rack", ExpressionOperator.EQ, "1"))
                .location("web-big-ram", "web", l -> l.rule(500, "ram", ExpressionOperator.GT, "9"))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("db@node2", "web@node2");
    }

    @Test
    void a_rule_on_the_node_id_reads_the_configured_id_not_the_node_name() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .node("node1", n -> n.id("node2"))
                .node("node2", n -> n.id("node1"))
                .primitive("db", "ocf:pacemaker:Dummy")
                .location("db-on-id-node1", "db", l -> l.rule(500, "#id", ExpressionOperator.EQ, "node1"))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("db@node2");
    }

    @Test
    void a_rule_on_is_dc_tells_the_dc_from_the_other_nodes() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .primitive("ip", "ocf:heartbeat:IPaddr2")
                .primitive("app", "ocf:pacemaker:Dummy")
                .location("ip-on-dc", "ip", l -> l.rule(500, "#is_dc", ExpressionOperator.EQ, "true"))
                .location("app-off-dc", "app", l -> l.rule(-500, "#is_dc", ExpressionOperator.NE, "false"))
                .build();
        ClusterStatus s = status("node1", "node2", "node3").build();

        SchedulerResult result = schedule(config, new ClusterStatus(s.quorate(), "node2", s.nodes()));

        assertThat(placement(result)).containsExactly("app@node1", "ip@node2");
    }

    @Test
    void equal_scores_spread_resources_over_the_nodes() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("a@node1", "b@node2");
    }

    @Test
    void a_standby_node_gives_up_its_resources() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.stickiness(100))
                .build();
        Clusters status = status("node1", "node2").running("web", "node1");
        status.node("node1").standby();

        SchedulerResult result = schedule(config, status.build());

        assertThat(placement(result)).containsExactly("web@node2");
        assertThat(result.nodes()).containsEntry("node1", "standby");
    }

    @Test
    void target_role_stopped_stops_a_running_resource() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.stopped())
                .build();

        SchedulerResult result = schedule(config, status("node1").running("web", "node1").build());

        assertThat(placement(result)).isEmpty();
        assertThat(result.summary()).containsExactly("Stop web ( node1 )");
    }

    @Test
    void an_unmanaged_resource_is_left_alone() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.managed(false))
                .location("ban", "web", "node1", Score.MINUS_INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").running("web", "node1").build());

        assertThat(placement(result)).containsExactly("web@node1");
        assertThat(result.summary()).isEmpty();
    }
}
