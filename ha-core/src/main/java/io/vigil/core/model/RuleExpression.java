package io.vigil.core.model;

/** A condition inside a {@link Rule}: a comparison of a node attribute, or a nested rule. */
public sealed interface RuleExpression permits AttributeExpression, Rule {
}
