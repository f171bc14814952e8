package io.vigil.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vigil.core.cluster.jgroups.ClusterKey;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ConfigurationException;
import io.vigil.core.model.Membership;
import io.vigil.core.model.Order;
import io.vigil.core.model.Resource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jgroups.Address;
import org.jgroups.protocols.DISCARD;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real JGroups channels (SHARED_LOOPBACK) in one JVM. */
class ClusterNodeTest {
    @TempDir
    Path dir;

    private final List<ClusterNode> nodes = new ArrayList<>();
    private final String cluster = "t-" + UUID.randomUUID();

    @AfterEach
    void closeAll() {
        nodes.forEach(ClusterNode::close);
    }

    private ClusterNode start(String name, String... all) {
        ClusterNode n = ClusterNode.builder().clusterName(cluster).nodeName(name).dataDirectory(dir.resolve(name))
                .nodes(all).loopback().profile("fast").partitionInjection(true).build().start();
        nodes.add(n);
        return n;
    }

    private ClusterNode start(String name, boolean twoNode, Boolean waitForAll, String... all) {
        ClusterNode.Builder b = ClusterNode.builder().clusterName(cluster).nodeName(name)
                .dataDirectory(dir.resolve(name)).nodes(all).loopback().profile("fast").twoNode(twoNode);
        if (waitForAll != null) {
            b.waitForAll(waitForAll);
        }
        ClusterNode n = b.build().start();
        nodes.add(n);
        return n;
    }

    private List<ClusterNode> startAll(int count) {
        String[] names = SimCluster.names(count);
        List<ClusterNode> started = new ArrayList<>();
        for (String n : names) {
            started.add(start(n, names));
        }
        return started;
    }

    static Set<String> resources(ClusterNode n) {
        Set<String> ids = new TreeSet<>();
        for (Resource r : n.cib().configuration().resources()) {
            ids.add(r.id());
        }
        return ids;
    }

