package io.vigil.core.cluster;

/** The protocol's clock. Timer callbacks run on the protocol's single thread. */
interface Timers {
    /** Milliseconds on a monotonic clock. */
    long now();

    /** Runs {@code task} once after {@code delayMs} milliseconds, unless cancelled. */
    Cancellable schedule(long delayMs, Runnable task);

    /** A scheduled task. */
    interface Cancellable {
        void cancel();
    }
}
