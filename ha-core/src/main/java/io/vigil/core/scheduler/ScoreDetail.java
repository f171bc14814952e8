package io.vigil.core.scheduler;

import java.util.List;

/**
 * A node's final score for a resource, and the contributions that made it ("why is X on node2?").
 *
 * @param score   the final allocation score
 * @param reasons human-readable contributions, e.g. {@code location prefer-n2: +100}, in the order applied
 */
public record ScoreDetail(int score, List<String> reasons) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public ScoreDetail {
        reasons = List.copyOf(reasons);
    }
}
