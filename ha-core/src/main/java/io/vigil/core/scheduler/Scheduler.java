package io.vigil.core.scheduler;

import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import java.time.Instant;

/**
 * The policy engine: a pure, deterministic function from (configuration, status, now) to the intended
 * placement and the transition graph that gets there. No threads, clocks or I/O; the same input always gives
 * the same output.
 */
public final class Scheduler {
    private Scheduler() {
    }

    /**
     * Computes the next transition.
     *
     * @param configuration a valid configuration
     * @param status        what the cluster observed
     * @param now           the time failure timeouts and time-based rules are evaluated against
     * @return the placement, the transition graph, the transition summary and the scores
     */
    public static SchedulerResult schedule(Configuration configuration, ClusterStatus status, Instant now) {
        throw new UnsupportedOperationException("scheduler not implemented yet");
    }
}
