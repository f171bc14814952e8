package io.vigil.core.model;

/** How utilization is taken into account ({@code placement-strategy}). Default: {@link #DEFAULT}. */
public enum PlacementStrategy implements Keyword {
    /** Utilization is ignored. */
    DEFAULT("default"),
    /** A node runs a resource only if it has the capacity left for it. */
    UTILIZATION("utilization"),
    /** As utilization, and use as few nodes as possible. */
    MINIMAL("minimal"),
    /** As utilization, and spread the load evenly. */
    BALANCED("balanced");

    private final String text;

    PlacementStrategy(String text) {
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
    public static PlacementStrategy parse(String text) {
        return Keyword.parse(PlacementStrategy.class, text, "placement-strategy");
    }

    @Override
    public String toString() {
        return text;
    }
}
