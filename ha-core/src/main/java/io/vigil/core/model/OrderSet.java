package io.vigil.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Ordering of resource sets: within a sequential set each resource comes after the one before it; every set
 * comes after the set before it.
 *
 * @param id          unique id
 * @param sets        the sets, at least one
 * @param kind        how strictly; default {@link OrderKind#MANDATORY}
 * @param symmetrical as {@link Order#symmetrical()}
 */
public record OrderSet(String id, List<ResourceSet> sets, OrderKind kind, Boolean symmetrical) implements Constraint {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public OrderSet {
        Objects.requireNonNull(id, "id");
        sets = Copies.list(sets);
        kind = kind == null ? OrderKind.MANDATORY : kind;
    }

    /** Effective symmetrical flag. */
    public boolean isSymmetrical() {
        return symmetrical != null ? symmetrical : kind != OrderKind.SERIALIZE;
    }

    @Override
    public List<String> resourceIds() {
        return sets.stream().flatMap(s -> s.resources().stream()).toList();
    }
}
