package io.vigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeStatusTest {
    private static final AgentType DUMMY = AgentType.parse("ocf:pacemaker:Dummy");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static ResourceHistory probed(String rsc) {
        return new ResourceHistory(rsc, DUMMY, List.of(new OperationRecord("monitor", Duration.ZERO, 1, 7, 7,
                ExecStatus.DONE, NOW, NOW, Duration.ZERO)));
    }

    @Test
    void history_is_sorted_by_resource_id_and_cannot_be_changed() {
        List<ResourceHistory> given = new ArrayList<>(List.of(probed("c"), probed("a"), probed("b")));
        NodeStatus n = new NodeStatus("n1", Membership.ONLINE, false, false, Map.of(), given, List.of());
        given.clear();

        assertThat(n.history()).extracting(ResourceHistory::resource).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> n.history().add(probed("d"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_status_derived_from_another_shares_its_history_list() {
        for (List<ResourceHistory> given : List.of(List.of(probed("b"), probed("a")),
                new ArrayList<>(List.of(probed("a"), probed("b"), probed("c"))), List.of(probed("a")))) {
            NodeStatus online = new NodeStatus("n1", Membership.ONLINE, false, false, Map.of(), given, List.of());
            NodeStatus failed = new NodeStatus("n1", Membership.UNCLEAN, false, false, online.attributes(),
                    online.history(), online.failCounts());

            assertThat(failed.history()).isSameAs(online.history());
        }
    }
}
