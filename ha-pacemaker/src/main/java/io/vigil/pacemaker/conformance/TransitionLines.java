package io.vigil.pacemaker.conformance;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Brings a Transition Summary line to the form compared by the harness (the {@code transitions_normalized} of
 * {@code expected.json}): whitespace collapsed, padding inside the parentheses removed, the {@code due to ...}
 * reason, a trailing {@code blocked} and a fencing reason dropped, and the clone instance suffix {@code :N} of
 * the resource stripped. {@code "  * Move    web:1   ( n1 -> n2 )  due to x"} becomes {@code "Move web (n1 -> n2)"}.
 */
public final class TransitionLines {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REASON = Pattern.compile(" due to .*$");
    private static final Pattern BLOCKED = Pattern.compile(" blocked$");
    private static final Pattern FENCE_REASON = Pattern.compile(" '.*'$");
    private static final Pattern INSTANCE = Pattern.compile(":\\d+$");

    private TransitionLines() {
    }

    /** The normalised form of one line. */
    public static String normalize(String line) {
        String s = SPACES.matcher(line.strip()).replaceAll(" ");
        if (s.startsWith("* ")) {
            s = s.substring(2);
        }
        if (s.startsWith("Fence ")) {
            s = FENCE_REASON.matcher(s).replaceAll("");
        } else {
            s = REASON.matcher(s).replaceAll("");
            s = BLOCKED.matcher(s).replaceAll("");
            String[] words = s.split(" ", 3);
            if (words.length >= 2) {
                words[1] = INSTANCE.matcher(words[1]).replaceAll("");
                s = String.join(" ", words);
            }
        }
        return s.replace("( ", "(").replace(" )", ")").strip();
    }

    /** Every line normalised, sorted (a multiset in canonical order). */
    public static List<String> normalizeAll(List<String> lines) {
        return lines.stream().map(TransitionLines::normalize).sorted().toList();
    }
}
