package io.vigil.pacemaker.conformance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Summaries of a conformance run: the closing {@code N passed, M failed} line, the pass rate per feature tag as a
 * Markdown table, and the ratchet check against a list of cases that must pass.
 */
public final class ConformanceReport {
    private ConformanceReport() {
    }

    /** {@code N passed, M failed}. */
    public static String totals(List<CaseResult> results) {
        long passed = results.stream().filter(CaseResult::passed).count();
        return passed + " passed, " + (results.size() - passed) + " failed";
    }

    /** A Markdown table: one row per feature tag (sorted), with passed, total and the rate; then the total. */
    public static String featureTable(List<CaseResult> results) {
        Map<String, int[]> byFeature = new TreeMap<>();
        for (CaseResult r : results) {
            for (String f : r.features()) {
                int[] counts = byFeature.computeIfAbsent(f, k -> new int[2]);
                counts[1]++;
                if (r.passed()) {
                    counts[0]++;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| feature | passed | cases | rate |\n|---|---:|---:|---:|\n");
        byFeature.forEach((f, c) -> sb.append(row(f, c[0], c[1])));
        long passed = results.stream().filter(CaseResult::passed).count();
        sb.append(row("**all cases**", (int) passed, results.size()));
        return sb.toString();
    }

    /**
     * A whole Markdown report: the totals, the feature table, and every failing case with what differed (each
     * cut to {@code maxReasonChars}).
     */
    public static String markdown(String title, List<CaseResult> results, int maxReasonChars) {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n")
                .append(totals(results)).append("\n\n").append(featureTable(results));
        List<CaseResult> failing = results.stream().filter(r -> !r.passed()).toList();
        if (!failing.isEmpty()) {
            sb.append("\n## Failing cases\n\n");
            for (CaseResult r : failing) {
                String why = String.join("; ", r.differences());
                if (why.length() > maxReasonChars) {
                    why = why.substring(0, maxReasonChars).stripTrailing() + " ...";
                }
                sb.append("- `").append(r.name()).append("`: ").append(why.replace("|", "\\|")).append('\n');
            }
        }
        return sb.toString();
    }

    private static String row(String name, int passed, int total) {
        double rate = total == 0 ? 0 : 100.0 * passed / total;
        return "| " + name + " | " + passed + " | " + total + " | " + String.format(Locale.ROOT, "%.1f%%", rate)
                + " |\n";
    }

    /**
     * Reads a ratchet list: one case name per line; blank lines and everything after {@code #} are ignored.
     *
     * @return the names, in file order, without duplicates
     */
    public static Set<String> parseCaseList(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The ratchet: every listed case that did not pass, with the reason (a listed case missing from the run is a
     * regression too).
     *
     * @return one line per regression, e.g. {@code simple2: final rsc1 expected [node1 Started], got []}; empty
     *         when every listed case passed
     */
    public static List<String> regressions(List<CaseResult> results, Set<String> mustPass) {
        Map<String, CaseResult> byName = new TreeMap<>();
        results.forEach(r -> byName.put(r.name(), r));
        List<String> out = new ArrayList<>();
        for (String name : mustPass) {
            CaseResult r = byName.get(name);
            if (r == null) {
                out.add(name + ": listed as passing but not found in the corpus");
            } else if (!r.passed()) {
                out.add(name + ": " + String.join("; ", r.differences()));
            }
        }
        return out;
    }
}
