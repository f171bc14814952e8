package io.vigil.core.model;

/** What to do when a resource is found active on more than one node ({@code multiple-active}). Default: {@link #STOP_START}. */
public enum MultipleActive implements Keyword {
    /** Mark the resource unmanaged. */
    BLOCK("block"),
    /** Stop every active instance and leave it stopped. */
    STOP_ONLY("stop_only"),
    /** Stop every active instance and start it on one node (default). */
    STOP_START("stop_start"),
    /** Stop only the unexpected instances. */
    STOP_UNEXPECTED("stop_unexpected");

    private final String text;

    MultipleActive(String text) {
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
    public static MultipleActive parse(String text) {
        return Keyword.parse(MultipleActive.class, text, "multiple-active");
    }

    @Override
    public String toString() {
        return text;
    }
}
