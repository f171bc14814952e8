package io.vigil.core.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and prints durations the way Pacemaker users write them: {@code 10s}, {@code 500ms}, {@code 2min},
 * {@code 1h}, a bare number (seconds), or ISO-8601 ({@code PT10S}).
 *
 * <p>ISO-8601 durations are read as leniently as Pacemaker reads them: the {@code T} only tells months
 * ({@code P1M}) from minutes ({@code PT1M}), so {@code P10S} is ten seconds; the units may come in any order and
 * a year counts 365 days, a month 30 days, a week 7 days.
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
        if (t.startsWith("p")) {
            Duration iso = lenientIso(t);
            if (iso != null) {
                return iso;
            }
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": invalid duration '" + text
                    + "': expected e.g. 10s, 500ms, 2min, 1h or PT10S");
        }
    }

    /**
     * Reads {@code P[n unit]...} with the units Y, M, W, D, H, S and an optional {@code T} before the time part,
     * like Pacemaker's ISO-8601 duration parser; {@code null} when the text is not of that form (fractions are
     * left to {@link Duration#parse}).
     */
    private static Duration lenientIso(String lower) {
        boolean time = false;
        boolean any = false;
        long seconds = 0;
        int i = 1;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (c == 't') {
                time = true;
                i++;
                continue;
            }
            int start = i;
            while (i < lower.length() && Character.isDigit(lower.charAt(i))) {
                i++;
            }
            if (i == start || i == lower.length()) {
                return null;
            }
            long n;
            try {
                n = Long.parseLong(lower.substring(start, i));
            } catch (NumberFormatException e) {
                return null;
            }
            long unit = switch (lower.charAt(i)) {
                case 'y' -> 365L * 86_400;
                case 'm' -> time ? 60 : 30L * 86_400;
                case 'w' -> 7L * 86_400;
                case 'd' -> 86_400;
                case 'h' -> 3_600;
                case 's' -> 1;
                default -> -1;
            };
            if (unit < 0) {
                return null;
            }
            seconds += n * unit;
            any = true;
            i++;
        }
        return any ? Duration.ofSeconds(seconds) : null;
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
