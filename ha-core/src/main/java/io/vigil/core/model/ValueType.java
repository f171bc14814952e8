package io.vigil.core.model;

/** How values in a rule expression compare ({@code type}). Default: {@link #STRING}, or {@link #NUMBER} when both sides look numeric. */
public enum ValueType implements Keyword {
    /** Lexicographic comparison. */
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
