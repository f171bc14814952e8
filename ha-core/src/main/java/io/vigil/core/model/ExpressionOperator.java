package io.vigil.core.model;

/** The comparison in a rule expression ({@code operation}). */
public enum ExpressionOperator implements Keyword {
    /** Less than. */
    LT("lt"),
    /** Greater than. */
    GT("gt"),
    /** Less than or equal. */
    LTE("lte"),
    /** Greater than or equal. */
    GTE("gte"),
    /** Equal. */
    EQ("eq"),
    /** Not equal. */
    NE("ne"),
    /** The attribute exists. */
    DEFINED("defined"),
    /** The attribute does not exist. */
    NOT_DEFINED("not_defined");

    private final String text;

    ExpressionOperator(String text) {
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
    public static ExpressionOperator parse(String text) {
        return Keyword.parse(ExpressionOperator.class, text, "operation");
    }

    @Override
    public String toString() {
        return text;
    }
}
