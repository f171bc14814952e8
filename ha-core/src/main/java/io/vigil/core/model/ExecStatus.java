package io.vigil.core.model;

/** How an operation execution ended, independent of the agent's result code (Pacemaker's {@code op-status}). */
public enum ExecStatus implements Keyword {
    /** The agent ran and returned its result code. */
    DONE("done"),
    /** The operation has not finished yet. */
    PENDING("pending"),
    /** A recurring operation was cancelled. */
    CANCELLED("cancelled"),
    /** The agent did not return before the operation's timeout. */
    TIMEOUT("timeout"),
    /** The agent does not support the operation. */
    NOT_SUPPORTED("not-supported"),
    /** The execution failed (a soft error). */
    ERROR("error"),
    /** A hard error: the resource must not run on this node. */
    ERROR_HARD("error-hard"),
    /** A fatal error: the resource must not run anywhere. */
    ERROR_FATAL("error-fatal"),
    /** The agent is not installed on the node. */
    NOT_INSTALLED("not-installed");

    private final String text;

    ExecStatus(String text) {
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
    public static ExecStatus parse(String text) {
        return Keyword.parse(ExecStatus.class, text, "op-status");
    }

    @Override
    public String toString() {
        return text;
    }
}
