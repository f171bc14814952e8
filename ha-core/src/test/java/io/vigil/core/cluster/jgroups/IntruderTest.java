package io.vigil.core.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jgroups.Address;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nodes with a wrong key or with no key at all try to join a keyed cluster and to inject messages into it.
 * They must end up alone, and the legitimate members must never see them in a view or deliver anything from
 * them.
 */
class IntruderTest {

    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        Nodes.closeAll(nodes);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"tcp", "shared-loopback"})
    void nodes_with_a_wrong_key_or_no_key_can_neither_join_nor_inject_messages(String transportKind)
            throws Exception {
        List<Transport> transports = transportKind.equals("tcp")
                ? Nodes.tcpTransports(Nodes.freePorts(4))
                : List.of(Transport.sharedLoopback(), Transport.sharedLoopback(), Transport.sharedLoopback(),
                        Transport.sharedLoopback());
        String cluster = Nodes.uniqueClusterName("intruder");
        ClusterKey key = ClusterKey.random();
        Node a = start(transports.get(0), key, "A", cluster);
        Node b = start(transports.get(1), key, "B", cluster);
        Nodes.awaitSameView(Duration.ofSeconds(20), List.of(a, b));

        // both intruders use the same profile, transport and cluster name; only the key differs
        Node wrongKey = new Node(JGroupsStack.builder().profile(Profile.FAST).transport(transports.get(2))
                .key(ClusterKey.random()).nodeName("X-wrong-key").build());
        Node noKey = new Node(JGroupsStack.builder().profile(Profile.FAST).transport(transports.get(3))
                .nodeName("Y-no-key").build());
        nodes.add(wrongKey);
        nodes.add(noKey);
        CompletableFuture<Void> x = CompletableFuture.runAsync(() -> connectQuietly(wrongKey, cluster));
        CompletableFuture<Void> y = CompletableFuture.runAsync(() -> connectQuietly(noKey, cluster));
        CompletableFuture.allOf(x, y).get();

        // JGroups gives no error: after max_join_attempts the intruders become coordinators of their own
        assertThat(wrongKey.members()).containsExactly(wrongKey.address());
        assertThat(noKey.members()).containsExactly(noKey.address());
        assertThat(ViewCheck.isAloneWhilePeersExpected(wrongKey.view(), wrongKey.address(), 3)).isTrue();

        for (Node intruder : List.of(wrongKey, noKey)) {
            intruder.send(null, "forged multicast from " + intruder.channel.getName());
            intruder.send(a.address(), "forged unicast from " + intruder.channel.getName());
            intruder.send(b.address(), "forged unicast from " + intruder.channel.getName());
        }
        // a control message sent after the forged ones proves that delivery works and has caught up
        a.send(null, "control");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.delivered.contains("control")
                && b.delivered.contains("control"));
        Thread.sleep(300);

        for (Node legit : List.of(a, b)) {
            assertThat(legit.delivered).as("messages delivered on %s", legit.channel.getName())
                    .containsExactly("control");
            assertThat(legit.members()).containsExactlyInAnyOrder(a.address(), b.address());
            for (Address intruder : List.of(wrongKey.address(), noKey.address())) {
                assertThat(legit.everSaw(intruder)).as("%s ever saw %s", legit.channel.getName(), intruder)
                        .isFalse();
            }
        }
    }

    private Node start(Transport t, ClusterKey key, String name, String cluster) throws Exception {
        Node n = new Node(JGroupsStack.builder().profile(Profile.FAST).transport(t).key(key).nodeName(name).build());
        nodes.add(n);
        return n.connect(cluster);
    }

    private static void connectQuietly(Node n, String cluster) {
        try {
            n.connect(cluster);
        } catch (Exception e) {
            throw new IllegalStateException(n.channel.getName() + " could not even start", e);
        }
    }
}
