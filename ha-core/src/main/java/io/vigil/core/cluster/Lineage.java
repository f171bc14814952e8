package io.vigil.core.cluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which DC wrote each recent epoch of a CIB, as {@code "<term>/<dc name>"}. Every epoch is written by exactly one
 * DC in one term (a new DC bumps the epoch in its join round), so two copies whose same epoch has different
 * writers have diverged — both sides of a partition changed the CIB — while a copy whose (epoch, writer)
 * appears in the winner's lineage is merely behind. The DC's name is part of the writer because partitions
 * without quorum (no-quorum-policy=ignore) can pick the same term independently. Bounded to the last
 * {@link #MAX} epochs.
 */
final class Lineage {
    static final int MAX = 256;

    private Lineage() {
    }

    /** The writer id of {@code dc} in {@code term}. */
    static String writer(long term, String dc) {
        return term + "/" + dc;
    }

    /** {@code lineage} plus (epoch, writer), trimmed to the newest {@link #MAX} entries. */
    static Map<Long, String> with(Map<Long, String> lineage, long epoch, String writer) {
        TreeMap<Long, String> m = new TreeMap<>(lineage);
        m.put(epoch, writer);
        while (m.size() > MAX) {
            m.pollFirstEntry();
        }
        return m;
    }

    /**
     * True when the copy at {@code epoch}, whose own lineage is {@code other}, is not an ancestor of the copy
     * whose lineage is {@code winner}. Unknown (too old to tell) counts as an ancestor.
     */
    static boolean diverged(Map<Long, String> winner, Map<Long, String> other, long epoch) {
        String otherWriter = other.get(epoch);
        if (otherWriter == null || winner.isEmpty() || epoch < new TreeMap<>(winner).firstKey()) {
            return false;
        }
        return !otherWriter.equals(winner.get(epoch));
    }
}
