package io.vigil.core.scheduler;

import static io.vigil.core.scheduler.Clusters.schedule;
import static io.vigil.core.scheduler.Clusters.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.ParameterDigests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A resource whose definition changed since it started (Pacemaker's parameter digests). The digests below are
 * Pacemaker's for hand-written parameter sets: the MD5 of {@code " <parameters ip=\"10.0.0.1\"/>\n"} and so on;
 * the same status written as a CIB gives the same transition in crm_simulate 2.1.5.
 */
class DefinitionChangeTest {
    /** {@code ip=10.0.0.1}. */
    private static final String IP1 = "ba6a72f3ccfb84f58fad1ff6a1d34598";
    /** {@code ip=10.0.0.1 port=1}. */
    private static final String IP1_PORT1 = "76b878c4381ea087fb58f6d46520454a";
    /** {@code CRM_meta_timeout=20000 ip=10.0.0.1}: a recurring monitor with the default timeout. */
    private static final String MONITOR_IP1 = "9d0e3d7dcf20dc743e906ea0e7813a27";
    /** {@code CRM_meta_timeout=30000 ip=10.0.0.1}. */
    private static final String MONITOR_IP1_30S = "c8b1933f8c45b65a329eb3db28841596";
    /** {@code ip=10.0.0.1 passwd=old}. */
    private static final String IP1_OLD_PASSWORD = "00bf37cc72d25a3503bddaa8a15da714";

    private static Configuration web(Map<String, String> params) {
        return Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .resourceDefaults(d -> d.stickiness(100))
                .primitive("web", "ocf:pacemaker:Dummy", r -> {
                    params.forEach(r::param);
                    r.monitor(Duration.ofSeconds(10));
                })
                .build();
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** web's history on node1: the given records, in call order. */
    private static Clusters history(OperationRecord... records) {
        Clusters c = status("node1", "node2");
        c.node("node1").history.computeIfAbsent("web", k -> new ArrayList<>()).addAll(List.of(records));
        return c;
    }

    private static OperationRecord op(String task, long intervalMs, long call, ParameterDigests digests) {
        return new OperationRecord(task, Duration.ofMillis(intervalMs), call, 0, 0, ExecStatus.DONE, Clusters.NOW,
                Clusters.NOW, Duration.ZERO, digests);
    }

    private static List<String> actions(SchedulerResult result) {
        List<String> out = new ArrayList<>();
        for (GraphAction a : result.graph().actions()) {
            if (a.type() != ActionType.PROBE) {
                out.add(a.type() + " " + a.resource() + " " + a.node()
                        + (a.interval().isZero() ? "" : " " + a.interval().toMillis()));
            }
        }
        return out;
    }

    @Test
    void a_changed_parameter_restarts_the_resource_in_place() {
        SchedulerResult result = schedule(web(params("ip", "10.0.0.2")), history(
                op("start", 0, 1, ParameterDigests.of(IP1)),
                op("monitor", 10_000, 2, ParameterDigests.of(MONITOR_IP1))).build());

        assertThat(result.summary()).containsExactly("Restart web ( node1 )");
        assertThat(actions(result)).containsExactlyInAnyOrder("STOP web node1", "START web node1",
                "MONITOR web node1 10000");
        assertThat(result.graph().actions()).filteredOn(a -> a.type() == ActionType.START)
                .singleElement().satisfies(a -> assertThat(a.detail()).isEqualTo("resource definition change"));
    }

    @Test
    void an_unchanged_definition_leaves_the_resource_alone() {
        SchedulerResult result = schedule(web(params("ip", "10.0.0.1")), history(
                op("start", 0, 1, ParameterDigests.of(IP1)),
                op("monitor", 10_000, 2, ParameterDigests.of(MONITOR_IP1))).build());

        assertThat(result.summary()).isEmpty();
        assertThat(actions(result)).isEmpty();
    }

    @Test
    void history_recorded_without_digests_never_restarts_anything() {
        SchedulerResult result = schedule(web(params("ip", "10.0.0.2")), history(
                op("start", 0, 1, null), op("monitor", 10_000, 2, null)).build());

        assertThat(result.summary()).isEmpty();
        assertThat(actions(result)).isEmpty();
    }

    @Test
    void a_change_of_only_reloadable_parameters_reloads_the_agent() {
        // The agent can reload everything but ip (op-force-restart " ip "); only port changed.
        ParameterDigests start = new ParameterDigests(IP1_PORT1, IP1, List.of("ip"), null, null, "3.0.14");

        SchedulerResult result = schedule(web(params("ip", "10.0.0.1", "port", "2")),
                history(op("start", 0, 1, start)).build());

        assertThat(result.summary()).containsExactly("Reload web ( node1 )");
        assertThat(actions(result)).containsExactlyInAnyOrder("RELOAD web node1", "MONITOR web node1 10000");
    }

    @Test
    void a_failed_resource_is_recovered_rather_than_reloaded() {
        ParameterDigests start = new ParameterDigests(IP1_PORT1, IP1, List.of("ip"), null, null, "3.0.14");
        OperationRecord failedMonitor = new OperationRecord("monitor", Duration.ofSeconds(10), 2, 1, 0,
                ExecStatus.DONE, Clusters.NOW, Clusters.NOW, Duration.ZERO, ParameterDigests.of(MONITOR_IP1));

        SchedulerResult result = schedule(web(params("ip", "10.0.0.1", "port", "2")),
                history(op("start", 0, 1, start), failedMonitor).build());

        assertThat(result.summary()).containsExactly("Recover web ( node1 )");
        assertThat(actions(result)).doesNotContain("RELOAD web node1");
    }

    @Test
    void a_change_of_a_parameter_that_cannot_be_reloaded_restarts() {
        ParameterDigests start = new ParameterDigests(IP1_PORT1, IP1, List.of("ip"), null, null, "3.0.14");

        SchedulerResult result = schedule(web(params("ip", "10.0.0.2", "port", "1")),
                history(op("start", 0, 1, start)).build());

        assertThat(result.summary()).containsExactly("Restart web ( node1 )");
    }

    @Test
    void a_probe_that_found_the_resource_running_is_compared_like_its_start() {
        // Started outside the cluster: the probe (rc 0) is all the history says, and its restart digest differs.
        OperationRecord probe = op("monitor", 0, 1, new ParameterDigests(IP1, IP1, null, null, null, "3.0.14"));

        SchedulerResult result = schedule(web(params("ip", "10.0.0.2")), history(probe).build());

        assertThat(result.summary()).containsExactly("Restart web ( node1 )");
    }

    @Test
    void a_monitor_whose_parameters_changed_is_scheduled_again_without_a_summary_line() {
        // Recorded with a 30 s timeout; the monitor now has the default 20 s.
        SchedulerResult result = schedule(web(params("ip", "10.0.0.1")), history(
                op("start", 0, 1, ParameterDigests.of(IP1)),
                op("monitor", 10_000, 2, ParameterDigests.of(MONITOR_IP1_30S))).build());

        assertThat(result.summary()).isEmpty();
        assertThat(actions(result)).containsExactly("MONITOR web node1 10000");
    }

    @Test
    void only_operations_since_the_last_start_are_compared() {
        SchedulerResult result = schedule(web(params("ip", "10.0.0.1")), history(
                op("start", 0, 1, ParameterDigests.of("0123456789abcdef0123456789abcdef")),
                op("stop", 0, 2, ParameterDigests.of("0123456789abcdef0123456789abcdef")),
                op("start", 0, 3, ParameterDigests.of(IP1))).build());

        assertThat(result.summary()).isEmpty();
    }

    @Test
    void a_change_of_only_private_parameters_is_ignored() {
        // The status shows the password masked (a sanitised CIB): the digest without it still matches.
        ParameterDigests start = new ParameterDigests(IP1_OLD_PASSWORD, null, null, IP1, List.of("passwd"),
                "3.19.0");

        SchedulerResult result = schedule(web(params("ip", "10.0.0.1", "passwd", "****")),
                history(op("start", 0, 1, start)).build());

        assertThat(result.summary()).isEmpty();
    }

    @Test
    void an_unmanaged_resource_is_not_restarted_for_a_changed_definition() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .primitive("web", "ocf:pacemaker:Dummy", r -> r.param("ip", "10.0.0.2").managed(false))
                .build();

        SchedulerResult result = schedule(config, history(op("start", 0, 1, ParameterDigests.of(IP1))).build());

        assertThat(result.summary()).isEmpty();
        assertThat(actions(result)).isEmpty();
    }

    @Test
    void a_restarted_group_member_restarts_the_members_after_it() {
        Configuration config = Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2")
                .resourceDefaults(d -> d.stickiness(100))
                .group("g", g -> g.primitive("web", "ocf:pacemaker:Dummy", r -> r.param("ip", "10.0.0.2"))
                        .primitive("app", "ocf:pacemaker:Dummy"))
                .build();
        Clusters status = history(op("start", 0, 1, ParameterDigests.of(IP1)));
        status.running("app", "node1");

        SchedulerResult result = schedule(config, status.build());

        assertThat(result.summary()).containsExactlyInAnyOrder("Restart web ( node1 )", "Restart app ( node1 )");
    }
}
