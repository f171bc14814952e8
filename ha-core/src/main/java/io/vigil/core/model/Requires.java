package io.vigil.core.model;

/** What must hold before a resource may start ({@code requires}). Default: {@link #FENCING} when stonith is enabled, else {@link #QUORUM}. */
public enum Requires implements Keyword {
    /** The resource may always start. */
    NOTHING("nothing"),
    /** Start only in a quorate partition. */
    QUORUM("quorum"),
    /** Start only in a quorate partition after every unclean node was fenced. */
    FENCING("fencing"),
    /** As fencing, and the node must have been unfenced. */
    UNFENCING("unfencing");

    private final String text;

    Requires(String text) {
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
    public static Requires parse(String text) {
        return Keyword.parse(Requires.class, text, "requires");
    }

    @Override
    public String toString() {
        return text;
    }
}
