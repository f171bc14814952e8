package io.vigil.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private final WireCodec wire = new WireCodec(CibCodec.standard());
    private final Cib cib = new Cib(new CibVersion(1, 2, 3), CibCodecTest.sample(), ClusterStatus.EMPTY);

    @Test
    void every_message_type_survives_a_round_trip() {
        List<Msg> all = List.of(
                new Msg.JoinRequest(5, 7),
                new Msg.JoinReply(5, 7, true, cib, 6, NodeStatus.online("n1"), java.util.Map.of(2L, "6/n1", 1L, "3/n2")),
                new Msg.JoinReply(5, 9, false, null, 0, null, null),
                new Msg.Replicate(5, 7, cib, java.util.Map.of(2L, "7/n1")),
                new Msg.Ack(5, 7, cib.version()),
                new Msg.Submit(5, "n1@1.2.3", cib.version(), cib.configuration()),
                new Msg.Submit(5, "n1@1.2.4", null, cib.configuration()),
                new Msg.Result(5, "n1@1.2.3", Msg.Outcome.REJECTED, cib.version(), null,
                        List.of(new Problem("resources.x", "bad")), "invalid configuration"),
                new Msg.Result(5, "n1@1.2.3", Msg.Outcome.CONFLICT, cib.version(), cib.configuration(), List.of(),
                        null),
                new Msg.Leaving(5, "n3"));
        for (Msg m : all) {
            assertThat(wire.decode(wire.encode(m))).isEqualTo(m);
        }
    }
}
