package io.vigil.core.model;

/**
 * What the cluster does when an operation fails ({@code on-fail}).
 *
 * <p>Default when unset: {@link #RESTART}, except for {@code stop}, where it is {@link #FENCE} with fencing
 * enabled and {@link #BLOCK} without.
 */
public enum OnFail implements Keyword {
    /** Pretend the operation did not fail. */
    IGNORE("ignore"),
    /** Leave the resource as it is and take no further action on it. */
    BLOCK("block"),
    /** Stop the resource and do not start it again elsewhere. */
    STOP("stop"),
    /** Stop and start the resource again (possibly on another node). */
    RESTART("restart"),
    /** Fence the node where the operation failed. */
    FENCE("fence"),
    /** Move every resource off the node where the operation failed. */
    STANDBY("standby"),
    /** Demote a promoted instance rather than fully recovering it. */
    DEMOTE("demote");

    private final String text;

    OnFail(String text) {
        this.text = text;
    }

    /** Pacemaker's spelling. */
    @Override
    public String text() {
        return text;
    }

    /**
     * Parses Pacemaker's spelling, in any letter case.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static OnFail parse(String text) {
        return Keyword.parse(OnFail.class, text, "on-fail");
    }

    @Override
    public String toString() {
        return text;
    }
}
