package io.vigil.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How often an operation of a resource has failed on a node, and when it last did
 * ({@code fail-count-RSC#OP_INTERVAL} and {@code last-failure-RSC#OP_INTERVAL}).
 *
 * @param resource    the resource id
 * @param operation   the failed operation's name
 * @param interval    the failed operation's interval
 * @param count       the number of failures, INFINITY (1,000,000) when fatal
 * @param lastFailure when it last failed; null if unknown
 */
public record FailCount(String resource, String operation, Duration interval, int count, Instant lastFailure) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public FailCount {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(operation, "operation");
        interval = interval == null ? Duration.ZERO : interval;
    }
}
