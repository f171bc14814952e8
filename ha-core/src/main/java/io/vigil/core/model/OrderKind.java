package io.vigil.core.model;

/** How strictly an order constraint binds ({@code kind}). Default: {@link #MANDATORY}. */
public enum OrderKind implements Keyword {
    /** The then-action runs only after the first-action succeeded; a stop of first stops then. */
    MANDATORY("Mandatory"),
    /** Only applies when both actions happen in the same transition. */
    OPTIONAL("Optional"),
    /** The two actions never run at the same time, in either order. */
    SERIALIZE("Serialize");

    private final String text;

    OrderKind(String text) {
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
    public static OrderKind parse(String text) {
        return Keyword.parse(OrderKind.class, text, "kind");
    }

    @Override
    public String toString() {
        return text;
    }
}
