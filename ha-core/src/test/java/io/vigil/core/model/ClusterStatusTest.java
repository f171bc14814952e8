package io.vigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStatusTest {
    private static final NodeStatus A = NodeStatus.online("alpha");
    private static final NodeStatus B = NodeStatus.online("bravo");
    private static final NodeStatus C = NodeStatus.online("charlie");

    @Test
    void nodes_are_sorted_by_name_and_the_given_order_is_kept_as_the_status_order() {
        ClusterStatus status = new ClusterStatus(true, null, List.of(C, A, B));

        assertThat(status.nodes()).containsExactly(A, B, C);
        assertThat(status.nodesInStatusOrder()).containsExactly(C, A, B);
    }

    @Test
    void a_status_built_from_another_status_nodes_keeps_its_status_order() {
        ClusterStatus original = new ClusterStatus(true, "alpha", List.of(B, C, A));

        ClusterStatus copy = new ClusterStatus(false, "bravo", original.nodes());

        assertThat(copy.nodesInStatusOrder()).containsExactly(B, C, A);
        assertThat(copy.nodes()).containsExactly(A, B, C);
    }

    @Test
    void statuses_that_differ_only_in_status_order_are_not_equal() {
        ClusterStatus one = new ClusterStatus(true, null, List.of(A, B));
        ClusterStatus other = new ClusterStatus(true, null, List.of(B, A));

        assertThat(one.nodes()).isEqualTo(other.nodes());
        assertThat(one).isNotEqualTo(other);
        assertThat(one).isEqualTo(new ClusterStatus(true, null, List.of(A, B)));
        assertThat(one.hashCode()).isEqualTo(new ClusterStatus(true, null, List.of(A, B)).hashCode());
    }

    @Test
    void both_orders_are_unmodifiable_copies_of_the_given_list() {
        List<NodeStatus> given = new ArrayList<>(List.of(B, A));
        ClusterStatus status = new ClusterStatus(true, null, given);
        given.add(C);

        assertThat(status.nodesInStatusOrder()).containsExactly(B, A);
        assertThatThrownBy(() -> status.nodes().add(C)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> status.nodesInStatusOrder().add(C))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_missing_node_list_is_empty_in_both_orders() {
        ClusterStatus status = new ClusterStatus(true, null, null);

        assertThat(status.nodes()).isEmpty();
        assertThat(status.nodesInStatusOrder()).isEmpty();
        assertThat(status).isEqualTo(ClusterStatus.EMPTY);
    }
}
