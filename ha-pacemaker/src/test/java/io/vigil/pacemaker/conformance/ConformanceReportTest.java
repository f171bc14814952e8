package io.vigil.pacemaker.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

class ConformanceReportTest {
    private static final CaseResult PASSED = new CaseResult("simple2", List.of("primitive", "location"), List.of());
    private static final CaseResult FAILED = new CaseResult("group4", List.of("primitive", "group"),
            List.of("final rsc1 expected [node1 Started], got []"));

    @Test
    void the_ratchet_reports_a_listed_case_that_failed_with_its_differences() {
        List<String> regressions = ConformanceReport.regressions(List.of(PASSED, FAILED), Set.of("simple2", "group4"));

        assertThat(regressions).containsExactly("group4: final rsc1 expected [node1 Started], got []");
    }

    @Test
    void the_ratchet_is_satisfied_when_every_listed_case_passed_even_if_others_fail() {
        assertThat(ConformanceReport.regressions(List.of(PASSED, FAILED), Set.of("simple2"))).isEmpty();
    }

    @Test
    void a_listed_case_missing_from_the_run_is_a_regression() {
        assertThat(ConformanceReport.regressions(List.of(PASSED), Set.of("simple2", "gone")))
                .containsExactly("gone: listed as passing but not found in the corpus");
    }

    @Test
    void the_case_list_ignores_comments_and_blank_lines() {
        String text = "# cases that must keep passing\n\nsimple2\n  group4   # since the group rework\nsimple2\n";

        assertThat(ConformanceReport.parseCaseList(text)).containsExactly("simple2", "group4");
    }

    @Test
    void the_feature_table_counts_passes_per_tag_and_in_total() {
        String table = ConformanceReport.featureTable(List.of(PASSED, FAILED));

        assertThat(table).contains("| group | 0 | 1 | 0.0% |")
                .contains("| location | 1 | 1 | 100.0% |")
                .contains("| primitive | 1 | 2 | 50.0% |")
                .contains("| **all cases** | 1 | 2 | 50.0% |");
        assertThat(ConformanceReport.totals(List.of(PASSED, FAILED))).isEqualTo("1 passed, 1 failed");
    }

    @Test
    void the_markdown_report_lists_failing_cases_with_their_cut_reasons() {
        String md = ConformanceReport.markdown("Run", List.of(PASSED, FAILED), 20);

        assertThat(md).startsWith("# Run\n\n1 passed, 1 failed\n\n| feature |")
                .contains("## Failing cases\n\n- `group4`: final rsc1 expected ...\n")
                .doesNotContain("`simple2`");
    }

    @Test
    void a_result_line_says_pass_or_fail_with_what_differed() {
        assertThat(PASSED.line()).isEqualTo("PASS simple2");
        assertThat(FAILED.line()).isEqualTo("FAIL group4: final rsc1 expected [node1 Started], got []");
    }
}
