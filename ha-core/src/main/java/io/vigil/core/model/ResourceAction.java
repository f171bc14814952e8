package io.vigil.core.model;

/** An action on a resource, as named in operations and order constraints. */
public enum ResourceAction implements Keyword {
    /** Start the resource. */
    START("start"),
    /** Stop the resource. */
    STOP("stop"),
    /** Check the resource (interval 0: a probe). */
    MONITOR("monitor"),
    /** Promote an instance of a promotable clone. */
    PROMOTE("promote"),
    /** Demote a promoted instance. */
    DEMOTE("demote"),
    /** Tell clone instances about their peers' actions. */
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
