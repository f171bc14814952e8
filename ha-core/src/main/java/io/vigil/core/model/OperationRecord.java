package io.vigil.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a node's operation history for a resource ({@code lrm_rsc_op}): what was run, and how it ended.
 *
 * @param operation    operation name ({@code start}, {@code monitor}, ...)
 * @param interval     zero for one-off operations and probes; the interval of a recurring monitor
 * @param callId       increasing per node; orders the history (the last call decides the current state)
 * @param rc           the agent's result code (see {@link ResultCode})
 * @param expectedRc   the code the cluster expected (7 for a probe of something believed stopped); a
 *                     different {@code rc} is a failure
 * @param status       how the execution ended
 * @param lastRun      when it last ran; null if unknown
 * @param lastRcChange when its result last changed; null if unknown
 * @param execTime     how long it took; null if unknown
 * @param digests      fingerprints of the parameters it ran with, to notice a changed resource definition; null
 *                     (the default) when not recorded: then a changed definition restarts nothing
 */
public record OperationRecord(String operation, Duration interval, long callId, int rc, int expectedRc,
                              ExecStatus status, Instant lastRun, Instant lastRcChange, Duration execTime,
                              ParameterDigests digests) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public OperationRecord {
        Objects.requireNonNull(operation, "operation");
        interval = interval == null ? Duration.ZERO : interval;
        status = status == null ? ExecStatus.DONE : status;
    }

    /** A record without parameter digests (see the canonical constructor for the components). */
    public OperationRecord(String operation, Duration interval, long callId, int rc, int expectedRc,
                           ExecStatus status, Instant lastRun, Instant lastRcChange, Duration execTime) {
        this(operation, interval, callId, rc, expectedRc, status, lastRun, lastRcChange, execTime, null);
    }

    /** A copy carrying these parameter digests (null: none). */
    public OperationRecord withDigests(ParameterDigests newDigests) {
        return new OperationRecord(operation, interval, callId, rc, expectedRc, status, lastRun, lastRcChange,
                execTime, newDigests);
    }

    /** A probe: a non-recurring monitor. */
    public boolean isProbe() {
        return operation.equals("monitor") && interval.isZero();
    }

    /** True when it ended otherwise than expected. */
    public boolean isFailure() {
        return status != ExecStatus.DONE && status != ExecStatus.CANCELLED && status != ExecStatus.PENDING
                || status == ExecStatus.DONE && rc != expectedRc;
    }

    /** Pacemaker's key: {@code name_intervalMs}. */
    public String key() {
        return operation + "_" + interval.toMillis();
    }
}
