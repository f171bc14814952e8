package io.vigil.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Primitives that run together on one node, started in order and stopped in reverse order. Each member is
 * implicitly colocated with, and ordered after, the member before it.
 *
 * @param id      unique id
 * @param members the primitives, in start order
 * @param meta    meta attributes, inherited by the members
 */
public record Group(String id, List<Primitive> members, MetaAttributes meta) implements Resource {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Group {
        Objects.requireNonNull(id, "id");
        members = Copies.list(members);
        meta = meta == null ? MetaAttributes.EMPTY : meta;
    }

    @Override
    public List<Primitive> primitives() {
        return members;
    }

    @Override
    public List<Resource> children() {
        return List.copyOf(members);
    }
}
