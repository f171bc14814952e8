package io.vigil.core.cluster;

/**
 * Receives {@link ClusterEvent}s. Called on the node's protocol thread, in order; return quickly and never block.
 */
@FunctionalInterface
public interface ClusterListener {
    /** Called once per event, in the order this node saw them. Exceptions are logged and ignored. */
    void onEvent(ClusterEvent event);
}
