package io.vigil.core.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jgroups.MergeView;
import org.jgroups.View;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A partition injected through DISCARD splits an encrypted cluster, and healing it merges the sides again. */
class PartitionTest {

    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        Nodes.closeAll(nodes);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"shared-loopback", "tcp"})
    void an_isolated_member_is_dropped_and_comes_back_through_a_merge_view(String transportKind) throws Exception {
        List<Transport> transports = transportKind.equals("tcp")
                ? Nodes.tcpTransports(Nodes.freePorts(3))
                : List.of(Transport.sharedLoopback(), Transport.sharedLoopback(), Transport.sharedLoopback());
        String cluster = Nodes.uniqueClusterName("partition");
        ClusterKey key = ClusterKey.random();
        for (int i = 0; i < 3; i++) {
            nodes.add(new Node(JGroupsStack.builder().profile(Profile.FAST).transport(transports.get(i)).key(key)
                    .partitionInjection(true).nodeName("p" + i).build()).connect(cluster));
        }
        Nodes.awaitSameView(Duration.ofSeconds(20), nodes);
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        Node c = nodes.get(2);

        PartitionInjector.partition(List.of(a.channel, b.channel), List.of(c.channel));

        Nodes.awaitSameView(Duration.ofSeconds(10), List.of(a, b));
        Nodes.awaitSameView(Duration.ofSeconds(10), List.of(c));
        assertThat(ViewCheck.isAloneWhilePeersExpected(c.view(), c.address(), 3)).isTrue();
        assertThat(ViewCheck.isAloneWhilePeersExpected(a.view(), a.address(), 3)).isFalse();

        PartitionInjector.heal(List.of(a.channel, b.channel, c.channel));

        Nodes.awaitSameView(Duration.ofSeconds(20), nodes);
        for (Node n : nodes) {
            View last = n.views.get(n.views.size() - 1);
            assertThat((Object) last).as("last view on %s", n.channel.getName()).isInstanceOf(MergeView.class);
        }
        c.send(null, "after the merge");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.delivered.contains("after the merge")
                && b.delivered.contains("after the merge"));
    }
}
