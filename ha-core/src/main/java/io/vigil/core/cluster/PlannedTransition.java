package io.vigil.core.cluster;

import io.vigil.core.model.CibVersion;
import io.vigil.core.scheduler.SchedulerResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A transition the acting DC computed with the {@link io.vigil.core.scheduler.Scheduler} for one committed CIB.
 * It is published ({@link ClusterEvent.Type#TRANSITION_PLANNED}, {@link ClusterSnapshot#plannedTransition()},
 * {@link ClusterNode#plannedTransition()}), not carried out: running agent operations is a later layer.
 *
 * @param dc         the DC that computed it (this node)
 * @param term       the DC's term
 * @param cibVersion the committed CIB version it was computed from
 * @param quorate    the quorum state handed to the scheduler ({@code ClusterStatus.quorate})
 * @param now        the wall-clock time handed to the scheduler (failure timeouts, time-based rules)
 * @param result     the scheduler's output: placement, transition graph, summary and scores
 */
public record PlannedTransition(String dc, long term, CibVersion cibVersion, boolean quorate, Instant now,
                                SchedulerResult result) {
    /** Checks that no component is null. */
    public PlannedTransition {
        Objects.requireNonNull(dc, "dc");
        Objects.requireNonNull(cibVersion, "cibVersion");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(result, "result");
    }

    /** The transition summary, one line per action in Pacemaker's format ({@code Start web ( n2 )}); may be empty. */
    public List<String> summary() {
        return result.summary();
    }

    /** The summary on one line, lines separated by {@code "; "}, or {@code "no actions"} when it is empty. */
    public String summaryText() {
        return result.summary().isEmpty() ? "no actions" : String.join("; ", result.summary());
    }
}
