package io.vigil.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every node in its own JVM over TCP on 127.0.0.1; crashes are real kill -9 and SIGSTOP. */
class MultiProcessTest {
    @TempDir
    Path dir;

    private final List<ClusterProcess> procs = new ArrayList<>();

    @AfterEach
    void killAll() {
        procs.forEach(ClusterProcess::close);
    }

    private List<ClusterProcess> cluster(int n) throws IOException {
        List<ClusterProcess> ps = ClusterProcess.cluster("mp-" + UUID.randomUUID(), dir, n);
        procs.addAll(ps);
        for (ClusterProcess p : ps) {
            p.start();
        }
        return ps;
    }

    /** Waits until every process in {@code group} reports the same DC, quorum and CIB; returns the DC's name. */
    static String awaitOneDc(List<ClusterProcess> group) {
        String[] dc = new String[1];
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<Map<String, String>> s = group.stream().map(ClusterProcess::status).toList();
            assertThat(s).allSatisfy(m -> {
                assertThat(m).containsEntry("quorate", "true").containsEntry("intact", "true");
                assertThat(m.get("members").split(",")).hasSize(group.size());
                assertThat(m.get("dc")).isNotEqualTo("null");
            });
            assertThat(s.stream().map(m -> m.get("dc")).distinct().count()).isEqualTo(1);
            assertThat(s.stream().map(m -> m.get("version") + m.get("resources")).distinct().count()).isEqualTo(1);
            dc[0] = s.get(0).get("dc");
        });
        return dc[0];
    }

    private static ClusterProcess named(List<ClusterProcess> ps, String name) {
        return ps.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow();
    }

    private static List<ClusterProcess> without(List<ClusterProcess> ps, ClusterProcess gone) {
        return ps.stream().filter(p -> p != gone).toList();
    }

    @Test
    void kill_9_of_the_dc_elects_a_new_dc_that_keeps_the_cib_and_a_torn_file_is_repaired_on_return()
            throws Exception {
        List<ClusterProcess> all = cluster(3);
        String dcName = awaitOneDc(all);
        assertThat(named(all, "n2").add("before")).startsWith("ADDED");
        ClusterProcess dc = named(all, dcName);
        dc.kill9();
        List<ClusterProcess> rest = without(all, dc);
        String newDc = awaitOneDc(rest);
        assertThat(newDc).isNotEqualTo(dcName);
        assertThat(rest.get(0).status().get("resources")).isEqualTo("before");
        assertThat(rest.get(1).add("after")).startsWith("ADDED");

        // the old DC comes back with a torn CIB file: detected, never used, replaced from the peers
        Path file = dir.resolve(dcName).resolve(FileStorage.FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        dc.start();
        awaitOneDc(all);
        assertThat(dc.status().get("resources")).isEqualTo("before,after");
        await().atMost(5, TimeUnit.SECONDS).until(() -> dc.events.stream().anyMatch(e -> e.contains("CIB_REPAIRED")));
    }

    @Test
    void an_acknowledged_change_survives_killing_a_minority_and_then_restarting_every_node() throws Exception {
        List<ClusterProcess> all = cluster(3);
        awaitOneDc(all);
        assertThat(named(all, "n3").add("first")).startsWith("ADDED");
        ClusterProcess victim = named(all, "n2");
        victim.kill9();
        awaitOneDc(without(all, victim));
        assertThat(named(all, "n1").add("second")).startsWith("ADDED");
        for (ClusterProcess p : all) {
            if (p.alive()) {
                p.kill9();
            }
        }
        for (ClusterProcess p : all) {
            p.start();
        }
        awaitOneDc(all);
        assertThat(named(all, "n2").status().get("resources")).isEqualTo("first,second");
    }

    @Test
    void a_hung_dc_sigstop_is_replaced_and_after_sigcont_the_cluster_merges_to_one_dc() throws Exception {
        List<ClusterProcess> all = cluster(3);
        String dcName = awaitOneDc(all);
        ClusterProcess dc = named(all, dcName);
        dc.signal("STOP");
        List<ClusterProcess> rest = without(all, dc);
        String newDc = awaitOneDc(rest);
        assertThat(newDc).isNotEqualTo(dcName);
        assertThat(rest.get(0).add("while-hung")).startsWith("ADDED");
        dc.signal("CONT");
        awaitOneDc(all);
        assertThat(dc.status().get("resources")).isEqualTo("while-hung");
    }
}
