package io.vigil.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.Order;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ConfigurationException;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.Resource;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol in the deterministic simulation: the same scenarios the JGroups tests run, under a seed. */
class SimulationTest {
    static UnaryOperator<Configuration> addResource(String id) {
        return c -> c.toBuilder().primitive(id, "ocf:heartbeat:Dummy").build();
    }

    static Set<String> resources(SimCluster.SimNode n) {
        Set<String> ids = new TreeSet<>();
        for (Resource r : n.snapshot().cib().configuration().resources()) {
            ids.add(r.id());
        }
        return ids;
    }

    static CibVersion commit(SimCluster sim, String node, UnaryOperator<Configuration> change) {
        CompletableFuture<CibVersion> f = sim.submit(node, change);
        assertThat(sim.runUntil(f::isDone, 60_000)).as("change on %s completes", node).isTrue();
        return f.join();
    }

    static SimCluster converged(long seed, int n) {
        SimCluster sim = new SimCluster(seed, SimCluster.names(n));
        sim.startAll();
        assertThat(sim.runUntil(sim::converged, 20_000)).as("cluster converges").isTrue();
        return sim;
    }

    @ParameterizedTest(name = "{0} nodes")
    @ValueSource(ints = {3, 5})
    void nodes_form_one_cluster_with_one_dc_and_changes_from_any_node_reach_all(int n) {
        SimCluster sim = converged(42, n);
        assertThat(sim.activeDcs()).containsExactly("n1");
        for (String name : SimCluster.names(n)) {
            commit(sim, name, addResource("r-" + name));
        }
        assertThat(sim.runUntil(sim::converged, 5_000)).isTrue();
        for (SimCluster.SimNode node : sim.upNodes()) {
            assertThat(resources(node)).hasSize(n);
            assertThat(node.snapshot().cib().status().nodes()).allMatch(s -> s.membership() == Membership.ONLINE);
            assertThat(node.snapshot().quorate()).isTrue();
        }
    }

