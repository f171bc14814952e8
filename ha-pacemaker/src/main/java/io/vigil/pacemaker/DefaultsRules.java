package io.vigil.pacemaker;

import io.vigil.core.model.Durations;

import java.time.Duration;
import java.util.Objects;

/**
 * Evaluates the rules of {@code rsc_defaults} and {@code op_defaults} attribute sets, as Pacemaker does: a set
 * applies when one of its rules passes; a rule combines {@code rsc_expression}s (resource class, provider, agent
 * type), {@code op_expression}s (operation name and interval) and nested rules with {@code boolean-op} and (the
 * default) or or. Other expressions (node attributes, dates) are refused: Vigil keeps one set of defaults per
 * resource and operation, not per node or time.
 */
final class DefaultsRules {
    /**
     * What a rule is evaluated against: a resource's agent (null parts for a group or clone) and, for operation
     * defaults, the operation's name and interval (both null for resource defaults).
     */
    record Target(String standard, String provider, String type, String opName, Duration opInterval) {
        /** A group or clone: no agent, no operation. */
        static final Target NO_AGENT = new Target(null, null, null, null, null);

        /** The same resource, for one of its operations. */
        Target forOperation(String name, Duration interval) {
            return new Target(standard, provider, type, name, interval);
        }
    }

    private DefaultsRules() {
    }

    /** Whether the attribute set {@code set} (holding one or more rules) applies to {@code target}. */
    static boolean applies(ImportContext ctx, XmlElement set, Target target) {
        boolean passed = false;
        for (XmlElement c : set.children()) {
            if (c.getTagName().equals("rule")) {
                // Evaluate every rule, so an unsupported expression is reported whatever the order.
                passed |= rule(ctx, ctx.resolve(c), target);
            }
        }
        return passed;
    }

    private static boolean rule(ImportContext ctx, XmlElement rule, Target target) {
        boolean or = "or".equalsIgnoreCase(Objects.requireNonNullElse(rule.attr("boolean-op"), "and").trim());
        boolean any = false;
        boolean all = true;
        for (XmlElement c : rule.children()) {
            XmlElement e = ctx.resolve(c);
            boolean r = switch (e.getTagName()) {
                case "rsc_expression" -> rscExpression(e, target);
                case "op_expression" -> opExpression(e, target);
                case "rule" -> rule(ctx, e, target);
                default -> throw ctx.unsupported(e, "in rsc_defaults and op_defaults only rules over the resource"
                        + " agent (rsc_expression) and the operation (op_expression) are supported");
            };
            any |= r;
            all &= r;
        }
        return or ? any : all;
    }

    /**
     * Pacemaker's {@code rsc_expression}: class and type match when absent or equal; the provider must be equal,
     * absent on both sides included (so an expression without provider never matches an OCF resource).
     */
    private static boolean rscExpression(XmlElement e, Target t) {
        String standard = e.attr("class");
        String provider = e.attr("provider");
        String type = e.attr("type");
        return (standard == null || standard.equals(t.standard()))
                && Objects.equals(provider, t.provider())
                && (type == null || type.equals(t.type()));
    }

    /** Pacemaker's {@code op_expression}: the name must match; the interval too, when given. */
    private static boolean opExpression(XmlElement e, Target t) {
        String name = e.attr("name");
        if (t.opName() == null || name == null || !name.equals(t.opName())) {
            return false;
        }
        String interval = e.attr("interval");
        if (interval == null) {
            return true;
        }
        try {
            return Durations.parse(interval, "interval").equals(t.opInterval());
        } catch (IllegalArgumentException ex) {
            return false; // Pacemaker treats an invalid interval as not passing
        }
    }
}
