package io.vigil.core.model;

import java.util.List;

/**
 * A condition over node attributes, used by rule-based {@link Location} constraints. When it holds for a node,
 * the node gets {@link #score()} (or the value of {@link #scoreAttribute()} on that node).
 *
 * @param id             optional id
 * @param score          the score given to matching nodes (nested rules: ignored); default 0
 * @param scoreAttribute a node attribute whose value is used as the score instead of {@code score}; null = none
 * @param booleanOp      how the expressions combine; default {@link BoolOp#AND}
 * @param role           the role the rule applies to (legacy, prefer the constraint's role); null = any
 * @param expressions    the conditions (an empty rule never matches)
 */
public record Rule(String id, int score, String scoreAttribute, BoolOp booleanOp, Role role,
                   List<RuleExpression> expressions) implements RuleExpression {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Rule {
        booleanOp = booleanOp == null ? BoolOp.AND : booleanOp;
        expressions = Copies.list(expressions);
    }
}
