package io.vigil.core.cluster;

/**
 * A change was refused because this node's partition has no quorum (and {@code no-quorum-policy} is not
 * {@code ignore}). The message gives the partition's votes and the votes it needs.
 */
public class NoQuorumException extends ClusterException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused and the vote count */
    public NoQuorumException(String message) {
        super(message);
    }
}
