package io.vigil.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a node has run for one resource ({@code lrm_resource}), oldest call first.
 *
 * @param resource   the resource id (for clone instances, the primitive's id, optionally with {@code :N})
 * @param agent      the agent that ran it; null if unknown
 * @param operations the history, sorted by call id
 */
public record ResourceHistory(String resource, AgentType agent, List<OperationRecord> operations) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public ResourceHistory {
        Objects.requireNonNull(resource, "resource");
        operations = operations == null ? List.of()
                : operations.stream().sorted(Comparator.comparingLong(OperationRecord::callId)).toList();
    }
}
