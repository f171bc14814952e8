package io.vigil.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.NoQuorumPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CibCodecTest {
    static Configuration sample() {
        return Configuration.builder()
                .properties(p -> p.noQuorumPolicy(NoQuorumPolicy.FREEZE).stonithEnabled(false))
                .nodes("n1", "n2", "n3")
                .primitive("ip", "ocf:heartbeat:IPaddr2", s -> s.param("ip", "10.0.0.1").monitor(Duration.ofSeconds(10)))
                .primitive("web", "ocf:heartbeat:apache")
                .group("g", g -> g.primitive("ipg", "ocf:heartbeat:IPaddr2").primitive("webg", "ocf:heartbeat:apache"))
                .colocation("web-with-ip", "web", "ip")
                .order("ip-then-web", "ip", "web")
                .location("web-prefers-n1", "web", "n1", 100)
                .build();
    }

    @Test
    void a_cib_with_resources_constraints_and_status_survives_a_round_trip() {
        Cib cib = new Cib(new CibVersion(1, 7, 3), sample(), new ClusterStatus(true, "n1", List.of(
                NodeStatus.online("n1"),
                new NodeStatus("n2", Membership.UNCLEAN, true, false, Map.of("a", "1"), List.of(), List.of()))));
        byte[] bytes = CibCodec.standard().encode(cib);
        assertThat(CibCodec.standard().decode(bytes)).isEqualTo(cib);
    }

    @Test
    void garbage_is_refused_with_a_clear_error() {
        assertThatThrownBy(() -> CibCodec.standard().decode("{\"nope\":".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a CIB");
    }
}
