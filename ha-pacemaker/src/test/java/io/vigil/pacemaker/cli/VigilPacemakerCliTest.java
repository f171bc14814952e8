package io.vigil.pacemaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class VigilPacemakerCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = VigilPacemakerCli.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void conformance_prints_one_line_per_case_and_ends_with_the_totals(@TempDir Path dir) throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("broken.xml"), "<cib>");
        Files.writeString(broken.resolve("expected.json"),
                "{\"nodes\": {}, \"final\": {}, \"transitions_normalized\": []}");

        int status = run("conformance", dir.toString());

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("FAIL broken: CibImportException").contains("malformed XML");
        assertThat(lines.get(1)).isEqualTo("0 passed, 1 failed");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void conformance_writes_the_feature_table_when_asked(@TempDir Path dir) throws IOException {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Path report = dir.resolve("report.md");

        int status = run("conformance", cases.toString(), "--report", report.toString());

        assertThat(out.toString().lines().toList()).containsExactly("0 passed, 0 failed");
        assertThat(Files.readString(report)).contains("| feature | passed | cases | rate |");
        assertThat(status).isZero();
    }

    @Test
    void simulate_reports_an_unsupported_cib_on_standard_error_with_status_1(@TempDir Path dir) throws IOException {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, "<cib><configuration><resources><bundle id=\"b1\"/></resources></configuration></cib>");

        int status = run("simulate", cib.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: ").contains("unsupported bundle 'b1'");
        assertThat(out.toString()).isEmpty();
    }

    static final String TWO_NODES_ONE_RESOURCE = "<cib have-quorum=\"1\"><configuration><crm_config>"
            + "<cluster_property_set id=\"o\"><nvpair id=\"f\" name=\"fencing-enabled\" value=\"false\"/>"
            + "</cluster_property_set></crm_config><nodes><node id=\"1\" uname=\"node1\"/><node id=\"2\" uname=\"node2\"/>"
            + "</nodes><resources><primitive id=\"rsc1\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/></resources>"
            + "<constraints><rsc_location id=\"prefer-2\" rsc=\"rsc1\" node=\"node2\" score=\"100\"/></constraints>"
            + "</configuration><status>"
            + "<node_state id=\"1\" uname=\"node1\" in_ccm=\"true\" crmd=\"online\" join=\"member\" expected=\"member\"/>"
            + "<node_state id=\"2\" uname=\"node2\" in_ccm=\"true\" crmd=\"online\" join=\"member\" expected=\"member\"/>"
            + "</status></cib>";

    @Test
    void simulate_prints_current_status_transition_summary_and_revised_status(@TempDir Path dir) throws IOException {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, TWO_NODES_ONE_RESOURCE);

        int status = run("simulate", cib.toString());

        assertThat(status).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).containsSubsequence(
                "Current cluster status:",
                "    * Online: [ node1 node2 ]",
                "    * rsc1\t(ocf:pacemaker:Dummy):\t Stopped",
                "Transition Summary:",
                "Revised Cluster Status:",
                "    * rsc1\t(ocf:pacemaker:Dummy):\t Started node2");
        int summary = lines.indexOf("Transition Summary:");
        assertThat(io.vigil.pacemaker.conformance.TransitionLines.normalize(lines.get(summary + 1)))
                .isEqualTo("Start rsc1 (node2)");
    }

    @Test
    void simulate_repeat_prints_the_median_and_a_result_line_and_quiet_drops_the_status(@TempDir Path dir)
            throws IOException {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, TWO_NODES_ONE_RESOURCE);

        int status = run("simulate", cib.toString(), "--repeat", "5", "--quiet", "--metric", "tiny");

        assertThat(status).isZero();
        assertThat(out.toString()).doesNotContain("Current cluster status:").contains("Transition Summary:")
                .containsPattern("Scheduling time: median [0-9.]+ ms, min [0-9.]+ ms, max [0-9.]+ ms over 5 runs")
                .containsPattern("(?m)^RESULT tiny p50_ms=[0-9.]+ p99_ms=[0-9.]+ max_ms=[0-9.]+ n=5$");
    }

    @Test
    void simulate_scores_lists_each_resource_on_each_scored_node(@TempDir Path dir) throws IOException {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, TWO_NODES_ONE_RESOURCE);

        assertThat(run("simulate", cib.toString(), "--scores")).isZero();
        assertThat(out.toString()).contains("Allocation scores:").contains("rsc1 allocation score on node2: 100");
    }

    @Test
    void simulate_with_plain_options_skips_picocli_and_prints_the_same(@TempDir Path dir) throws IOException {
        Path cib = dir.resolve("cib.xml");
        Files.writeString(cib, TWO_NODES_ONE_RESOURCE);
        String[] args = {"simulate", cib.toString(), "--scores", "--now=2024-01-01T00:00:00Z", "--metric", "m"};

        SimulateCommand plain = SimulateCommand.plain(args, 1);
        StringWriter plainOut = new StringWriter();
        int status = plain.run(new PrintWriter(plainOut, true), new PrintWriter(new StringWriter(), true));

        assertThat(run(args)).isEqualTo(status).isZero();
        assertThat(plainOut.toString()).isEqualTo(out.toString()).contains("Allocation scores:");
    }

    @Test
    void simulate_options_only_picocli_reads_are_left_to_picocli() {
        assertThat(SimulateCommand.plain(new String[] {"simulate", "a.xml", "-q", "--repeat=3"}, 1)).isNotNull();
        for (String[] args : List.of(new String[] {"simulate", "a.xml", "-sq"},
                new String[] {"simulate", "a.xml", "--repeat", "010"},
                new String[] {"simulate", "a.xml", "--repeat", "-1"},
                new String[] {"simulate", "a.xml", "-q", "--quiet"},
                new String[] {"simulate", "a.xml", "b.xml"},
                new String[] {"simulate", "@args.txt"},
                new String[] {"simulate", "--help"},
                new String[] {"simulate", "a.xml", "--now", "yesterday"},
                new String[] {"simulate", "a.xml", "--metric"},
                new String[] {"simulate"})) {
            assertThat(SimulateCommand.plain(args, 1)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void a_missing_command_is_a_usage_error() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command");
    }
}
