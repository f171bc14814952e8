package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.placement;
import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.RestartType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderingTest {

    @Test
    void a_mandatory_order_starts_then_only_after_first() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1")
                .primitive("db", "ocf:pacemaker:Dummy")
                .primitive("app", "ocf:pacemaker:Dummy")
                .order("db-then-app", "db", "app")
                .build();

        SchedulerResult result = schedule(config, status("node1").build());

        GraphAction db = start(result, "db");
        GraphAction app = start(result, "app");
        assertThat(app.after()).contains(db.id());
    }

    @Test
    void then_cannot_start_while_first_cannot_run() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1")
                .primitive("db", "ocf:pacemaker:Dummy", r -> r.stopped())
                .primitive("app", "ocf:pacemaker:Dummy")
                .order("db-then-app", "db", "app")
                .build();

        SchedulerResult result = schedule(config, status("node1").build());

        assertThat(placement(result)).isEmpty();
        assertThat(result.summary()).containsExactly("Start app ( node1 ) blocked");
    }

    @Test
    void an_optional_order_does_not_block_then() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1")
                .primitive("db", "ocf:pacemaker:Dummy", r -> r.stopped())
                .primitive("app", "ocf:pacemaker:Dummy")
                .order("db-then-app", "db", "app", o -> o.kind(OrderKind.OPTIONAL))
                .build();

        SchedulerResult result = schedule(config, status("node1").build());

        assertThat(placement(result)).containsExactly("app@node1");
    }

    @Test
    void recovering_first_restarts_then() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1")
                .primitive("db", "ocf:pacemaker:Dummy", r -> r.monitor(Duration.ofSeconds(10)))
                .primitive("app", "ocf:pacemaker:Dummy")
                .order("db-then-app", "db", "app")
                .build();

        SchedulerResult result = schedule(config, status("node1").failedMonitor("db", "node1")
                .running("app", "node1").build());

        assertThat(result.summary()).containsExactly("Recover db ( node1 )", "Restart app ( node1 )");
        GraphAction stopApp = action(result, ActionType.STOP, "app");
        GraphAction stopDb = action(result, ActionType.STOP, "db");
        assertThat(stopDb.after()).contains(stopApp.id());
        assertThat(start(result, "app").after()).contains(start(result, "db").id());
    }

    @Test
    void recovering_first_restarts_then_of_an_optional_order_only_when_then_has_restart_type_restart() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1")
                .primitive("db", "ocf:pacemaker:Dummy", r -> r.monitor(Duration.ofSeconds(10)))
                .primitive("app", "ocf:pacemaker:Dummy", r -> r.restartType(RestartType.RESTART))
                .primitive("cache", "ocf:pacemaker:Dummy")
                .order("db-then-app", "db", "app", o -> o.kind(OrderKind.OPTIONAL))
                .order("db-then-cache", "db", "cache", o -> o.kind(OrderKind.OPTIONAL))
                .build();

        SchedulerResult result = schedule(config, status("node1").failedMonitor("db", "node1")
                .running("app", "node1").running("cache", "node1").build());

        assertThat(result.summary()).containsExactlyInAnyOrder("Recover db ( node1 )", "Restart app ( node1 )");
    }

    @Test
    void a_recurring_monitor_is_scheduled_after_a_start() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1")
                .primitive("db", "ocf:pacemaker:Dummy", r -> r.monitor(Duration.ofSeconds(10)))
                .build();

        SchedulerResult result = schedule(config, status("node1").build());

        GraphAction monitor = action(result, ActionType.MONITOR, "db");
        assertThat(monitor.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(monitor.after()).contains(start(result, "db").id());
        GraphAction probe = action(result, ActionType.PROBE, "db");
        assertThat(start(result, "db").after()).contains(probe.id());
    }

    private static Configuration groupOf(String... members) {
        return Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1")
                .group("g", g -> {
                    for (String m : members) {
                        g.primitive(m, "ocf:pacemaker:Dummy");
                    }
                })
                .build();
    }

    @Test
    void a_group_member_running_while_the_one_before_it_is_not_is_stopped_before_that_one_starts() {
        SchedulerResult result = schedule(groupOf("a", "b"), status("node1").running("b", "node1").build());

        assertThat(result.summary()).containsExactly("Start a ( node1 )", "Restart b ( node1 )");
        assertThat(start(result, "a").after()).contains(action(result, ActionType.STOP, "b").id());
    }

    @Test
    void a_blocked_stop_at_the_end_of_a_group_blocks_the_restart_chain_in_front_of_it() {
        // d's stop failed without fencing: d is frozen. Starting a would restart b and c, which must stop after
        // d; none of that can happen, so a does not start either.
        Clusters status = status("node1").running("b", "node1").running("c", "node1");
        status.node("node1").op("d", "start", 0, 0, 0).op("d", "stop", 0, 1, 0);

        SchedulerResult result = schedule(groupOf("a", "b", "c", "d"), status.build());

        assertThat(result.summary()).containsExactly("Start a ( node1 ) blocked", "Stop b ( node1 ) blocked",
                "Stop c ( node1 ) blocked");
        assertThat(result.graph().actions()).noneMatch(a -> a.runnable()
                && (a.type() == ActionType.START || a.type() == ActionType.STOP));
        assertThat(placement(result)).containsExactly("b@node1", "c@node1", "d@node1");
    }

    static GraphAction start(SchedulerResult r, String rsc) {
        return action(r, ActionType.START, rsc);
    }

    static GraphAction action(SchedulerResult r, ActionType type, String rsc) {
        return r.graph().actions().stream().filter(a -> a.type() == type && rsc.equals(a.resource()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " of " + rsc + " in " + r.graph()));
    }
}
