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

    @Test
    void a_missing_command_is_a_usage_error() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command");
    }
}
