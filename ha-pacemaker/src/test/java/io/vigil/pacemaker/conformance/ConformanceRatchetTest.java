package io.vigil.pacemaker.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.pacemaker.Corpus;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs Pacemaker's conformance corpus (../shared/conformance/pacemaker/cases; skipped when absent), writes the pass
 * rate per feature tag to {@code target/conformance-report.md}, and fails if a case listed in
 * {@code conformance-passing.txt} no longer passes. The list is a ratchet: add a case once it passes, never remove
 * one.
 */
class ConformanceRatchetTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConformanceRatchetTest.class);

    @Test
    void every_case_listed_as_passing_still_passes() throws IOException {
        Path cases = Corpus.require();
        Set<String> mustPass = ConformanceReport.parseCaseList(resource("/conformance-passing.txt"));

        List<CaseResult> results = new ConformanceRunner(ConformanceRunner.DEFAULT_TIMEOUT).runAll(cases, r -> { });

        String report = ConformanceReport.markdown("Pacemaker conformance (" + mustPass.size()
                + " cases on the ratchet list)", results, Integer.MAX_VALUE);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("conformance-report.md"), report);
        LOG.warn("Pacemaker conformance: {} (full report in target/conformance-report.md)\n{}",
                ConformanceReport.totals(results), ConformanceReport.featureTable(results));

        assertThat(results).hasSizeGreaterThan(0);
        assertThat(ConformanceReport.regressions(results, mustPass))
                .as("cases on the ratchet list (conformance-passing.txt) that no longer pass")
                .isEmpty();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConformanceRatchetTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
