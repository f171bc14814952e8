package io.vigil.core.cluster;

import static io.vigil.core.cluster.SimulationTest.addResource;
import static io.vigil.core.cluster.SimulationTest.commit;
import static io.vigil.core.cluster.SimulationTest.converged;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.scheduler.InstancePlacement;
import io.vigil.core.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DC runs the scheduler on every CIB it commits and publishes the transition (deterministic simulation). */
class TransitionPlanningTest {
    private static PlannedTransition planOf(SimCluster sim, String node) {
        return sim.node(node).snapshot().plannedTransition();
    }

    /** Every plan any node published, with the CIB version and the clock it was computed for. */
    private static List<String> plannedEvents(SimCluster sim) {
        List<String> out = new ArrayList<>();
        for (String n : SimCluster.names(3)) {
            for (ClusterEvent e : sim.node(n).events) {
                if (e.type() == ClusterEvent.Type.TRANSITION_PLANNED) {
                    PlannedTransition p = e.snapshot().plannedTransition();
                    out.add(n + " " + p.cibVersion() + " at " + p.now() + ": " + e.detail());
                }
            }
        }
        return out;
    }

    @Test
    void the_dc_plans_to_start_a_resource_added_through_a_follower_and_followers_plan_nothing() {
        SimCluster sim = converged(21, 3);
        assertThat(sim.runUntil(() -> planOf(sim, "n1") != null, 5_000)).isTrue();
        assertThat(planOf(sim, "n1").summaryText()).isEqualTo("no actions");

        commit(sim, "n3", addResource("web"));
        sim.run(100);
        PlannedTransition plan = planOf(sim, "n1");
        assertThat(plan.cibVersion()).isEqualTo(sim.node("n1").snapshot().cib().version());
        assertThat(plan.dc()).isEqualTo("n1");
        assertThat(plan.quorate()).isTrue();
        assertThat(plan.result().placement()).hasSize(1);
        InstancePlacement web = plan.result().placement().get(0);
        assertThat(web.resource()).isEqualTo("web");
        assertThat(plan.summary()).containsExactly("Start web ( " + web.node() + " )");
        assertThat(sim.node("n1").events).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ClusterEvent.Type.TRANSITION_PLANNED);
            assertThat(e.detail()).isEqualTo("Start web ( " + web.node() + " )");
        });
        assertThat(planOf(sim, "n2")).isNull();
        assertThat(planOf(sim, "n3")).isNull();
    }

    @Test
    void a_resource_placed_on_a_preferred_node_is_planned_elsewhere_once_that_node_leaves() {
        SimCluster sim = converged(22, 3);
        commit(sim, "n2", c -> c.toBuilder().primitive("web", "ocf:heartbeat:Dummy")
                .location("web-prefers-n3", "web", "n3", 100).build());
        sim.run(100);
        assertThat(planOf(sim, "n1").summary()).containsExactly("Start web ( n3 )");

        sim.stop("n3");
        assertThat(sim.runUntil(() -> planOf(sim, "n1") != null
                && planOf(sim, "n1").result().nodes().get("n3").equals("offline"), 10_000)).isTrue();
        assertThat(planOf(sim, "n1").summary()).hasSize(1).allMatch(l -> l.matches("Start web \\( n[12] \\)"));
    }

    @Test
    void the_same_seed_and_the_same_events_give_the_same_plans() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            SimCluster sim = converged(23, 3);
            commit(sim, "n2", addResource("web"));
            commit(sim, "n3", addResource("db"));
            sim.crash("n1");
            assertThat(sim.runUntil(sim::converged, 10_000)).isTrue();
            commit(sim, "n3", c -> c.toBuilder().location("db-prefers-n3", "db", "n3", 50).build());
            sim.run(500);
            runs.add(plannedEvents(sim));
        }
        assertThat(runs.get(0)).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates().isEqualTo(runs.get(1));
        assertThat(runs.get(0)).anyMatch(l -> l.startsWith("n2 ") && l.contains("Start db ( n3 )"));
    }

    @Test
    void a_two_node_survivor_whose_own_vote_commits_announces_itself_as_dc_before_its_plan() {
        SimCluster sim = new SimCluster(25, true, null, "a", "b");
        sim.startAll();
        assertThat(sim.runUntil(sim::converged, 20_000)).isTrue();
        commit(sim, "b", addResource("web"));
        String dc = sim.activeDcs().get(0);
        String survivor = dc.equals("a") ? "b" : "a";
        sim.crash(dc);
        assertThat(sim.runUntil(() -> planOf(sim, survivor) != null, 10_000)).isTrue();
        List<String> types = new ArrayList<>();
        for (ClusterEvent e : sim.node(survivor).events) {
            if (e.type() == ClusterEvent.Type.DC_ELECTED || e.type() == ClusterEvent.Type.TRANSITION_PLANNED) {
                types.add(e.type() + " " + e.snapshot().cib().version());
            }
        }
        String version = sim.node(survivor).snapshot().cib().version().toString();
        assertThat(types).endsWith("DC_ELECTED " + version, "TRANSITION_PLANNED " + version);
        assertThat(planOf(sim, survivor).summary())
                .containsExactly("Fence (reboot) " + dc + " 'peer is no longer part of the cluster'",
                        "Start web ( " + survivor + " )");
    }

    @Test
    void a_failing_scheduler_is_reported_and_the_dc_keeps_committing_changes() {
        SimCluster sim = new SimCluster(24, SimCluster.names(3));
        sim.planner = (config, status, now) -> {
            if (config.resource("boom").isPresent()) {
                throw new IllegalStateException("cannot place boom");
            }
            return Scheduler.schedule(config, status, now);
        };
        sim.startAll();
        assertThat(sim.runUntil(sim::converged, 20_000)).isTrue();

        commit(sim, "n2", addResource("boom"));
        sim.run(100);
        assertThat(planOf(sim, "n1")).isNull();
        String version = sim.node("n1").snapshot().cib().version().toString();
        assertThat(sim.node("n1").events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(ClusterEvent.Type.SCHEDULER_FAILED);
            assertThat(e.detail()).contains(version).contains("cannot place boom");
        });

        commit(sim, "n3", c -> c.toBuilder().removeResource("boom").primitive("web", "ocf:heartbeat:Dummy").build());
        sim.run(100);
        assertThat(sim.activeDcs()).containsExactly("n1");
        assertThat(planOf(sim, "n1").summary()).hasSize(1).allMatch(l -> l.startsWith("Start web ( "));
    }
}
