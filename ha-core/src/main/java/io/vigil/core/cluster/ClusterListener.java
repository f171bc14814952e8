package io.vigil.core.cluster;

/**
 * Receives {@link ClusterEvent}s. Called on the node's protocol thread, in order; return quickly and never block.
 */
@FunctionalInterface
public interface ClusterListener {
    void onEvent(ClusterEvent event);
}
