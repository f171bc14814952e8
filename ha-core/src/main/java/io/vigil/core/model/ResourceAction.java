package io.vigil.core.model;

/** An action on a resource, as named in operations and order constraints. */
public enum ResourceAction implements Keyword {
    START("start"),
    STOP("stop"),
    MONITOR("monitor"),
    PROMOTE("promote"),
    DEMOTE("demote"),
    NOTIFY("notify");

    private final String text;

    ResourceAction(String text) {
        this.text = text;
    }

    /** Pacemaker's spelling, e.g. {@code start}. */
    @Override
    public String text() {
        return text;
    }

    /** The action that undoes this one (start/stop, promote/demote); itself for the others. */
    public ResourceAction inverse() {
        return switch (this) {
            case START -> STOP;
            case STOP -> START;
            case PROMOTE -> DEMOTE;
            case DEMOTE -> PROMOTE;
            default -> this;
        };
    }

    /**
     * Parses Pacemaker's spelling, in any letter case.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static ResourceAction parse(String text) {
        return Keyword.parse(ResourceAction.class, text, "action");
    }

    @Override
    public String toString() {
        return text;
    }
}
