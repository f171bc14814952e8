package io.vigil.core.model;

import java.util.Objects;

/**
 * The cluster information base: a versioned configuration plus the status. The DC is its only writer.
 *
 * @param version       the version (see {@link CibVersion})
 * @param configuration what the user configured
 * @param status        what the cluster observed
 */
public record Cib(CibVersion version, Configuration configuration, ClusterStatus status) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Cib {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(status, "status");
    }
}
