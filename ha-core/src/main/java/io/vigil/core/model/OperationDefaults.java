package io.vigil.core.model;

import java.time.Duration;

/**
 * Defaults for every operation that does not set the field itself ({@code op_defaults}).
 *
 * @param timeout default operation timeout; null = 20 s ({@link Operation#DEFAULT_TIMEOUT})
 * @param onFail  default on-fail; null = Pacemaker's per-operation default (see {@link OnFail})
 * @param enabled default enabled flag; null = true
 */
public record OperationDefaults(Duration timeout, OnFail onFail, Boolean enabled) {
    /** Nothing set. */
    public static final OperationDefaults EMPTY = new OperationDefaults(null, null, null);

    /** The timeout an operation without one gets. */
    public Duration timeoutOrDefault() {
        return timeout == null ? Operation.DEFAULT_TIMEOUT : timeout;
    }
}
