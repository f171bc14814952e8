package io.vigil.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Places {@code resource} relative to {@code withResource} ({@code rsc_colocation}). A positive score draws it to
 * the node where {@code withResource} runs, a negative one pushes it away; with ±INFINITY it is mandatory:
 * {@code resource} runs only where (or only where not) {@code withResource} runs, and is placed after it.
 *
 * @param id           unique id
 * @param resource     the dependent resource (placed second)
 * @param withResource the resource it follows (placed first)
 * @param score        strength and direction
 * @param resourceRole the role of {@code resource} it applies to; null = any
 * @param withRole     the role of {@code withResource} it applies to; null = any
 * @param nodeAttribute colocate on nodes sharing this attribute's value; null = {@code #uname} (the same node)
 */
public record Colocation(String id, String resource, String withResource, int score, Role resourceRole,
                         Role withRole, String nodeAttribute) implements Constraint {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Colocation {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public List<String> resourceIds() {
        return List.of(resource, withResource);
    }
}
