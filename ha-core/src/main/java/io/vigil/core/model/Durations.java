package io.vigil.core.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and prints durations the way Pacemaker users write them: {@code 10s}, {@code 500ms}, {@code 2min},
 * {@code 1h}, a bare number (seconds), or ISO-8601 ({@code PT10S}).
 */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile(
            "(\\d+)\\s*(ms|msec|s|sec|m|min|h|hr|d|us|usec)?");

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text  e.g. {@code 10s}, {@code 30}, {@code PT1M}
     * @param field the field name, for the error message
     * @throws IllegalArgumentException naming the field and the value when it cannot be read
     */
    public static Duration parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": empty duration");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms", "msec" -> Duration.ofMillis(n);
                case "us", "usec" -> Duration.ofNanos(n * 1000);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h", "hr" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        if (t.startsWith("-")) {
            // Negative values are kept so that validation can report them with the element's path.
            return parse(t.substring(1), field).negated();
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": invalid duration '" + text
                    + "': expected e.g. 10s, 500ms, 2min, 1h or PT10S");
        }
    }

    /** Prints a duration in the shortest exact unit: {@code 0s}, {@code 500ms}, {@code 10s}, {@code 2min}, {@code 1h}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
