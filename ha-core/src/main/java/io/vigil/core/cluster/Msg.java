package io.vigil.core.cluster;

import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.Problem;
import java.util.List;
import java.util.Map;

/** The protocol's messages. Every message a DC sends carries its view id and term; stale ones are ignored. */
sealed interface Msg {
    /** The view the sender was in when it sent this. */
    long viewId();

    /** DC -> members: a new DC opens a join round for {@code term}. */
    record JoinRequest(long viewId, long term) implements Msg {
    }

    /**
     * Member -> DC: its answer to a join round. When {@code ok} is false, {@code term} is the member's (higher)
     * term. {@code cib} is null when the member's stored CIB was corrupt.
     */
    record JoinReply(long viewId, long term, boolean ok, Cib cib, long cibTerm, NodeStatus local,
                     Map<Long, String> lineage) implements Msg {
        public JoinReply {
            lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
        }
    }

    /** DC -> members: the CIB as of this version; persist it and acknowledge. */
    record Replicate(long viewId, long term, Cib cib, Map<Long, String> lineage) implements Msg {
        public Replicate {
            lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
        }
    }

    /** Member -> DC: {@code version} of {@code term} is durable here. */
    record Ack(long viewId, long term, CibVersion version) implements Msg {
    }

    /**
     * Any node -> DC: replace the configuration. {@code base} is the version the change was computed from (the
     * change is refused as a conflict if the configuration moved on since), or null for an unconditional replace.
     */
    record Submit(long viewId, String requestId, CibVersion base, Configuration configuration) implements Msg {
    }

    /** DC -> submitter: how a {@link Submit} ended. */
    record Result(long viewId, String requestId, Outcome outcome, CibVersion version, Configuration current,
                  List<Problem> problems, String error) implements Msg {
    }

    /** A node announces a clean shutdown, so it becomes offline rather than unclean. */
    record Leaving(long viewId, String node) implements Msg {
    }

    /** How a submitted change ended. */
    enum Outcome {
        COMMITTED, REJECTED, CONFLICT, NO_QUORUM
    }
}
