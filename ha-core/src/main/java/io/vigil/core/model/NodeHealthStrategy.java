package io.vigil.core.model;

/**
 * How node health attributes (node attributes whose name starts with {@code #health}) turn into location scores
 * ({@code node-health-strategy}). Default: {@link #NONE}.
 *
 * <p>A health attribute's value is {@code red}, {@code yellow}, {@code green} or an integer score. A node's
 * health is the sum of its health attributes' scores (plus {@link NodeHealth#base()} for {@link #PROGRESSIVE});
 * every top-level resource gets that sum as a location score on the node, unless the sum is negative and the
 * resource has the meta attribute {@code allow-unhealthy-nodes=true}.
 */
public enum NodeHealthStrategy implements Keyword {
    /** Health attributes are ignored (default). */
    NONE("none"),
    /** A red attribute bans the node (red = -INFINITY; yellow and green = 0). */
    MIGRATE_ON_RED("migrate-on-red"),
    /** Only nodes whose attributes are all green run resources (red and yellow = -INFINITY; green = 0). */
    ONLY_GREEN("only-green"),
    /** The configured red/yellow/green scores, summed, plus the configured base score. */
    PROGRESSIVE("progressive"),
    /** The configured red/yellow/green scores, summed. */
    CUSTOM("custom");

    private final String text;

    NodeHealthStrategy(String text) {
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
    public static NodeHealthStrategy parse(String text) {
        return Keyword.parse(NodeHealthStrategy.class, text, "node-health-strategy");
    }

    @Override
    public String toString() {
        return text;
    }
}
