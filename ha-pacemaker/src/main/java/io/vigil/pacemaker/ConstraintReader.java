package io.vigil.pacemaker;

import io.vigil.core.model.AttributeExpression;
import io.vigil.core.model.BoolOp;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.ColocationSet;
import io.vigil.core.model.Constraint;
import io.vigil.core.model.ExpressionOperator;
import io.vigil.core.model.Location;
import io.vigil.core.model.Order;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.OrderSet;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.Role;
import io.vigil.core.model.Rule;
import io.vigil.core.model.RuleExpression;
import io.vigil.core.model.ValueType;


import java.util.ArrayList;
import java.util.List;

/** Reads {@code constraints}: locations (with rules), colocations and orders, in simple and resource-set form. */
final class ConstraintReader {
    private final ImportContext ctx;

    ConstraintReader(ImportContext ctx) {
        this.ctx = ctx;
    }

    List<Constraint> constraints(XmlElement constraints) {
        List<Constraint> out = new ArrayList<>();
        if (constraints == null) {
            return out;
        }
        for (XmlElement e : CibXml.children(constraints)) {
            e = ctx.resolve(e);
            out.add(switch (e.getTagName()) {
                case "rsc_location" -> location(e);
                case "rsc_colocation" -> colocation(e);
                case "rsc_order" -> order(e);
                case "rsc_ticket" -> throw ctx.unsupported(e, "tickets (multi-site clusters) are not supported");
                default -> throw ctx.unsupported(e, "unknown constraint element");
            });
        }
        return out;
    }

