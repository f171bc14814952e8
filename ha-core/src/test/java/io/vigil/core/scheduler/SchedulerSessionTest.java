package io.vigil.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.ResourceHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A session gives exactly the stateless scheduler's results, whatever happened between its runs, and reuses a
 * node's history only while that history and the configuration are the very same objects.
 */
class SchedulerSessionTest {

    @Property(tries = 150)
    void a_session_gives_the_same_results_as_the_stateless_scheduler_through_a_sequence_of_changes(
            @ForAll long seed) {
        Random r = new Random(seed);
        SchedulerPropertiesTest.Scenario s = SchedulerPropertiesTest.scenario(seed);
        Configuration config = s.config();
        ClusterStatus status = probedEverywhere(config, s.status());
        SchedulerSession session = new SchedulerSession();
        assertSame(session, config, status);
        assertThat(session.reusedLastRun()).isZero();

        // A node fails: only its membership changes, its history list is shared with the status before.
        NodeStatus victim = status.nodes().get(r.nextInt(status.nodes().size()));
        ClusterStatus failed = replace(status, new NodeStatus(victim.name(),
                r.nextBoolean() ? Membership.UNCLEAN : Membership.OFFLINE, victim.standby(), victim.maintenance(),
                victim.attributes(), victim.history(), victim.failCounts()));
        assertSame(session, config, failed);
        assertThat(session.reusedLastRun()).isEqualTo(histories(status));

        // Another node's history changes: a monitor failed, and a resource that is not configured runs there.
        NodeStatus other = failed.nodes().get(r.nextInt(failed.nodes().size()));
        List<ResourceHistory> history = new ArrayList<>(other.history());
        if (!history.isEmpty()) {
            ResourceHistory h = history.remove(r.nextInt(history.size()));
            List<OperationRecord> ops = new ArrayList<>(h.operations());
            ops.add(op("start", 0, 0, 0, 100));
            ops.add(op("monitor", 10_000, 7, 0, 101));
            history.add(new ResourceHistory(h.resource(), h.agent(), ops));
        }
        history.add(new ResourceHistory("gone", Clusters.DUMMY, List.of(op("start", 0, 0, 0, 102))));
        ClusterStatus changed = replace(failed, new NodeStatus(other.name(), other.membership(), other.standby(),
                other.maintenance(), other.attributes(), history, other.failCounts()));
        assertSame(session, config, changed);
        assertThat(session.reusedLastRun()).isEqualTo(histories(changed) - 1);

        // An equal configuration that is another object: nothing is reused.
        Configuration same = SchedulerPropertiesTest.scenario(seed).config();
        assertSame(session, same, changed);
        assertThat(session.reusedLastRun()).isZero();

        // Back to the first status, through the same session.
        assertSame(session, same, status);
    }

    private static void assertSame(SchedulerSession session, Configuration config, ClusterStatus status) {
        SchedulerResult expected = Scheduler.schedule(config, status, Clusters.NOW);
        assertThat(session.schedule(config, status, Clusters.NOW)).isEqualTo(expected);
    }

    /** The status with every configured primitive probed (not running) on every node where it has no history. */
    private static ClusterStatus probedEverywhere(Configuration config, ClusterStatus status) {
        List<NodeStatus> nodes = new ArrayList<>();
        long call = 1_000;
        for (NodeStatus n : status.nodes()) {
            List<ResourceHistory> history = new ArrayList<>(n.history());
            for (var res : config.allResources()) {
                if (res instanceof Primitive p && history.stream().noneMatch(h -> h.resource().equals(p.id()))) {
                    history.add(new ResourceHistory(p.id(), p.agent(), List.of(op("monitor", 0, 7, 7, call++))));
                }
            }
            nodes.add(new NodeStatus(n.name(), n.membership(), n.standby(), n.maintenance(), n.attributes(), history,
                    n.failCounts()));
        }
        return new ClusterStatus(status.quorate(), status.dc(), nodes);
    }

    /** Distinct history lists (nodes without history share the empty list). */
    private static int histories(ClusterStatus status) {
        java.util.Set<List<ResourceHistory>> lists = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        status.nodes().forEach(n -> lists.add(n.history()));
        return lists.size();
    }

    private static ClusterStatus replace(ClusterStatus status, NodeStatus node) {
        List<NodeStatus> nodes = new ArrayList<>();
        for (NodeStatus n : status.nodes()) {
            nodes.add(n.name().equals(node.name()) ? node : n);
        }
        return new ClusterStatus(status.quorate(), status.dc(), nodes);
    }

    private static OperationRecord op(String name, long intervalMs, int rc, int expected, long call) {
        return new OperationRecord(name, Duration.ofMillis(intervalMs), call, rc, expected, ExecStatus.DONE,
                Clusters.NOW, Clusters.NOW, Duration.ZERO);
    }
}
