package io.vigil.core.scheduler;

import io.vigil.core.model.Role;

/**
 * One active instance of a leaf primitive on a node.
 *
 * @param resource the primitive's configured id (for clone instances: without the {@code :N} suffix)
 * @param instance the instance id ({@code rsc} for a plain primitive, {@code rsc:N} for a clone instance)
 * @param node     the node it runs on
 * @param role     {@link Role#STARTED}, {@link Role#PROMOTED} or {@link Role#UNPROMOTED}
 * @param failed   true when the instance is active but failed (shown FAILED by Pacemaker)
 */
public record InstancePlacement(String resource, String instance, String node, Role role, boolean failed) {
}
