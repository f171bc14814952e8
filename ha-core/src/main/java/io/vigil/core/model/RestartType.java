package io.vigil.core.model;

/**
 * Whether a resource restarts when a resource it is ordered after by an optional order restarts
 * ({@code restart-type}, deprecated in Pacemaker but still honoured). Default: {@link #IGNORE}.
 */
public enum RestartType implements Keyword {
    /** Optional orders only order; nothing restarts because the first resource did (default). */
    IGNORE("ignore"),
    /** An optional order in which this resource is "then" acts as a mandatory one. */
    RESTART("restart");

    private final String text;

    RestartType(String text) {
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
    public static RestartType parse(String text) {
        return Keyword.parse(RestartType.class, text, "restart-type");
    }

    @Override
    public String toString() {
        return text;
    }
}
