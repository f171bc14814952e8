package io.vigil.core.cluster;

import io.vigil.core.model.Cib;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a node keeps on disk.
 *
 * @param term     the highest DC term this node has promised to follow (like a Raft term)
 * @param votedFor the DC it promised that term to, or null
 * @param cibTerm  the term of the DC that wrote {@code cib}; breaks ties between equal CIB versions
 * @param cib      the newest CIB this node accepted
 * @param lineage  for the CIB's recent epochs, the term of the DC that wrote each one (see {@link Lineage})
 */
record DurableState(long term, String votedFor, long cibTerm, Cib cib, Map<Long, String> lineage) {
    DurableState {
        Objects.requireNonNull(cib, "cib");
        lineage = lineage == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(lineage));
    }
}
