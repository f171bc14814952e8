package io.vigil.pacemaker.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.Role;
import io.vigil.core.scheduler.InstancePlacement;
import io.vigil.core.scheduler.SchedulerResult;
import io.vigil.core.scheduler.TransitionGraph;
import io.vigil.pacemaker.CibImporter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ConformanceRunnerTest {
    static final String CIB = "<cib><configuration><crm_config/><nodes><node id=\"n1\" uname=\"node1\"/>"
            + "<node id=\"n2\" uname=\"node2\"/></nodes><resources>"
            + "<primitive id=\"web\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\"/>"
            + "<clone id=\"ms\"><meta_attributes id=\"ms-m\"><nvpair id=\"p\" name=\"promotable\" value=\"true\"/>"
            + "</meta_attributes><primitive id=\"db\" class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"/></clone>"
            + "</resources><constraints/></configuration><status/></cib>";
    static final Configuration CONFIG = CibImporter.importXml(CIB).cib().configuration();

    static final ConformanceCase EXPECTED = new ConformanceCase("fake", Path.of("fake.xml"), List.of("clone"),
            Map.of("node1", "online", "node2", "online"),
            Map.of("web", List.of("node1 Started"), "db", List.of("node1 Promoted", "node2 Unpromoted")),
            List.of("Promote db (Unpromoted -> Promoted node1)", "Start web (node1)"));

    static SchedulerResult result(Map<String, String> nodes, List<InstancePlacement> placement, List<String> summary) {
        return new SchedulerResult(List.of(), placement, nodes, new TransitionGraph(List.of()), summary, Map.of());
    }

    static final List<InstancePlacement> RIGHT_PLACEMENT = List.of(
            new InstancePlacement("web", "web", "node1", Role.STARTED, false),
            new InstancePlacement("db", "db:0", "node1", Role.PROMOTED, false),
            new InstancePlacement("db", "db:1", "node2", Role.STARTED, false));

    @Test
    void a_result_that_matches_has_no_differences_whatever_the_instance_numbers_and_padding() {
        SchedulerResult r = result(Map.of("node1", "online", "node2", "online"), RIGHT_PLACEMENT,
                List.of("Start      web     ( node1 )", "Promote    db:1    ( Unpromoted -> Promoted node1 )"));

        assertThat(ConformanceRunner.differences(EXPECTED, CONFIG, r)).isEmpty();
    }

    @Test
    void node_state_placement_and_transition_differences_are_each_named() {
        SchedulerResult r = result(Map.of("node1", "online", "node2", "standby"),
                List.of(new InstancePlacement("web", "web", "node2", Role.STARTED, false),
                        RIGHT_PLACEMENT.get(1), RIGHT_PLACEMENT.get(2)),
                List.of("Start web ( node2 )", "Promote db:0 ( Unpromoted -> Promoted node1 )",
                        "Promote db:1 ( Unpromoted -> Promoted node1 )"));

        assertThat(ConformanceRunner.differences(EXPECTED, CONFIG, r)).containsExactly(
                "node node2 expected online, got standby",
                "final web expected [node1 Started], got [node2 Started]",
                "missing transitions [Start web (node1)]",
                "unexpected transitions [Promote db (Unpromoted -> Promoted node1), Start web (node2)]");
    }

    @Test
    void a_stopped_leaf_compares_as_an_empty_list() {
        SchedulerResult r = result(Map.of("node1", "online", "node2", "online"),
                RIGHT_PLACEMENT.subList(1, 3), List.of("Promote db ( Unpromoted -> Promoted node1 )", "Start web ( node1 )"));

        assertThat(ConformanceRunner.differences(EXPECTED, CONFIG, r))
                .containsExactly("final web expected [node1 Started], got []");
    }

    @Test
    void a_case_that_throws_or_cannot_be_read_fails_with_the_reason_and_the_run_goes_on(@TempDir Path dir)
            throws IOException {
        writeCase(dir.resolve("a-malformed"), "<cib><configuration>", expectedJson());
        writeCase(dir.resolve("b-no-final"), CIB, "{\"nodes\": {}, \"transitions_normalized\": []}");
        writeCase(dir.resolve("c-unsupported"), CIB.replace("<constraints/>",
                "<constraints><rsc_ticket id=\"t1\" rsc=\"web\" ticket=\"T\"/></constraints>"), expectedJson());
        List<String> seen = new ArrayList<>();

        List<CaseResult> results = new ConformanceRunner(Duration.ofSeconds(30)).runAll(dir, r -> seen.add(r.name()));

        assertThat(seen).containsExactly("a-malformed", "b-no-final", "c-unsupported");
        assertThat(results).noneMatch(CaseResult::passed);
        assertThat(results.get(0).line()).startsWith("FAIL a-malformed: CibImportException: ")
                .contains("malformed XML at line 1");
        assertThat(results.get(1).line()).contains("cannot read case").contains("missing key 'final'");
        assertThat(results.get(2).line()).contains("UnsupportedCibException").contains("rsc_ticket 't1'");
        assertThat(results.get(2).features()).containsExactly("primitive");
        assertThat(ConformanceReport.totals(results)).isEqualTo("0 passed, 3 failed");
    }

    static String expectedJson() {
        return "{\"features\": [\"primitive\"], \"nodes\": {\"node1\": \"online\"}, \"final\": {\"web\": []},"
                + " \"transitions_normalized\": []}";
    }

    static void writeCase(Path dir, String cib, String expected) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(dir.getFileName() + ".xml"), cib);
        Files.writeString(dir.resolve("expected.json"), expected);
    }
}
