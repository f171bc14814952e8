package io.vigil.pacemaker;

import io.vigil.core.model.Cib;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of importing a Pacemaker CIB.
 *
 * @param cib           the configuration and status in Vigil's model
 * @param executionDate the CIB's {@code execution-date} (the "now" Pacemaker's regression tests run at);
 *                      empty when the CIB has none, in which case the wall clock is "now"
 * @param warnings      what was ignored because it does not change scheduling (e.g. {@code fencing-topology},
 *                      unknown cluster options), one sentence each, in document order
 */
public record ImportedCib(Cib cib, Optional<Instant> executionDate, List<String> warnings) {
    public ImportedCib {
        Objects.requireNonNull(cib, "cib");
        executionDate = executionDate == null ? Optional.empty() : executionDate;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The time to schedule at: the execution date when the CIB has one, else {@code fallback}. */
    public Instant nowOr(Instant fallback) {
        return executionDate.orElse(fallback);
    }
}
