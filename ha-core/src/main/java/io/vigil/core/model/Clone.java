package io.vigil.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Copies of a primitive or group running on several nodes at once; promotable when
 * {@link CloneOptions#promotable()} is set (one or more instances promoted, the others unpromoted).
 *
 * @param id      unique id
 * @param child   the cloned primitive or group
 * @param options clone options
 * @param meta    meta attributes, inherited by the instances
 */
public record Clone(String id, Resource child, CloneOptions options, MetaAttributes meta) implements Resource {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Clone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(child, "child");
        options = options == null ? CloneOptions.DEFAULTS : options;
        meta = meta == null ? MetaAttributes.EMPTY : meta;
    }

    /** True for a promotable clone. */
    public boolean isPromotable() {
        return options.promotable();
    }

    @Override
    public List<Primitive> primitives() {
        return child.primitives();
    }

    @Override
    public List<Resource> children() {
        return List.of(child);
    }
}
