package io.vigil.core.scheduler;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node's promotion-score attributes ({@code master-<name>}), read once when the node is built: every
 * promotable instance asks every node for its score, so parsing and prefix scans per question would dominate.
 */
final class PromotionScores {
    /** {@link #of} and {@link #firstInstanceOf}: no such attribute. */
    static final int ABSENT = Integer.MIN_VALUE;
    /** {@link #of} and {@link #firstInstanceOf}: the attribute is set but is not a score. */
    static final int INVALID = Integer.MIN_VALUE + 1;

    private static final String PREFIX = "master-";

    /** Name after {@code master-} -> parsed score (or {@link #INVALID}). */
    private final Map<String, Integer> byName = new HashMap<>();
    /**
     * For every {@code <name>:} that starts an attribute name after {@code master-}: the score of the first such
     * attribute in name order (old CIBs keep an anonymous instance's score under its instance number).
     */
    private final Map<String, Integer> firstInstance = new HashMap<>();

    private PromotionScores(Map<String, String> attributes) {
        // Name order decides which instance number's score an anonymous instance takes, whatever the map's order.
        for (Map.Entry<String, String> e : new TreeMap<>(attributes).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String name = key.substring(PREFIX.length());
            Integer value = parse(e.getValue());
            byName.put(name, value);
            for (int i = name.indexOf(':'); i >= 0; i = name.indexOf(':', i + 1)) {
                firstInstance.putIfAbsent(name.substring(0, i), value);
            }
        }
    }

    /** The promotion scores among a node's attributes, or null when it has none. */
    static PromotionScores of(Map<String, String> attributes) {
        for (String k : attributes.keySet()) {
            if (k.startsWith(PREFIX)) {
                return new PromotionScores(attributes);
            }
        }
        return null;
    }

    /** Whether any attribute is {@code master-<name>} or {@code master-<name>:...}. */
    boolean mentions(String name) {
        return byName.containsKey(name) || firstInstance.containsKey(name);
    }

    /** The score of {@code master-<name>}: a score, {@link #ABSENT} or {@link #INVALID}. */
    int of(String name) {
        Integer v = byName.get(name);
        return v == null ? ABSENT : v;
    }

    /** The score of the first {@code master-<name>:...} in name order: a score, {@link #ABSENT} or {@link #INVALID}. */
    int firstInstanceOf(String name) {
        Integer v = firstInstance.get(name);
        return v == null ? ABSENT : v;
    }

    private static Integer parse(String value) {
        Integer s = SchedNode.score(value);
        return s == null ? INVALID : s;
    }
}