    /** One DC that all of {@code group} follow, all quorate, all holding the same CIB. */
    static void awaitOneDc(List<ClusterNode> group) {
        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            List<ClusterSnapshot> s = group.stream().map(ClusterNode::snapshot).toList();
            assertThat(s).allMatch(ClusterSnapshot::quorate);
            assertThat(s.stream().map(ClusterSnapshot::dc).distinct().toList()).hasSize(1).doesNotContainNull();
            assertThat(s.stream().filter(ClusterSnapshot::isDc).count()).isEqualTo(1);
            assertThat(s.stream().map(ClusterSnapshot::cib).distinct().count()).isEqualTo(1);
            assertThat(s.get(0).members()).hasSize(group.size());
        });
    }

    private static void partition(List<ClusterNode> a, List<ClusterNode> b) {
        cut(a, b);
        cut(b, a);
    }

    private static void cut(List<ClusterNode> from, List<ClusterNode> to) {
        for (ClusterNode x : from) {
            DISCARD d = x.channel().getProtocolStack().findProtocol(DISCARD.class);
            for (ClusterNode y : to) {
                Address addr = y.channel().getAddress();
                d.addIgnoreMember(addr);
            }
        }
    }

    private static void heal(List<ClusterNode> all) {
        for (ClusterNode x : all) {
            DISCARD d = x.channel().getProtocolStack().findProtocol(DISCARD.class);
            d.resetIgnoredMembers();
        }
    }

    @ParameterizedTest(name = "{0} nodes")
    @ValueSource(ints = {3, 5})
    void nodes_form_one_cluster_with_one_dc_and_changes_from_any_node_reach_all(int count) throws Exception {
        List<ClusterNode> all = startAll(count);
        awaitOneDc(all);
        for (ClusterNode n : all) {
            n.updateConfiguration(SimulationTest.addResource("r-" + n.name())).get(20, TimeUnit.SECONDS);
        }
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            for (ClusterNode n : all) {
                assertThat(resources(n)).hasSize(count);
            }
        });
        assertThat(all.get(0).cib().status().nodes()).hasSize(count)
                .allMatch(s -> s.membership() == Membership.ONLINE);
    }

    private static PlannedTransition planOfDc(List<ClusterNode> group) {
        ClusterNode dc = group.stream().filter(n -> n.snapshot().isDc()).findFirst().orElseThrow();
        return dc.plannedTransition().orElseThrow();
    }

    @Test
    void the_dc_plans_where_a_new_resource_starts_and_plans_it_elsewhere_when_its_preferred_node_leaves()
            throws Exception {
        List<ClusterNode> all = startAll(3);
        awaitOneDc(all);
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        all.forEach(n -> n.addListener(e -> {
            if (e.type() == ClusterEvent.Type.TRANSITION_PLANNED) {
                events.add(n.name() + ": " + e.detail());
            }
        }));
        ClusterNode follower = all.stream().filter(n -> !n.snapshot().isDc()).findFirst().orElseThrow();
        CibVersion v = follower.updateConfiguration(c -> c.toBuilder().primitive("web", "ocf:heartbeat:Dummy")
                .location("web-prefers-n3", "web", "n3", 100).build()).get(20, TimeUnit.SECONDS);
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            PlannedTransition plan = planOfDc(all);
            assertThat(plan.cibVersion()).isGreaterThanOrEqualTo(v);
            assertThat(plan.summary()).containsExactly("Start web ( n3 )");
            assertThat(plan.result().placement()).singleElement()
                    .satisfies(p -> assertThat(p.resource() + "@" + p.node()).isEqualTo("web@n3"));
        });
        String dc = all.get(0).snapshot().dc();
        assertThat(events).contains(dc + ": Start web ( n3 )").allMatch(e -> e.startsWith(dc + ": "));
        for (ClusterNode n : all) {
            assertThat(n.plannedTransition().isPresent()).as("%s has a plan", n.name()).isEqualTo(n.name().equals(dc));
        }

        ClusterNode n3 = all.get(2);
        n3.close();
        List<ClusterNode> rest = all.subList(0, 2);
        awaitOneDc(rest);
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            PlannedTransition plan = planOfDc(rest);
            assertThat(plan.result().nodes()).containsEntry("n3", "offline");
            assertThat(plan.summary()).singleElement().asString().matches("Start web \\( n[12] \\)");
        });
    }

    @Test
    void an_invalid_change_is_refused_with_every_problem_and_changes_nothing() throws Exception {
        List<ClusterNode> all = startAll(3);
        awaitOneDc(all);
        CibVersion before = all.get(0).cib().version();
        CompletableFuture<CibVersion> f = all.get(2).replaceConfiguration(new Configuration(null, null, null, null,
                null, List.of(new Order("o1", "ghost1", null, "ghost2", null, null, null))));
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ConfigurationException.class).hasMessageContaining("ghost1")
                .hasMessageContaining("ghost2");
        assertThat(all.get(0).cib().version()).isEqualTo(before);
    }

    @Test
    void when_the_dc_leaves_the_others_elect_a_new_one_and_keep_the_cib_and_mark_it_offline() throws Exception {
        List<ClusterNode> all = startAll(3);
        awaitOneDc(all);
        all.get(1).updateConfiguration(SimulationTest.addResource("kept")).get(20, TimeUnit.SECONDS);
        ClusterNode dc = all.stream().filter(n -> n.snapshot().isDc()).findFirst().orElseThrow();
        dc.close();
        List<ClusterNode> rest = all.stream().filter(n -> n != dc).toList();
        awaitOneDc(rest);
        assertThat(resources(rest.get(0))).containsExactly("kept");
        assertThat(rest.get(0).cib().status().node(dc.name()).orElseThrow().membership())
                .isEqualTo(Membership.OFFLINE);
    }

    @Test
    void in_a_3_2_partition_only_the_majority_has_a_dc_and_after_healing_nothing_acknowledged_is_lost()
            throws Exception {
        List<ClusterNode> all = startAll(5);
        awaitOneDc(all);
        all.get(4).updateConfiguration(SimulationTest.addResource("before")).get(20, TimeUnit.SECONDS);
        // the current DC (n1) ends up in the minority
        List<ClusterNode> minority = List.of(all.get(0), all.get(1));
        List<ClusterNode> majority = List.of(all.get(2), all.get(3), all.get(4));
        partition(minority, majority);
        awaitOneDc(majority);
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            for (ClusterNode n : minority) {
                ClusterSnapshot s = n.snapshot();
                assertThat(s.quorate()).isFalse();
                assertThat(s.dc()).isNull();
                assertThat(s.members()).hasSize(2);
            }
        });
        CompletableFuture<CibVersion> refused = minority.get(1).updateConfiguration(
                SimulationTest.addResource("minority"));
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(NoQuorumException.class).hasMessageContaining("2 of 5 expected votes");
        majority.get(0).updateConfiguration(SimulationTest.addResource("majority")).get(20, TimeUnit.SECONDS);
        heal(all);
        awaitOneDc(all);
        for (ClusterNode n : all) {
            assertThat(resources(n)).containsExactly("before", "majority");
        }
    }

    @Test
    void an_acknowledged_change_survives_restarting_every_node() throws Exception {
        List<ClusterNode> all = startAll(3);
        awaitOneDc(all);
        all.get(2).updateConfiguration(SimulationTest.addResource("durable")).get(20, TimeUnit.SECONDS);
        for (ClusterNode n : all) {
            n.close();
        }
        nodes.clear();
        List<ClusterNode> again = startAll(3);
        awaitOneDc(again);
        for (ClusterNode n : again) {
            assertThat(resources(n)).containsExactly("durable");
        }
    }

    @Test
    void two_node_waits_for_both_at_start_then_keeps_the_survivor_quorate() throws Exception {
        ClusterNode a = start("a", true, null, "a", "b");
        Thread.sleep(1_000);
        assertThat(a.snapshot().quorate()).isFalse();
        assertThat(a.snapshot().waitingForAll()).isTrue();
        ClusterNode b = start("b", true, null, "a", "b");
        awaitOneDc(List.of(a, b));
        b.updateConfiguration(SimulationTest.addResource("x")).get(20, TimeUnit.SECONDS);
        ClusterNode dc = a.snapshot().isDc() ? a : b;
        ClusterNode survivor = dc == a ? b : a;
        dc.close();
        awaitOneDc(List.of(survivor));
        survivor.updateConfiguration(SimulationTest.addResource("y")).get(20, TimeUnit.SECONDS);
        assertThat(resources(survivor)).containsExactly("x", "y");
    }

    @Test
    void wait_for_all_holds_quorum_until_every_node_was_seen_then_two_of_three_suffice() throws Exception {
        ClusterNode n1 = start("n1", false, true, "n1", "n2", "n3");
        ClusterNode n2 = start("n2", false, true, "n1", "n2", "n3");
        await().atMost(10, TimeUnit.SECONDS).until(() -> n1.snapshot().members().size() == 2);
        Thread.sleep(500);
        assertThat(n1.snapshot().quorate()).isFalse();
        assertThat(n1.snapshot().dc()).isNull();
        CompletableFuture<CibVersion> refused = n2.updateConfiguration(SimulationTest.addResource("early"));
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(NoQuorumException.class)
                .hasMessageContaining("wait_for_all");
        ClusterNode n3 = start("n3", false, true, "n1", "n2", "n3");
        awaitOneDc(List.of(n1, n2, n3));
        n3.close();
        awaitOneDc(List.of(n1, n2));
    }

    @Test
    void a_node_with_the_wrong_cluster_key_cannot_join_and_never_counts_itself_quorate() throws Exception {
        ClusterKey key = ClusterKey.random();
        List<ClusterNode> members = new ArrayList<>();
        for (String n : List.of("n1", "n2", "n3")) {
            ClusterNode node = ClusterNode.builder().clusterName(cluster).nodeName(n).dataDirectory(dir.resolve(n))
                    .nodes("n1", "n2", "n3").loopback().profile("fast").clusterKey(key).build().start();
            nodes.add(node);
            members.add(node);
        }
        awaitOneDc(members);
        ClusterNode intruder = ClusterNode.builder().clusterName(cluster).nodeName("n4")
                .dataDirectory(dir.resolve("n4")).nodes("n1", "n2", "n3").loopback().profile("fast")
                .clusterKey(ClusterKey.random()).build().start();
        nodes.add(intruder);
        Thread.sleep(6_000);
        ClusterSnapshot s = intruder.snapshot();
        assertThat(s.members()).containsExactly("n4");
        assertThat(s.quorate()).isFalse();
        assertThat(s.dc()).isNull();
        assertThat(members.get(0).snapshot().members()).containsExactlyInAnyOrder("n1", "n2", "n3");
        assertThatThrownBy(() -> intruder.updateConfiguration(SimulationTest.addResource("evil"))
                .get(5, TimeUnit.SECONDS)).cause().isInstanceOf(NoQuorumException.class);
    }
}
