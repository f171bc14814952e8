package io.vigil.core.cluster;

/** A cluster operation could not be carried out; the message says why and what to check. */
public class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in a sentence */
    public ClusterException(String message) {
        super(message);
    }
}
