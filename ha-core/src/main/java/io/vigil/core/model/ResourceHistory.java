package io.vigil.core.model;

import java.util.Arrays;
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
        operations = operations == null ? List.of() : byCallId(operations);
    }

    private static final Comparator<OperationRecord> BY_CALL_ID = Comparator.comparingLong(OperationRecord::callId);

    /**
     * The operations sorted by call id (stable), unmodifiable. Without a stream: an imported CIB builds one history
     * per resource per node (64,000 for 32 nodes x 2,000 resources), most with one or two entries, already sorted.
     */
    private static List<OperationRecord> byCallId(List<OperationRecord> operations) {
        OperationRecord[] sorted = operations.toArray(new OperationRecord[0]);
        for (OperationRecord op : sorted) {
            if (op == null) {
                // List.of refuses nulls: keep exactly what a null entry did before (kept alone, else the sort fails).
                return operations.stream().sorted(BY_CALL_ID).toList();
            }
        }
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i - 1].callId() > sorted[i].callId()) {
                Arrays.sort(sorted, BY_CALL_ID);
                break;
            }
        }
        return List.of(sorted);
    }
}
