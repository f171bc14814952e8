package io.vigil.core.model;

import java.util.Objects;

/**
 * Compares a node attribute with a value, e.g. {@code #uname eq node1} or {@code ram gte 64}.
 *
 * <p>Built-in attributes: {@code #uname} (node name), {@code #id} (node id, see {@link NodeDefinition#id()}),
 * {@code #kind} ({@code cluster}), {@code #is_dc}.
 *
 * @param attribute the node attribute name
 * @param operator  the comparison
 * @param value     the value to compare with; null for {@code defined}/{@code not_defined}
 * @param type      how to compare; null = text for {@code eq}/{@code ne}, else number when both sides are
 *                  numbers, else text (see {@link ValueType})
 */
public record AttributeExpression(String attribute, ExpressionOperator operator, String value, ValueType type)
        implements RuleExpression {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public AttributeExpression {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(operator, "operator");
    }
}
