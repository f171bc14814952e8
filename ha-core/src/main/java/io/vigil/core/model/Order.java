package io.vigil.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Runs an action of {@code then} after an action of {@code first} ({@code rsc_order}).
 *
 * @param id          unique id
 * @param first       the resource whose action comes first
 * @param firstAction its action; default {@link ResourceAction#START}
 * @param then        the resource whose action comes after
 * @param thenAction  its action; default: the same as {@code firstAction}
 * @param kind        how strictly; default {@link OrderKind#MANDATORY}
 * @param symmetrical whether the inverse order applies to the inverse actions (stop then before first);
 *                    null = true, except for {@link OrderKind#SERIALIZE} (false)
 */
public record Order(String id, String first, ResourceAction firstAction, String then, ResourceAction thenAction,
                    OrderKind kind, Boolean symmetrical) implements Constraint {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Order {
        Objects.requireNonNull(id, "id");
        firstAction = firstAction == null ? ResourceAction.START : firstAction;
        thenAction = thenAction == null ? firstAction : thenAction;
        kind = kind == null ? OrderKind.MANDATORY : kind;
    }

    /** Effective symmetrical flag. */
    public boolean isSymmetrical() {
        return symmetrical != null ? symmetrical : kind != OrderKind.SERIALIZE;
    }

    @Override
    public List<String> resourceIds() {
        return List.of(first, then);
    }
}
