package io.vigil.core.model;

import java.util.Objects;

/**
 * Node health options ({@code node-health-*} cluster options); see {@link NodeHealthStrategy} for how they are
 * applied. {@link #DEFAULTS} holds Pacemaker's defaults.
 *
 * @param strategy the strategy; default {@link NodeHealthStrategy#NONE}
 * @param red      score of a {@code red} health attribute for {@link NodeHealthStrategy#PROGRESSIVE} and
 *                 {@link NodeHealthStrategy#CUSTOM}; default -INFINITY
 * @param yellow   score of a {@code yellow} attribute for progressive and custom; default 0
 * @param green    score of a {@code green} attribute for progressive and custom; default 0
 * @param base     score every node starts from under progressive (ignored by the others); default 0
 */
public record NodeHealth(NodeHealthStrategy strategy, int red, int yellow, int green, int base) {
    /** Pacemaker's defaults: strategy none. */
    public static final NodeHealth DEFAULTS = new NodeHealth(NodeHealthStrategy.NONE, -Score.INFINITY, 0, 0, 0);

    /** Checks required components and clamps the scores to ±INFINITY. */
    public NodeHealth {
        Objects.requireNonNull(strategy, "strategy");
        red = Score.clamp(red);
        yellow = Score.clamp(yellow);
        green = Score.clamp(green);
        base = Score.clamp(base);
    }

    /** The score the strategy gives {@code red}: -INFINITY for migrate-on-red and only-green, 0 for none. */
    public int redScore() {
        return switch (strategy) {
            case NONE -> 0;
            case MIGRATE_ON_RED, ONLY_GREEN -> -Score.INFINITY;
            case PROGRESSIVE, CUSTOM -> red;
        };
    }

    /** The score the strategy gives {@code yellow}: -INFINITY for only-green, 0 for none and migrate-on-red. */
    public int yellowScore() {
        return switch (strategy) {
            case NONE, MIGRATE_ON_RED -> 0;
            case ONLY_GREEN -> -Score.INFINITY;
            case PROGRESSIVE, CUSTOM -> yellow;
        };
    }

    /** The score the strategy gives {@code green}: 0 except for progressive and custom. */
    public int greenScore() {
        return strategy == NodeHealthStrategy.PROGRESSIVE || strategy == NodeHealthStrategy.CUSTOM ? green : 0;
    }

    /** The score every node starts from: {@link #base()} under progressive, else 0. */
    public int baseScore() {
        return strategy == NodeHealthStrategy.PROGRESSIVE ? base : 0;
    }
}
