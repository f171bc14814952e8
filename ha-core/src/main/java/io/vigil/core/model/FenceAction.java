package io.vigil.core.model;

/** What fencing does to a node ({@code stonith-action}). Default: {@link #REBOOT}. */
public enum FenceAction implements Keyword {
    /** Power-cycle the node. */
    REBOOT("reboot"),
    /** Power the node off. */
    OFF("off"),
    /** Power the node on (unfencing). */
    ON("on");

    private final String text;

    FenceAction(String text) {
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
    public static FenceAction parse(String text) {
        return Keyword.parse(FenceAction.class, text, "stonith-action");
    }

    @Override
    public String toString() {
        return text;
    }
}
