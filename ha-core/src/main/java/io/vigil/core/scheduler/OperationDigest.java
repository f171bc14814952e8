package io.vigil.core.scheduler;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.Primitive;

import java.time.Duration;
import java.util.Objects;

/**
 * The parameter digest an operation runs with, computed as Pacemaker computes {@code op-digest}: what whoever
 * records an operation (an executor, or a tool writing a CIB) stores in
 * {@link io.vigil.core.model.ParameterDigests#all()}, so that the scheduler sees the resource's definition as
 * unchanged until it really changes.
 */
public final class OperationDigest {
    private OperationDigest() {
    }

    /**
     * The digest (32 lowercase hex digits, MD5) of the parameters operation {@code task} with {@code interval}
     * of {@code primitive} runs with in {@code configuration}: the primitive's parameters, the configured
     * operation's own on top, and for a recurring operation its timeout (its own, else the operation defaults',
     * else 20 s).
     *
     * @param configuration the configuration the primitive belongs to (for the operation defaults)
     * @param primitive     the resource
     * @param task          operation name, e.g. {@code start} or {@code monitor}
     * @param interval      0 for a one-off operation
     * @return the digest Pacemaker would record
     */
    public static String of(Configuration configuration, Primitive primitive, String task, Duration interval) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(primitive, "primitive");
        Objects.requireNonNull(task, "task");
        return Digests.current(configuration, primitive, task, interval == null ? Duration.ZERO : interval);
    }
}
