package io.vigil.core.model;

/** What a partition without quorum does with its resources ({@code no-quorum-policy}). Default: {@link #STOP}. */
public enum NoQuorumPolicy implements Keyword {
    /** Stop every resource in the partition (default). */
    STOP("stop"),
    /** Keep what runs, start nothing new, recover nothing outside the partition. */
    FREEZE("freeze"),
    /** Carry on as if the partition had quorum. */
    IGNORE("ignore"),
    /** Demote promoted instances and stop all other resources. */
    DEMOTE("demote"),
    /** Fence every node in the partition (Pacemaker: {@code suicide} or {@code fence}). */
    SUICIDE("fence");

    private final String text;

    NoQuorumPolicy(String text) {
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
    public static NoQuorumPolicy parse(String text) {
        if (text != null && text.trim().equalsIgnoreCase("suicide")) {
            return SUICIDE;
        }
        return Keyword.parse(NoQuorumPolicy.class, text, "no-quorum-policy");
    }

    @Override
    public String toString() {
        return text;
    }
}
