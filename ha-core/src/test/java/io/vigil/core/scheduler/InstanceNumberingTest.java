package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Active copies of an anonymous clone are numbered in the order the status lists the nodes (Pacemaker reads the
 * status section's node_state elements in document order), not by node name; ties between otherwise equal instances
 * go to the lower instance number.
 */
class InstanceNumberingTest {

    private static Configuration promotable() {
        return Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .promotable("db", c -> c.primitive("store", "ocf:pacemaker:Dummy").promotedMax(1))
                .build();
    }

    /** Instance id -> node, of the copies active before the transition. */
    private static Map<String, String> currentInstances(SchedulerResult result) {
        Map<String, String> out = new TreeMap<>();
        result.current().forEach(p -> out.put(p.instance(), p.node()));
        return out;
    }

    @Test
    void active_copies_are_numbered_in_status_order_not_by_name() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .clone("ping-clone", c -> c.primitive("ping", "ocf:pacemaker:Dummy"))
                .build();

        SchedulerResult result = schedule(config, status("node3", "node1", "node2").running("ping", "node3")
                .running("ping", "node1").running("ping", "node2").build());

        assertThat(currentInstances(result)).containsExactly(Map.entry("ping:0", "node3"),
                Map.entry("ping:1", "node1"), Map.entry("ping:2", "node2"));
        assertThat(result.summary()).isEmpty();
    }

    @Test
    void with_equal_promotion_scores_the_copy_on_the_node_listed_first_is_promoted() {
        Clusters listedNode2First = status("node2", "node1").running("store", "node2").running("store", "node1");
        listedNode2First.node("node1").attribute("master-store", "75");
        listedNode2First.node("node2").attribute("master-store", "75");
        Clusters listedNode1First = status("node1", "node2").running("store", "node1").running("store", "node2");
        listedNode1First.node("node1").attribute("master-store", "75");
        listedNode1First.node("node2").attribute("master-store", "75");

        SchedulerResult node2First = schedule(promotable(), listedNode2First.build());
        SchedulerResult node1First = schedule(promotable(), listedNode1First.build());

        assertThat(node2First.summary()).containsExactly("Promote store:0 ( Unpromoted -> Promoted node2 )");
        assertThat(placement(node2First)).containsExactly("store@node1/Unpromoted", "store@node2/Promoted");
        assertThat(node1First.summary()).containsExactly("Promote store:0 ( Unpromoted -> Promoted node1 )");
        assertThat(placement(node1First)).containsExactly("store@node1/Promoted", "store@node2/Unpromoted");
    }

    @Test
    void when_both_copies_are_promoted_with_equal_scores_the_one_listed_second_is_demoted() {
        Clusters status = status("node2", "node1").promoted("store", "node2").promoted("store", "node1");
        status.node("node1").attribute("master-store", "10");
        status.node("node2").attribute("master-store", "10");

        SchedulerResult result = schedule(promotable(), status.build());

        assertThat(result.summary()).containsExactly("Demote store:1 ( Promoted -> Unpromoted node1 )");
        assertThat(placement(result)).containsExactly("store@node1/Unpromoted", "store@node2/Promoted");
    }

    @Test
    void the_recorded_instance_number_of_an_anonymous_copy_does_not_decide() {
        // node1 recorded store:0 and node2 store:1, but node2 is listed first: its copy becomes store:0
        Clusters status = status("node2", "node1").running("store:1", "node2").running("store:0", "node1");
        status.node("node1").attribute("master-store", "5");
        status.node("node2").attribute("master-store", "5");

        SchedulerResult result = schedule(promotable(), status.build());

        assertThat(currentInstances(result)).containsExactly(Map.entry("store:0", "node2"),
                Map.entry("store:1", "node1"));
        assertThat(result.summary()).containsExactly("Promote store:0 ( Unpromoted -> Promoted node2 )");
    }

    @Test
    void with_equal_promotion_scores_a_running_instance_is_promoted_before_a_lower_numbered_one_that_must_start() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .promotable("db", c -> c.primitive("store", "ocf:pacemaker:Dummy").promotedMax(1)
                        .globallyUnique(true))
                .build();
        Clusters status = status("node1", "node2").running("store:1", "node1");
        for (String node : new String[] {"node1", "node2"}) {
            status.node(node).attribute("master-store:0", "5").attribute("master-store:1", "5");
        }

        SchedulerResult result = schedule(config, status.build());

        assertThat(result.summary()).containsExactlyInAnyOrder("Start store:0 ( node2 )",
                "Promote store:1 ( Unpromoted -> Promoted node1 )");
    }

    @Test
    void copies_beyond_clone_max_are_orphan_instances_stopped_on_the_nodes_listed_last() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .clone("ping-clone", c -> c.primitive("ping", "ocf:pacemaker:Dummy").cloneMax(2))
                .build();

        SchedulerResult result = schedule(config, status("node3", "node1", "node2").running("ping", "node3")
                .running("ping", "node1").running("ping", "node2").build());

        assertThat(result.summary()).containsExactly("Stop ping:2 ( node2 )");
        assertThat(placement(result)).containsExactly("ping@node1", "ping@node3");
    }

    @Test
    void every_member_of_a_cloned_group_copy_beyond_clone_max_is_stopped() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .clone("web-clone", c -> c.group("web", g -> g.primitive("ip", "ocf:pacemaker:Dummy")
                        .primitive("server", "ocf:pacemaker:Dummy")).cloneMax(2))
                .build();
        Clusters status = status("node2", "node3", "node1");
        for (String node : new String[] {"node1", "node2", "node3"}) {
            status.running("ip", node).running("server", node);
        }

        SchedulerResult result = schedule(config, status.build());

        assertThat(result.summary()).containsExactlyInAnyOrder("Stop ip:2 ( node1 )", "Stop server:2 ( node1 )");
    }

    @Test
    void an_unpromoted_copy_beyond_clone_max_is_stopped_with_its_role_shown() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .promotable("db", c -> c.primitive("store", "ocf:pacemaker:Dummy").cloneMax(2).promotedMax(1))
                .build();
        Clusters status = status("node1", "node2", "node3").promoted("store", "node1").running("store", "node2")
                .running("store", "node3");
        status.node("node1").attribute("master-store", "10");
        status.node("node2").attribute("master-store", "5");
        status.node("node3").attribute("master-store", "5");

        SchedulerResult result = schedule(config, status.build());

        assertThat(result.summary()).containsExactly("Stop store:2 ( Unpromoted node3 )");
    }

    @Test
    void a_unique_instance_recorded_beyond_clone_max_is_an_orphan_under_its_number() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .clone("ping-clone", c -> c.primitive("ping", "ocf:pacemaker:Dummy").cloneMax(3)
                        .globallyUnique(true))
                .build();

        SchedulerResult result = schedule(config, status("node1", "node2", "node3").running("ping:0", "node1")
                .running("ping:5", "node2").build());

        assertThat(result.summary()).containsExactlyInAnyOrder("Stop ping:5 ( node2 )", "Start ping:1 ( node2 )",
                "Start ping:2 ( node3 )");
    }
}
