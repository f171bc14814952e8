package io.vigil.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.Primitive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pacemaker's parameter digest. Expected values are MD5 sums of the text Pacemaker hashes, written out by hand
 * (e.g. {@code " <parameters ip=\"127.0.0.20\"/>\n"}); the escaped ones were checked with
 * {@code crm_resource --digests} of Pacemaker 2.1.5.
 */
class DigestsTest {
    private static Primitive primitive(Map<String, String> params, Operation... ops) {
        return new Primitive("r", AgentType.parse("ocf:heartbeat:IPaddr"), params, MetaAttributes.EMPTY,
                List.of(ops), Map.of());
    }

    @Test
    void no_parameters_digest_to_the_empty_element() {
        assertThat(Digests.digest(Map.of())).isEqualTo("f2317cad3d54cec5d7d7aa7d0bf35cf8");
    }

    @Test
    void a_one_off_operation_digests_the_resource_parameters() {
        Map<String, String> params = Digests.parameters(primitive(Map.of("ip", "127.0.0.20")), null, Duration.ZERO,
                Duration.ofSeconds(20));

        assertThat(Digests.digest(params)).isEqualTo("c85a9e95c9e9147a613b270c79b58db6");
    }

    @Test
    void a_recurring_operation_adds_its_timeout_in_milliseconds_and_its_own_parameters() {
        Operation monitor = new Operation("monitor", Duration.ofSeconds(5), Duration.ofSeconds(21), null, null, true,
                Map.of("new_attr", "some_value"));
        Primitive p = primitive(Map.of("ip", "127.0.0.11"), monitor);

        assertThat(Digests.parameters(p, monitor, monitor.interval(), monitor.timeout()))
                .containsExactly(Map.entry("CRM_meta_timeout", "21000"), Map.entry("ip", "127.0.0.11"),
                        Map.entry("new_attr", "some_value"));
        assertThat(Digests.digest(Digests.parameters(p, monitor, monitor.interval(), monitor.timeout())))
                .isEqualTo("4fe1791402ad55b588eb1708a30a7080");
        assertThat(Digests.digest(Map.of("ip", "127.0.0.11", "CRM_meta_timeout", "20000")))
                .isEqualTo("6d0c707e8887b775eee00abb63b80a67");
    }

    @Test
    void pacemaker_bookkeeping_names_are_left_out() {
        Map<String, String> params = Digests.parameters(primitive(Map.of("ip", "127.0.0.20", "id", "x",
                "crm_feature_set", "3.0.1", "CRM_meta_name", "start", "crm_meta_whatever", "1", "on_node", "n1")),
                null, Duration.ZERO, Duration.ofSeconds(20));

        assertThat(params).containsOnlyKeys("ip");
    }

    @Test
    void names_sort_by_byte_and_values_are_escaped_as_pacemaker_escapes_them() {
        // Upper case sorts first; quotes and apostrophes become entities, a tab four spaces, a newline "\n".
        assertThat(Digests.digest(Map.of("alpha", "a&b<c>\"d'e\tf\ng", "Zeta", "1")))
                .isEqualTo("c5be61cbac4d408b9fca6ead63369451");
        // At the first multi-byte character Pacemaker stops escaping.
        assertThat(Digests.digest(Map.of("alpha", "x<\u00e9<y\u007f", "Zeta", "1")))
                .isEqualTo("65f66d86a4d7699fcc23575d89926b5c");
    }

    @Test
    void fencing_parameters_of_pacemaker_itself_are_recognised() {
        assertThat(List.of("pcmk_host_list", "pcmk_host_map", "pcmk_delay_max", "pcmk_reboot_action",
                "pcmk_off_timeout", "pcmk_monitor_retries")).allMatch(Digests::isFenceParameter);
        assertThat(List.of("ipaddr", "pcmk_custom", "pcmk_reboot_other", "passwd"))
                .noneMatch(Digests::isFenceParameter);
    }

    @Test
    void feature_sets_compare_field_by_field() {
        assertThat(Locations.compareVersions("3.0.14", "3.16.0")).isNegative();
        assertThat(Locations.compareVersions("3.16.0", "3.16.0")).isZero();
        assertThat(Locations.compareVersions("3.19.7", "3.16.0")).isPositive();
        assertThat(Locations.compareVersions("3.16", "3.16.0")).isZero();
    }

    @Test
    void the_current_run_starts_at_the_last_start_and_a_later_stop_ends_it() {
        assertThat(Digests.sinceLastStart(List.of(rec("monitor", 0, 7), rec("start", 0, 0), rec("monitor", 10, 0))))
                .isEqualTo(1);
        assertThat(Digests.sinceLastStart(List.of(rec("start", 0, 0), rec("stop", 0, 0)))).isEqualTo(-1);
        // No start recorded: a probe that found it running, or a promote, marks the run.
        assertThat(Digests.sinceLastStart(List.of(rec("monitor", 0, 7), rec("monitor", 0, 0)))).isEqualTo(1);
        assertThat(Digests.sinceLastStart(List.of(rec("monitor", 0, 8), rec("promote", 0, 0)))).isEqualTo(1);
    }

    private static OperationRecord rec(String task, long intervalMs, int rc) {
        return new OperationRecord(task, Duration.ofMillis(intervalMs), 1, rc, rc, ExecStatus.DONE, null, null, null);
    }
}