    @Test
    void a_rejected_change_changes_nothing_and_reports_every_problem() {
        SimCluster sim = converged(7, 3);
        CibVersion before = sim.node("n2").snapshot().cib().version();
        CompletableFuture<CibVersion> f = sim.submit("n2", c -> new Configuration(c.properties(),
                c.resourceDefaults(), c.operationDefaults(), c.nodes(), c.resources(), List.of(
                        new Colocation("bad1", "ghost1", "ghost2", 100, null, null, null),
                        new Order("bad2", "ghost3", null, "ghost4", null, null, null))));
        sim.run(2_000);
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSizeGreaterThanOrEqualTo(4));
        assertThat(sim.node("n1").snapshot().cib().version()).isEqualTo(before);
    }

    @Test
    void concurrent_changes_from_different_nodes_all_commit_after_recomputing_on_conflict() {
        SimCluster sim = converged(8, 3);
        List<CompletableFuture<CibVersion>> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (String n : SimCluster.names(3)) {
                fs.add(sim.submit(n, addResource("c" + i + n)));
            }
        }
        assertThat(sim.runUntil(() -> fs.stream().allMatch(CompletableFuture::isDone), 30_000)).isTrue();
        assertThat(fs).allMatch(f -> !f.isCompletedExceptionally());
        assertThat(sim.runUntil(sim::converged, 5_000)).isTrue();
        assertThat(resources(sim.node("n3"))).hasSize(15);
    }

    @Test
    void after_the_dc_crashes_the_survivors_elect_a_new_dc_and_keep_the_cib() {
        SimCluster sim = converged(11, 3);
        commit(sim, "n2", addResource("before"));
        sim.crash("n1");
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        assertThat(sim.activeDcs()).containsExactly("n2");
        assertThat(resources(sim.node("n3"))).containsExactly("before");
        assertThat(sim.node("n3").snapshot().cib().status().node("n1").orElseThrow().membership())
                .isEqualTo(Membership.UNCLEAN);
        commit(sim, "n3", addResource("after"));
        assertThat(resources(sim.node("n2"))).containsExactly("after", "before");
    }

    @Test
    void a_clean_shutdown_leaves_the_node_offline_not_unclean() {
        SimCluster sim = converged(12, 3);
        sim.stop("n3");
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        assertThat(sim.node("n1").snapshot().cib().status().node("n3").orElseThrow().membership())
                .isEqualTo(Membership.OFFLINE);
    }

    @Test
    void in_a_3_2_partition_only_the_majority_is_quorate_and_after_healing_nothing_acknowledged_is_lost() {
        SimCluster sim = converged(13, 5);
        commit(sim, "n4", addResource("before"));
        sim.partition(Set.of("n3", "n4", "n5"), Set.of("n1", "n2"));
        sim.run(3_000);
        assertThat(sim.activeDcs()).containsExactly("n3");
        assertThat(sim.node("n1").snapshot().quorate()).isFalse();
        assertThat(sim.node("n1").snapshot().dc()).isNull();
        CompletableFuture<CibVersion> refused = sim.submit("n2", addResource("minority"));
        sim.run(100);
        assertThatThrownBy(refused::get).cause().isInstanceOf(NoQuorumException.class)
                .hasMessageContaining("2 of 5 expected votes");
        commit(sim, "n5", addResource("majority"));
        sim.heal();
        assertThat(sim.runUntil(sim::converged, 20_000)).isTrue();
        assertThat(sim.activeDcs()).hasSize(1);
        for (SimCluster.SimNode n : sim.upNodes()) {
            assertThat(resources(n)).containsExactly("before", "majority");
            assertThat(n.events).as("a minority that was merely behind is no conflict")
                    .noneMatch(e -> e.type() == ClusterEvent.Type.CIB_CONFLICT_RESOLVED);
        }
    }

    @Test
    void an_acknowledged_change_survives_killing_a_minority_and_restarting_every_node() {
        SimCluster sim = converged(14, 5);
        commit(sim, "n2", addResource("durable"));
        sim.crash("n4");
        sim.crash("n5");
        commit(sim, "n3", addResource("with-three"));
        for (String n : SimCluster.names(5)) {
            sim.crash(n);
        }
        sim.run(1_000);
        sim.startAll();
        assertThat(sim.runUntil(sim::converged, 20_000)).isTrue();
        for (SimCluster.SimNode n : sim.upNodes()) {
            assertThat(resources(n)).containsExactly("durable", "with-three");
        }
    }

    @Test
    void a_torn_cib_file_is_detected_at_start_never_used_and_repaired_from_peers() {
        SimCluster sim = converged(15, 3);
        commit(sim, "n1", addResource("keep"));
        sim.crash("n3");
        sim.tearDisk("n3");
        sim.run(1_000);
        sim.start("n3");
        assertThat(sim.node("n3").snapshot().cibIntact()).isFalse();
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        assertThat(sim.node("n3").events).anyMatch(e -> e.type() == ClusterEvent.Type.CIB_REPAIRED);
        assertThat(resources(sim.node("n3"))).containsExactly("keep");
    }

    @Test
    void a_node_with_a_torn_file_does_not_count_as_a_copy_when_the_intact_copies_lack_quorum() {
        SimCluster sim = converged(16, 3);
        commit(sim, "n1", addResource("keep"));
        for (String n : SimCluster.names(3)) {
            sim.crash(n);
        }
        sim.tearDisk("n2");
        sim.start("n2");
        sim.start("n3");
        sim.run(5_000);
        // n2 (torn) + n3 are quorate, but only n3's copy is intact: 1 vote < 2, so no DC may act
        assertThat(sim.activeDcs()).isEmpty();
        sim.start("n1");
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        for (SimCluster.SimNode n : sim.upNodes()) {
            assertThat(resources(n)).containsExactly("keep");
        }
    }

    @Test
    void two_node_keeps_the_survivor_quorate_but_waits_for_both_nodes_at_start() {
        SimCluster sim = new SimCluster(17, true, null, "a", "b");
        sim.start("a");
        sim.run(3_000);
        assertThat(sim.node("a").snapshot().quorate()).as("wait_for_all is implied by two_node").isFalse();
        assertThat(sim.node("a").snapshot().waitingForAll()).isTrue();
        sim.start("b");
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        commit(sim, "b", addResource("x"));
        sim.crash("a");
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        assertThat(sim.node("b").snapshot().quorate()).isTrue();
        assertThat(sim.activeDcs()).containsExactly("b");
        commit(sim, "b", addResource("y"));
    }

    @Test
    void without_two_node_a_lone_node_of_two_is_not_quorate() {
        SimCluster sim = new SimCluster(18, false, false, "a", "b");
        sim.startAll();
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        sim.crash("a");
        sim.run(3_000);
        assertThat(sim.node("b").snapshot().quorate()).isFalse();
        assertThat(sim.activeDcs()).isEmpty();
    }

    @Test
    void wait_for_all_holds_quorum_until_every_node_was_seen_once() {
        SimCluster sim = new SimCluster(19, false, true, SimCluster.names(3));
        sim.start("n1");
        sim.start("n2");
        sim.run(3_000);
        assertThat(sim.node("n1").snapshot().quorate()).isFalse();
        assertThat(sim.activeDcs()).isEmpty();
        sim.start("n3");
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        sim.crash("n3");
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        assertThat(sim.node("n1").snapshot().quorate()).isTrue();
    }

    @Test
    void a_singleton_view_while_expecting_peers_is_not_quorate() {
        SimCluster sim = new SimCluster(20, SimCluster.names(3));
        sim.start("n1");
        sim.run(3_000);
        assertThat(sim.node("n1").snapshot().members()).containsExactly("n1");
        assertThat(sim.node("n1").snapshot().quorate()).isFalse();
        assertThat(sim.activeDcs()).isEmpty();
    }

    @Test
    void with_no_quorum_policy_ignore_both_partitions_write_and_the_newer_cib_wins_on_merge() {
        SimCluster sim = converged(21, 3);
        commit(sim, "n1", c -> c.toBuilder().properties(p -> p.noQuorumPolicy(NoQuorumPolicy.IGNORE))
                .build());
        sim.partition(Set.of("n1"), Set.of("n2", "n3"));
        sim.run(3_000);
        assertThat(sim.activeDcs()).containsExactly("n1", "n2");
        commit(sim, "n1", addResource("lonely"));
        commit(sim, "n2", addResource("pair"));
        commit(sim, "n3", addResource("pair2"));
        sim.heal();
        assertThat(sim.runUntil(sim::converged, 20_000)).isTrue();
        assertThat(resources(sim.node("n1"))).containsExactly("pair", "pair2");
        // the new DC (n1, the oldest member) reports it once
        List<ClusterEvent> conflicts = sim.upNodes().stream().flatMap(n -> n.events.stream())
                .filter(e -> e.type() == ClusterEvent.Type.CIB_CONFLICT_RESOLVED).toList();
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).detail()).contains("diverged", "n1 had");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void random_crashes_partitions_and_message_loss_never_lose_an_acknowledged_change(long seed) {
        RandomFaults.run(seed, 5, 60_000);
    }

    @Test
    void an_active_dc_that_hears_of_a_higher_term_from_a_member_opens_a_new_round_and_the_member_follows_again() {
        SimCluster sim = converged(26, 3);
        ClusterSnapshot dc = sim.node("n1").snapshot();
        // n3 promises a much higher term (as after a round it saw elsewhere); its answer reaches the active DC
        sim.node("n3").engine.onMessage("n1", new Msg.JoinRequest(dc.viewId(), dc.term() + 5));
        commit(sim, "n2", addResource("after"));
        assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
        assertThat(sim.node("n3").snapshot().term()).isGreaterThan(dc.term() + 5);
        assertThat(resources(sim.node("n3"))).containsExactly("after");
    }
}
