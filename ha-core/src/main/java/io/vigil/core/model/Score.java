package io.vigil.core.model;

import java.util.Locale;

/**
 * Pacemaker scores: plain {@code int}s where {@value #INFINITY} stands for +INFINITY and
 * {@value #MINUS_INFINITY} for -INFINITY.
 *
 * <p>Arithmetic saturates: any sum reaching ±1,000,000 is clamped to it, and when +INFINITY meets
 * -INFINITY the result is -INFINITY (a ban always wins). A node whose score for a resource is negative
 * cannot run it.
 *
 * <p>This class holds only static helpers so that the scheduler can work on primitive ints.
 */
public final class Score {
    /** +INFINITY: 1,000,000. */
    public static final int INFINITY = 1_000_000;
    /** -INFINITY: -1,000,000. */
    public static final int MINUS_INFINITY = -1_000_000;

    private Score() {
    }

    /**
     * Saturating addition with Pacemaker's rule that -INFINITY + INFINITY = -INFINITY.
     *
     * @param a a score (values outside ±INFINITY are clamped first)
     * @param b a score
     * @return the clamped sum
     */
    public static int add(int a, int b) {
        if (a <= MINUS_INFINITY || b <= MINUS_INFINITY) {
            return MINUS_INFINITY;
        }
        if (a >= INFINITY || b >= INFINITY) {
            return INFINITY;
        }
        return clamp((long) a + b);
    }

    /** Clamps any long to the score range [-INFINITY, INFINITY]. */
    public static int clamp(long value) {
        if (value >= INFINITY) {
            return INFINITY;
        }
        if (value <= MINUS_INFINITY) {
            return MINUS_INFINITY;
        }
        return (int) value;
    }

    /** True when the score is +INFINITY. */
    public static boolean isInfinite(int score) {
        return score >= INFINITY;
    }

    /** True when the score is -INFINITY. */
    public static boolean isMinusInfinite(int score) {
        return score <= MINUS_INFINITY;
    }

    /**
     * Parses a score the way Pacemaker does: an integer (clamped to ±INFINITY), or {@code INFINITY},
     * {@code +INFINITY}, {@code -INFINITY}, {@code inf}, {@code +inf}, {@code -inf} in any letter case.
     *
     * @throws IllegalArgumentException naming the text when it is not a score
     */
    public static int parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("score must not be null");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "infinity", "+infinity", "inf", "+inf":
                return INFINITY;
            case "-infinity", "-inf":
                return MINUS_INFINITY;
            default:
                break;
        }
        try {
            // BigInteger takes one optional sign (so "+-1" is refused) and any number of digits (clamped).
            java.math.BigInteger value = new java.math.BigInteger(t);
            return value.bitLength() < 64 ? clamp(value.longValue()) : value.signum() > 0 ? INFINITY : MINUS_INFINITY;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid score '" + text + "': expected an integer or [+-]INFINITY");
        }
    }

    /** Prints a score: {@code INFINITY}, {@code -INFINITY}, or the integer. */
    public static String toString(int score) {
        if (score >= INFINITY) {
            return "INFINITY";
        }
        if (score <= MINUS_INFINITY) {
            return "-INFINITY";
        }
        return Integer.toString(score);
    }
}
