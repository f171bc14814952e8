package io.vigil.core.model;

/** How the expressions of a rule combine ({@code boolean-op}). Default: {@link #AND}. */
public enum BoolOp implements Keyword {
    /** Every expression must hold. */
    AND("and"),
    /** At least one expression must hold. */
    OR("or");

    private final String text;

    BoolOp(String text) {
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
    public static BoolOp parse(String text) {
        return Keyword.parse(BoolOp.class, text, "boolean-op");
    }

    @Override
    public String toString() {
        return text;
    }
}
