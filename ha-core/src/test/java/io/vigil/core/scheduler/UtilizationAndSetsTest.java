package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.ConfigurationBuilder;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.PlacementStrategy;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtilizationAndSetsTest {

    @Test
    void with_a_utilization_strategy_a_node_never_takes_more_than_its_capacity() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false).placementStrategy(PlacementStrategy.UTILIZATION))
                .node("node1", n -> n.utilization("cpu", 2))
                .node("node2", n -> n.utilization("cpu", 1))
                .primitive("a", "ocf:pacemaker:Dummy", r -> r.utilization("cpu", 2))
                .primitive("b", "ocf:pacemaker:Dummy", r -> r.utilization("cpu", 1))
                .primitive("c", "ocf:pacemaker:Dummy", r -> r.utilization("cpu", 1))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("a@node1", "b@node2");
        assertThat(result.summary()).doesNotContain("Start c ( node1 )", "Start c ( node2 )");
    }

    /** Two sticky resources of one cpu each, a on node1 and b on node2; node2 has room for one. */
    private static Configuration stickyPair(int node1Capacity) {
        return Configuration.builder()
                .properties(p -> p.stonithEnabled(false).placementStrategy(PlacementStrategy.BALANCED))
                .resourceDefaults(d -> d.stickiness(100))
                .node("node1", n -> n.utilization("cpu", node1Capacity))
                .node("node2", n -> n.utilization("cpu", 1))
                .primitive("a", "ocf:pacemaker:Dummy", r -> r.utilization("cpu", 1))
                .primitive("b", "ocf:pacemaker:Dummy", r -> r.utilization("cpu", 1))
                .build();
    }

    @Test
    void resources_tied_on_their_current_nodes_are_ordered_by_their_score_on_the_best_node_first() {
        // a and b score 100 where they run; the walk over the nodes starts with the node that can take resources
        // (node2, node1 is in standby), where b scores higher: b is placed first and keeps its node, a stops.
        Clusters standby = status("node1", "node2").running("a", "node1").running("b", "node2");
        standby.node("node1").standby();
        SchedulerResult result = schedule(stickyPair(1), standby.build());

        assertThat(result.summary()).containsExactly("Stop a ( node1 )");
        assertThat(placement(result)).containsExactly("b@node2");

        // Both nodes available, but node2 has more capacity free: the same order.
        SchedulerResult full = schedule(stickyPair(0),
                status("node1", "node2").running("a", "node1").running("b", "node2").build());

        assertThat(full.summary()).containsExactly("Stop a ( node1 )");
        assertThat(placement(full)).containsExactly("b@node2");
    }

    @Test
    void mandatory_colocated_resources_go_where_they_all_fit() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false).placementStrategy(PlacementStrategy.BALANCED))
                .node("node1", n -> n.utilization("cpu", 2))
                .node("node2", n -> n.utilization("cpu", 4))
                .primitive("a", "ocf:pacemaker:Dummy", r -> r.utilization("cpu", 2))
                .primitive("b", "ocf:pacemaker:Dummy", r -> r.utilization("cpu", 2))
                .colocation("b-with-a", "b", "a", Score.INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("a@node2", "b@node2");
    }

    @Test
    void a_sequential_colocation_set_places_each_member_with_the_one_before_it() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .primitive("c", "ocf:pacemaker:Dummy")
                .location("a-on-node2", "a", "node2", 10)
                .colocationSet("abc", Score.INFINITY, ResourceSet.of("a", "b", "c"))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("a@node2", "b@node2", "c@node2");
    }

    @Test
    void a_listed_colocation_set_places_each_member_with_the_one_after_it() {
        ResourceSet listed = new ResourceSet("s", List.of("a", "b", "c"), true, true, null, null, true);
        ConfigurationBuilder builder = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .primitive("c", "ocf:pacemaker:Dummy")
                .primitive("d", "ocf:pacemaker:Dummy")
                .location("c-not-node1", "c", "node1", Score.MINUS_INFINITY)
                .location("c-not-node2", "c", "node2", Score.MINUS_INFINITY);

        SchedulerResult listedResult = schedule(builder.colocationSet("abc", Score.INFINITY, listed).build(),
                status("node1", "node2").build());
        SchedulerResult groupResult = schedule(Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .primitive("c", "ocf:pacemaker:Dummy")
                .location("c-not-node1", "c", "node1", Score.MINUS_INFINITY)
                .location("c-not-node2", "c", "node2", Score.MINUS_INFINITY)
                .colocationSet("abc", Score.INFINITY, ResourceSet.of("a", "b", "c"))
                .build(), status("node1", "node2").build());

        // listed: a with b, b with c; c can run nowhere, so neither can b nor a
        assertThat(placement(listedResult)).singleElement().asString().startsWith("d@");
        // group: b with a, c with b; only c stays stopped
        assertThat(placement(groupResult)).hasSize(2).allMatch(p -> p.startsWith("a@") || p.startsWith("b@"));
    }

    @Test
    void a_negative_colocation_set_keeps_every_member_apart_from_every_other() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .primitive("c", "ocf:pacemaker:Dummy")
                .colocationSet("apart", Score.MINUS_INFINITY, ResourceSet.of("a", "b", "c"))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        // two nodes hold two of them; a and c on one node would break the set just as a and b would
        assertThat(placement(result)).hasSize(2)
                .extracting(p -> p.substring(p.indexOf('@'))).doesNotHaveDuplicates();
    }

    @Test
    void an_interleaved_clone_after_one_or_more_instances_of_another_starts_where_that_one_cannot_run() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .clone("a-clone", c -> c.primitive("a", "ocf:pacemaker:Dummy"))
                .clone("b-clone", c -> c.primitive("b", "ocf:pacemaker:Dummy").interleave(true))
                .location("a-not-on-node2", "a-clone", "node2", Score.MINUS_INFINITY)
                .location("b-not-on-node1", "b-clone", "node1", Score.MINUS_INFINITY)
                .orderSet("one-a-then-b", OrderKind.MANDATORY,
                        new ResourceSet("any-a", List.of("a-clone"), false, false, null, null),
                        ResourceSet.of("b-clone"))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        // one instance of a anywhere is enough: b needs no partner of a on its own node
        assertThat(placement(result)).containsExactly("a@node1", "b@node2");
    }

    @Test
    void a_sequential_order_set_orders_each_member_after_the_one_before_it() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1")
                .primitive("a", "ocf:pacemaker:Dummy")
                .primitive("b", "ocf:pacemaker:Dummy")
                .primitive("c", "ocf:pacemaker:Dummy")
                .orderSet("abc", OrderKind.MANDATORY, ResourceSet.of("a", "b", "c"))
                .build();

        SchedulerResult result = schedule(config, status("node1").build());

        assertThat(OrderingTest.start(result, "b").after()).contains(OrderingTest.start(result, "a").id());
        assertThat(OrderingTest.start(result, "c").after()).contains(OrderingTest.start(result, "b").id());
    }

    @Test
    void an_interleaved_clone_only_waits_for_the_instance_on_its_own_node() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .clone("base-clone", c -> c.primitive("base", "ocf:pacemaker:Dummy"))
                .clone("app-clone", c -> c.primitive("app", "ocf:pacemaker:Dummy").interleave(true))
                .order("base-then-app", "base-clone", "app-clone")
                .location("no-base-on-node2", "base-clone", "node2", Score.MINUS_INFINITY)
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2").build());

        assertThat(placement(result)).containsExactly("app@node1", "base@node1");
    }
}
