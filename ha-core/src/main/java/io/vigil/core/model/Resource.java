package io.vigil.core.model;

import java.util.List;

/**
 * A resource the cluster manages: a {@link Primitive}, a {@link Group} of primitives, or a {@link Clone}
 * (of a primitive or a group; promotable when its options say so).
 */
public sealed interface Resource permits Primitive, Group, Clone {
    /** Unique id across every resource and constraint. */
    String id();

    /** This resource's own meta attributes (not inherited ones). */
    MetaAttributes meta();

    /** The primitives inside this resource, in configuration order (itself for a primitive). */
    List<Primitive> primitives();

    /** The resources directly inside this one (members of a group, the child of a clone). */
    List<Resource> children();
}
