package io.vigil.core.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped profile forms a 3-node cluster, encrypted, on both loopback transports. */
class ClusterFormationTest {

    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        Nodes.closeAll(nodes);
    }

    static Stream<Arguments> profilesAndTransports() {
        List<Arguments> args = new ArrayList<>();
        for (Profile p : Profile.values()) {
            args.add(Arguments.of(p, "shared-loopback"));
            args.add(Arguments.of(p, "tcp"));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("profilesAndTransports")
    void each_profile_forms_an_encrypted_three_node_cluster_that_delivers_every_multicast(Profile profile,
            String transportKind) throws Exception {
        ClusterKey key = ClusterKey.random();
        List<Transport> transports = transportKind.equals("tcp")
                ? Nodes.tcpTransports(Nodes.freePorts(3))
                : List.of(Transport.sharedLoopback(), Transport.sharedLoopback(), Transport.sharedLoopback());
        String cluster = Nodes.uniqueClusterName("form-" + profile);
        for (int i = 0; i < 3; i++) {
            nodes.add(new Node(JGroupsStack.builder().profile(profile).transport(transports.get(i)).key(key)
                    .nodeName("n" + i).build()).connect(cluster));
        }
        Nodes.awaitSameView(Duration.ofSeconds(30), nodes);

        for (Node n : nodes) {
            n.send(null, "hello from " + n.channel.getName());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (Node n : nodes) {
                assertThat(n.delivered).containsExactlyInAnyOrder("hello from n0", "hello from n1", "hello from n2");
            }
        });
    }
}