    private Location location(XmlElement e) {
        String id = ctx.required(e, "id");
        if (CibXml.attr(e, "rsc-pattern") != null) {
            throw ctx.unsupported(e, "rsc-pattern (regular expressions over resource ids) is not supported");
        }
        if (!CibXml.children(e, "resource_set").isEmpty()) {
            throw ctx.unsupported(e, "location constraints over resource sets are not supported");
        }
        if (!CibXml.children(e, "lifetime").isEmpty()) {
            throw ctx.unsupported(e, "constraint lifetimes (date-based) are not supported");
        }
        String discovery = CibXml.attr(e, "resource-discovery");
        if (discovery != null && !discovery.trim().equalsIgnoreCase("always")) {
            throw ctx.unsupported(e, "resource-discovery=" + discovery + " (Vigil always probes)");
        }
        String rsc = ctx.required(e, "rsc");
        Role role = CibXml.attr(e, "role") == null ? null : ctx.role(e, "role", CibXml.attr(e, "role"));
        String node = CibXml.attr(e, "node");
        List<XmlElement> ruleElements = CibXml.children(e, "rule");
        if (node != null) {
            if (!ruleElements.isEmpty()) {
                throw ctx.error(e, "has both a node and rules; use one or the other");
            }
            String score = CibXml.attr(e, "score");
            if (score == null) {
                throw ctx.error(e, "a location with a node needs a score");
            }
            return new Location(id, rsc, role, node, ctx.score(e, "score", score), List.of());
        }
        if (ruleElements.isEmpty()) {
            throw ctx.error(e, "a location needs a node and a score, or rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (XmlElement r : ruleElements) {
            rules.add(rule(ctx.resolve(r)));
        }
        return new Location(id, rsc, role, null, 0, rules);
    }

    private Rule rule(XmlElement e) {
        String scoreText = CibXml.attr(e, "score");
        int score = scoreText == null ? 0 : ctx.score(e, "score", scoreText);
        String scoreAttribute = CibXml.attr(e, "score-attribute");
        String op = CibXml.attr(e, "boolean-op");
        BoolOp boolOp = op == null ? null : ctx.parse(e, "boolean-op", op, BoolOp::parse);
        Role role = CibXml.attr(e, "role") == null ? null : ctx.role(e, "role", CibXml.attr(e, "role"));
        List<RuleExpression> expressions = new ArrayList<>();
        for (XmlElement c : CibXml.children(e)) {
            c = ctx.resolve(c);
            switch (c.getTagName()) {
                case "expression" -> expressions.add(expression(c));
                case "rule" -> expressions.add(rule(c));
                case "date_expression" -> throw ctx.unsupported(c, "date expressions are not supported");
                case "rsc_expression", "op_expression" ->
                        throw ctx.unsupported(c, "resource and operation expressions are not supported");
                default -> throw ctx.unsupported(c, "unknown rule element");
            }
        }
        return new Rule(CibXml.attr(e, "id"), score, scoreAttribute, boolOp, role, expressions);
    }

    private AttributeExpression expression(XmlElement e) {
        String source = CibXml.attr(e, "value-source");
        if (source != null && !source.trim().equalsIgnoreCase("literal")) {
            throw ctx.unsupported(e, "value-source=" + source + " (values from resource parameters)");
        }
        String attribute = ctx.required(e, "attribute");
        ExpressionOperator operator = ctx.parse(e, "operation", ctx.required(e, "operation"),
                ExpressionOperator::parse);
        String type = CibXml.attr(e, "type");
        ValueType valueType = type == null ? null : ctx.parse(e, "type", type, ValueType::parse);
        return new AttributeExpression(attribute, operator, CibXml.attr(e, "value"), valueType);
    }

    private Constraint colocation(XmlElement e) {
        String id = ctx.required(e, "id");
        for (String a : List.of("rsc-instance", "with-rsc-instance")) {
            if (CibXml.attr(e, a) != null) {
                throw ctx.unsupported(e, a + " (colocation with one clone instance) is not supported");
            }
        }
        String influence = CibXml.attr(e, "influence");
        if (influence != null && !ctx.bool(e, "influence", influence)) {
            throw ctx.unsupported(e, "influence=false is not supported");
        }
        String scoreText = CibXml.attr(e, "score");
        // Pacemaker reads a missing score as 0, which makes the colocation have no effect.
        int score = scoreText == null ? 0 : ctx.score(e, "score", scoreText);
        String nodeAttribute = CibXml.attr(e, "node-attribute");
        List<XmlElement> sets = CibXml.children(e, "resource_set");
        if (!sets.isEmpty()) {
            return new ColocationSet(id, resourceSets(sets, false), score, nodeAttribute);
        }
        return new Colocation(id, ctx.required(e, "rsc"), ctx.required(e, "with-rsc"), score,
                optionalRole(e, "rsc-role"), optionalRole(e, "with-rsc-role"), nodeAttribute);
    }

    private Role optionalRole(XmlElement e, String attribute) {
        String v = CibXml.attr(e, attribute);
        return v == null ? null : ctx.role(e, attribute, v);
    }

    private Constraint order(XmlElement e) {
        String id = ctx.required(e, "id");
        for (String a : List.of("first-instance", "then-instance")) {
            if (CibXml.attr(e, a) != null) {
                throw ctx.unsupported(e, a + " (ordering one clone instance) is not supported");
            }
        }
        OrderKind kind = orderKind(e);
        String sym = CibXml.attr(e, "symmetrical");
        Boolean symmetrical = sym == null ? null : ctx.bool(e, "symmetrical", sym);
        List<XmlElement> sets = CibXml.children(e, "resource_set");
        if (!sets.isEmpty()) {
            return new OrderSet(id, resourceSets(sets, true), kind, symmetrical);
        }
        String first = ctx.required(e, "first");
        String then = ctx.required(e, "then");
        ResourceAction firstAction = optionalAction(e, "first-action");
        ResourceAction thenAction = optionalAction(e, "then-action");
        String all = CibXml.attr(e, "require-all");
        if (all != null && !ctx.bool(e, "require-all", all)) {
            // Pacemaker reads require-all=false on a simple order as clone-min=1: the then-action may run once one
            // instance of first has, through a one-or-more pseudo-action (never interleaved). That is exactly an
            // order set whose first set does not require all.
            ResourceAction fa = firstAction == null ? ResourceAction.START : firstAction;
            ResourceAction ta = thenAction == null ? fa : thenAction;
            return new OrderSet(id, List.of(new ResourceSet(id + "-first", List.of(first), false, false, null, fa),
                    new ResourceSet(id + "-then", List.of(then), true, true, null, ta)), kind, symmetrical);
        }
        return new Order(id, first, firstAction, then, thenAction, kind, symmetrical);
    }

    private OrderKind orderKind(XmlElement e) {
        String kind = CibXml.attr(e, "kind");
        if (kind != null) {
            return ctx.parse(e, "kind", kind, OrderKind::parse);
        }
        String score = CibXml.attr(e, "score");
        if (score != null) {
            // Legacy form: score 0 is optional, any other score mandatory.
            return ctx.score(e, "score", score) == 0 ? OrderKind.OPTIONAL : OrderKind.MANDATORY;
        }
        return null;
    }

    private ResourceAction optionalAction(XmlElement e, String attribute) {
        String v = CibXml.attr(e, attribute);
        return v == null ? null : ctx.parse(e, attribute, v, ResourceAction::parse);
    }

    private List<ResourceSet> resourceSets(List<XmlElement> sets, boolean ordering) {
        List<ResourceSet> out = new ArrayList<>();
        for (XmlElement s : sets) {
            s = ctx.resolve(s);
            List<String> members = new ArrayList<>();
            for (XmlElement ref : CibXml.children(s, "resource_ref")) {
                members.add(ctx.required(ref, "id"));
            }
            String seq = CibXml.attr(s, "sequential");
            String all = CibXml.attr(s, "require-all");
            if (CibXml.attr(s, "score") != null) {
                throw ctx.unsupported(s, "a score on a resource set (put it on the constraint)");
            }
            if (CibXml.attr(s, "kind") != null) {
                throw ctx.unsupported(s, "a kind on a resource set (put it on the constraint)");
            }
            if (!ordering && all != null) {
                ctx.warn(s, "ignored require-all on a colocation set (it applies to orders only)");
            }
            out.add(new ResourceSet(CibXml.attr(s, "id"), members,
                    seq == null || ctx.bool(s, "sequential", seq),
                    all == null || ctx.bool(s, "require-all", all),
                    optionalRole(s, "role"), optionalAction(s, "action")));
        }
        return out;
    }
}
