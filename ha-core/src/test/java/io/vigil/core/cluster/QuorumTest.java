package io.vigil.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** votequorum arithmetic, case by case. */
class QuorumTest {
    @Test
    void a_majority_of_expected_votes_is_quorate() {
        Quorum q = new Quorum(Map.of("a", 1, "b", 1, "c", 1), false, null);
        assertThat(q.expectedVotes()).isEqualTo(3);
        assertThat(q.threshold()).isEqualTo(2);
        assertThat(q.isQuorate(List.of("a", "b"))).isTrue();
        assertThat(q.isQuorate(List.of("a"))).isFalse();
    }

    @Test
    void half_of_an_even_cluster_is_not_quorate() {
        Quorum q = new Quorum(Map.of("a", 1, "b", 1, "c", 1, "d", 1), false, null);
        assertThat(q.isQuorate(List.of("a", "b"))).isFalse();
        assertThat(q.isQuorate(List.of("a", "b", "c"))).isTrue();
    }

    @Test
    void votes_weigh_nodes() {
        Quorum q = new Quorum(Map.of("big", 3, "b", 1, "c", 1), false, null);
        assertThat(q.threshold()).isEqualTo(3);
        assertThat(q.isQuorate(List.of("big"))).isTrue();
        assertThat(q.isQuorate(List.of("b", "c"))).isFalse();
    }

    @Test
    void a_node_seen_outside_the_list_raises_expected_votes() {
        Quorum q = new Quorum(Map.of("a", 1, "b", 1), false, false);
        q.observe(List.of("a", "b", "stranger"));
        assertThat(q.expectedVotes()).isEqualTo(3);
        assertThat(q.isQuorate(List.of("a"))).isFalse();
        assertThat(q.isQuorate(List.of("a", "b"))).isTrue();
    }

    @Test
    void two_node_needs_one_vote_but_implies_wait_for_all() {
        Quorum q = new Quorum(Map.of("a", 1, "b", 1), true, null);
        assertThat(q.waitForAll()).isTrue();
        q.observe(List.of("a"));
        assertThat(q.isQuorate(List.of("a"))).isFalse();
        q.observe(List.of("a", "b"));
        q.observe(List.of("a"));
        assertThat(q.isQuorate(List.of("a"))).isTrue();
    }

    @Test
    void two_node_without_wait_for_all_is_quorate_alone_from_the_start() {
        Quorum q = new Quorum(Map.of("a", 1, "b", 1), true, false);
        q.observe(List.of("a"));
        assertThat(q.isQuorate(List.of("a"))).isTrue();
    }
}
