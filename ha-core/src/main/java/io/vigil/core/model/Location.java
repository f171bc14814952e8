package io.vigil.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Prefers or bans a node for a resource ({@code rsc_location}): either a fixed {@code score} on one
 * {@code node}, or {@code rules} evaluated on each node.
 *
 * @param id       unique id
 * @param resource the resource it applies to
 * @param role     the role it applies to; null = every role (for a promotable clone with
 *                 {@link Role#PROMOTED}: where instances get promoted)
 * @param node     the node, for the fixed form; null with rules
 * @param score    the score for {@code node} (fixed form); ignored with rules
 * @param rules    the rules (rule form); empty for the fixed form
 */
public record Location(String id, String resource, Role role, String node, int score, List<Rule> rules)
        implements Constraint {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Location {
        Objects.requireNonNull(id, "id");
        rules = Copies.list(rules);
    }

    @Override
    public List<String> resourceIds() {
        return resource == null ? List.of() : List.of(resource);
    }
}
