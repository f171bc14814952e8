package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.Membership;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class TransitionGraphTest {

    /** node1 is fenced (web moves off it), nothing is known about db anywhere: fence, probes, stop, starts. */
    private static TransitionGraph graph() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(true))
                .nodes("node1", "node2", "node3")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.monitor(Duration.ofSeconds(10)))
                .primitive("db", "ocf:pacemaker:Dummy")
                .build();
        Clusters status = status("node1", "node2", "node3").running("web", "node1");
        status.node("node1").membership(Membership.UNCLEAN);
        return schedule(config, status.build()).graph();
    }

    @Test
    void the_scheduler_graph_equals_a_graph_of_copied_actions_and_hashes_alike() {
        TransitionGraph graph = graph();
        TransitionGraph copy = new TransitionGraph(new ArrayList<>(graph.actions()));

        assertThat(graph).isEqualTo(copy);
        assertThat(copy).isEqualTo(graph);
        assertThat(graph.hashCode()).isEqualTo(copy.hashCode());
        assertThat(graph).isEqualTo(graph());
        assertThat(graph.actions().toString()).isEqualTo(copy.actions().toString());
    }

    @Test
    void ids_are_indexes_and_every_prerequisite_list_is_ascending_and_points_back_into_the_graph() {
        List<GraphAction> actions = graph().actions();

        assertThat(actions).extracting(GraphAction::type).contains(ActionType.FENCE, ActionType.PROBE,
                ActionType.STOP, ActionType.START, ActionType.MONITOR);
        for (int i = 0; i < actions.size(); i++) {
            GraphAction a = actions.get(i);
            assertThat(a.id()).isEqualTo(i);
            assertThat(a.after()).isSorted().doesNotHaveDuplicates().allMatch(p -> p >= 0 && p < actions.size());
        }
    }

    @Test
    void a_start_runs_after_the_probes_of_its_resource_and_the_stop_it_replaces() {
        List<GraphAction> actions = graph().actions();
        GraphAction startWeb = actions.stream()
                .filter(a -> a.type() == ActionType.START && a.resource().equals("web")).findFirst().orElseThrow();
        GraphAction stopWeb = actions.stream()
                .filter(a -> a.type() == ActionType.STOP && a.resource().equals("web")).findFirst().orElseThrow();
        List<Integer> webProbes = actions.stream()
                .filter(a -> a.type() == ActionType.PROBE && a.resource().equals("web")).map(GraphAction::id).toList();

        assertThat(webProbes).hasSize(2); // node2 and node3; node1 is being fenced
        assertThat(startWeb.after()).containsAll(webProbes).contains(stopWeb.id());
        assertThat(startWeb.after().indexOf(webProbes.get(1))).isEqualTo(startWeb.after().lastIndexOf(webProbes.get(1)))
                .isNotNegative();
        assertThat(stopWeb.detail()).isEqualTo("implied by fencing");
    }

    @Test
    void the_actions_and_their_prerequisites_cannot_be_changed_and_reading_past_the_end_fails_clearly() {
        List<GraphAction> actions = graph().actions();
        GraphAction start = actions.stream().filter(a -> a.type() == ActionType.START).findFirst().orElseThrow();

        assertThatThrownBy(() -> actions.add(start)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> start.after().set(0, 0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> actions.get(actions.size())).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("action id " + actions.size());
    }
}
