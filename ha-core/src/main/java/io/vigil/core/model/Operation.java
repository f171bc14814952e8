package io.vigil.core.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An operation a resource agent performs: {@code start}, {@code stop}, {@code monitor}, {@code promote},
 * {@code demote}, {@code notify} (others, like {@code reload}, are allowed for agents that support them).
 *
 * @param name     the operation name, e.g. {@code monitor}
 * @param interval how often a recurring operation runs; {@link Duration#ZERO} (the default) for a one-off
 * @param timeout  how long the agent may take before the operation counts as failed; null = the
 *                 operation defaults' timeout, else 20 s
 * @param role     for monitors: the role this monitor applies to; null = any role
 * @param onFail   what to do when the operation fails; null = Pacemaker's default (see {@link OnFail})
 * @param enabled  false disables the operation (a disabled recurring monitor is not scheduled); default true
 * @param parameters agent parameters for this operation only, added to the resource's (Pacemaker's
 *                 {@code instance_attributes} inside an {@code op}; sorted by name); default none
 */
public record Operation(String name, Duration interval, Duration timeout, Role role, OnFail onFail, boolean enabled,
                        Map<String, String> parameters) {
    /** The timeout used when neither the operation nor the operation defaults set one: 20 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Operation {
        Objects.requireNonNull(name, "name");
        interval = interval == null ? Duration.ZERO : interval;
        parameters = Copies.sortedMap(parameters);
    }

    /** An operation without parameters of its own (see the canonical constructor for the components). */
    public Operation(String name, Duration interval, Duration timeout, Role role, OnFail onFail, boolean enabled) {
        this(name, interval, timeout, role, onFail, enabled, null);
    }

    /** A recurring monitor with the given interval, any role, default timeout. */
    public static Operation monitor(Duration interval) {
        return new Operation("monitor", interval, null, null, null, true);
    }

    /** True when this operation repeats (interval &gt; 0). */
    public boolean isRecurring() {
        return interval.compareTo(Duration.ZERO) > 0;
    }

    /** Pacemaker's key for this operation: {@code name_intervalMs}, e.g. {@code monitor_10000}. */
    public String key() {
        return name + "_" + interval.toMillis();
    }
}
