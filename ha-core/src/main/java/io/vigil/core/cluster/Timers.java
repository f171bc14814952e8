package io.vigil.core.cluster;

/** The protocol's clock. Timer callbacks run on the protocol's single thread. */
interface Timers {
    /** Milliseconds on a monotonic clock. */
    long now();

    /**
     * Wall-clock time, handed to the scheduler (failure timeouts, time-based rules). The simulation derives it
     * from its virtual time, so a seeded run plans the same transitions.
     */
    java.time.Instant wallClock();

    /** Runs {@code task} once after {@code delayMs} milliseconds, unless cancelled. */
    Cancellable schedule(long delayMs, Runnable task);

    /** A scheduled task. */
    interface Cancellable {
        void cancel();
    }
}
