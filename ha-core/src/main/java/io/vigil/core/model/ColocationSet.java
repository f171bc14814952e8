package io.vigil.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Colocation of resource sets: within a sequential set every resource is colocated with the one before it (with
 * the one after it in a {@link ResourceSet#listed() listed} set);
 * every set is colocated with the set after it.
 *
 * @param id            unique id
 * @param sets          the sets, at least one
 * @param score         strength and direction
 * @param nodeAttribute as {@link Colocation#nodeAttribute()}
 */
public record ColocationSet(String id, List<ResourceSet> sets, int score, String nodeAttribute) implements Constraint {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public ColocationSet {
        Objects.requireNonNull(id, "id");
        sets = Copies.list(sets);
    }

    @Override
    public List<String> resourceIds() {
        return sets.stream().flatMap(s -> s.resources().stream()).toList();
    }
}
