package io.vigil.core.model;

/**
 * How values in a rule expression compare ({@code type}). Default: {@link #STRING} for {@code eq}/{@code ne}; for the
 * ordering operators {@link #NUMBER} when both sides are numbers. As in Pacemaker, an {@link #INTEGER} or
 * {@link #NUMBER} comparison where a side is not a number compares the texts instead, and text comparison ignores
 * letter case.
 */
public enum ValueType implements Keyword {
    /** Lexicographic comparison, ignoring letter case. */
    STRING("string"),
    /** 64-bit integer comparison. */
    INTEGER("integer"),
    /** Floating-point comparison. */
    NUMBER("number"),
    /** Dotted version comparison (1.10 > 1.9). */
    VERSION("version");

    private final String text;

    ValueType(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }

    /**
     * Parses Pacemaker's spelling, in any letter case.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static ValueType parse(String text) {
        return Keyword.parse(ValueType.class, text, "type");
    }

    @Override
    public String toString() {
        return text;
    }
}
