package io.vigil.pacemaker.cli;

import io.vigil.pacemaker.conformance.CaseResult;
import io.vigil.pacemaker.conformance.ConformanceReport;
import io.vigil.pacemaker.conformance.ConformanceRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code conformance DIR}: runs every case folder under DIR and compares with its expected.json. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Runs every case folder under DIR (a *.xml CIB and an expected.json) and prints PASS or "
                + "FAIL per case, then 'N passed, M failed'. Exit status 0 when every case passed, else 1.")
final class ConformanceCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a folder of case folders")
    private Path dir;

    @Option(names = "--report", paramLabel = "FILE",
            description = "also write a Markdown report to FILE: the pass rate per feature tag and every failing case "
                    + "with what differed")
    private Path report;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long one case may take before it fails (default 60)")
    private long timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("not a directory: " + dir);
            return 2;
        }
        List<CaseResult> results = new ConformanceRunner(Duration.ofSeconds(timeoutSeconds))
                .runAll(dir, r -> out.println(r.line()));
        if (report != null) {
            Files.writeString(report, ConformanceReport.markdown("Pacemaker conformance", results, 400));
        }
        out.println(ConformanceReport.totals(results));
        return results.stream().allMatch(CaseResult::passed) ? 0 : 1;
    }
}
