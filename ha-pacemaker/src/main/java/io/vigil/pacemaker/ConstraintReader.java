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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code constraints}: locations (with rules), colocations and orders, in simple and resource-set form. A
 * resource template or tag named where a resource is expected stands for its members, as in Pacemaker.
 */
final class ConstraintReader {
    private final ImportContext ctx;
    private Map<String, List<String>> groupings;
    private Set<String> resourceIds;
    /** Promotable clones and everything inside them (what may have promote and demote actions). */
    private final Set<String> promotableIds = new HashSet<>();
    /** Top-level resource ids in configuration order (what {@code rsc-pattern} is matched against). */
    private final List<String> topLevelIds = new ArrayList<>();

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
            switch (e.getTagName()) {
                case "rsc_location" -> out.addAll(locations(e));
                case "rsc_colocation" -> add(out, colocation(e));
                case "rsc_order" -> add(out, order(e));
                case "rsc_ticket" -> throw ctx.unsupported(e, "tickets (multi-site clusters) are not supported");
                default -> throw ctx.unsupported(e, "unknown constraint element");
            }
        }
        return out;
    }

    private static void add(List<Constraint> out, Constraint c) {
        if (c != null) {
            out.add(c);
        }
    }

    /**
     * Resource templates and tags: id -> the resources it stands for (a template: the primitives based on it in
     * document order; a tag: its {@code obj_ref}s). Built on first use. A resource id always means the resource.
     */
    private Map<String, List<String>> groupings() {
        if (groupings == null) {
            groupings = new LinkedHashMap<>();
            resourceIds = new HashSet<>();
            XmlElement configuration = CibXml.child(ctx.root(), "configuration");
            XmlElement resources = configuration == null ? null : CibXml.child(configuration, "resources");
            Map<String, List<String>> templates = new LinkedHashMap<>();
            if (resources != null) {
                for (XmlElement r : CibXml.children(resources)) {
                    String id = ctx.resolve(r).attr("id");
                    if (!r.getTagName().equals("template") && id != null) {
                        topLevelIds.add(id);
                    }
                }
                for (XmlElement t : CibXml.children(resources, "template")) {
                    templates.putIfAbsent(t.attr("id"), new ArrayList<>());
                }
                collectResources(resources, templates, false);
            }
            groupings.putAll(templates);
            XmlElement tags = configuration == null ? null : CibXml.child(configuration, "tags");
            for (XmlElement tag : tags == null ? List.<XmlElement>of() : CibXml.children(tags, "tag")) {
                List<String> refs = new ArrayList<>();
                for (XmlElement ref : CibXml.children(tag, "obj_ref")) {
                    refs.add(ctx.required(ref, "id"));
                }
                groupings.putIfAbsent(ctx.required(tag, "id"), refs);
            }
        }
        return groupings;
    }

    private void collectResources(XmlElement parent, Map<String, List<String>> templates, boolean inPromotable) {
        for (XmlElement c : CibXml.children(parent)) {
            c = ctx.resolve(c);
            switch (c.getTagName()) {
                case "primitive", "group", "clone", "master", "bundle" -> {
                    String id = c.attr("id");
                    resourceIds.add(id);
                    String template = c.attr("template");
                    if (template != null && templates.containsKey(template)) {
                        templates.get(template).add(id);
                    }
                    boolean promotable = inPromotable || isPromotableClone(c);
                    if (promotable) {
                        promotableIds.add(id);
                    }
                    collectResources(c, templates, promotable);
                }
                default -> {
                }
            }
        }
    }

    private boolean isPromotableClone(XmlElement e) {
        if (e.getTagName().equals("master")) {
            return true;
        }
        if (!e.getTagName().equals("clone")) {
            return false;
        }
        ImportContext.NvPair p = ctx.nvpairs(e, "meta_attributes", null).get("promotable");
        return p != null && ctx.bool(p.element(), "promotable", p.value());
    }

    /** Whether {@code id} in a constraint names a template or tag (and not a resource). */
    private boolean isGrouping(String id) {
        return id != null && groupings().containsKey(id) && !resourceIds.contains(id);
    }

    /**
     * The members of a template or tag named in a constraint; empty (and a warning: Pacemaker ignores the
     * constraint) when nothing is based on the template or tagged.
     */
    private List<String> members(XmlElement constraint, String id) {
        List<String> members = groupings().get(id);
        if (members.isEmpty()) {
            ctx.warn(constraint, "ignored: no resource is based on or tagged with '" + id + "'");
        }
        return members;
    }

    /**
     * A location; on a template or tag, or over resource sets, one location per member (id: the constraint's id
     * and the member's), as Pacemaker applies the constraint to each member. A set's {@code role} and
     * {@code score} replace the constraint's for a location with a node.
     */
    private List<Location> locations(XmlElement e) {
        String id = ctx.required(e, "id");
        List<XmlElement> sets = CibXml.children(e, "resource_set");
        List<Location> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (!sets.isEmpty()) {
            for (XmlElement set : sets) {
                XmlElement s = ctx.resolve(set);
                Role role = optionalRole(s, "role");
                for (String member : setMembers(s)) {
                    out.add(location(e, member, memberId(ids, id, member), role, s.attr("score")));
                }
            }
            return out;
        }
        String pattern = CibXml.attr(e, "rsc-pattern");
        if (pattern != null && CibXml.attr(e, "rsc") == null) {
            for (String member : patternMembers(e, pattern)) {
                out.add(location(e, member, memberId(ids, id, member), null, null));
            }
            return out;
        }
        String rsc = CibXml.attr(e, "rsc");
        if (!isGrouping(rsc)) {
            return List.of(location(e, rsc, id, null, null));
        }
        for (String member : members(e, rsc)) {
            out.add(location(e, member, memberId(ids, id, member), null, null));
        }
        return out;
    }

    /**
     * The top-level resources an {@code rsc-pattern} matches, as Pacemaker applies it: a regular expression found
     * anywhere in the id, or with a leading {@code !} every id it is not found in. Rules that refer to the
     * pattern's submatches ({@code %1} ...) are not supported.
     */
    private List<String> patternMembers(XmlElement e, String pattern) {
        boolean invert = pattern.startsWith("!");
        java.util.regex.Pattern regex;
        try {
            regex = java.util.regex.Pattern.compile(invert ? pattern.substring(1) : pattern);
        } catch (java.util.regex.PatternSyntaxException ex) {
            throw ctx.error(e, "rsc-pattern '" + pattern + "' is not a valid regular expression: "
                    + ex.getDescription());
        }
        if (regex.matcher("").groupCount() > 0 && usesSubmatches(e)) {
            throw ctx.unsupported(e, "rules using the submatches of rsc-pattern (%1, ...) are not supported");
        }
        groupings();
        List<String> out = new ArrayList<>();
        for (String rsc : topLevelIds) {
            if (regex.matcher(rsc).find() != invert) {
                out.add(rsc);
            }
        }
        return out;
    }

    private static boolean usesSubmatches(XmlElement e) {
        for (XmlElement c : e.children()) {
            for (String a : List.of("attribute", "value", "score-attribute")) {
                String v = c.attr(a);
                if (v != null && v.matches("(?s).*%\\d.*")) {
                    return true;
                }
            }
            if (usesSubmatches(c)) {
                return true;
            }
        }
        return false;
    }

    private static String memberId(Set<String> used, String id, String member) {
        String candidate = id + "-" + member;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = id + "-" + member + "-" + n;
        }
        return candidate;
    }

    /**
     * @param setRole  the role of the resource set the member comes from, or null
     * @param setScore the score of that set, or null
     */
    private Location location(XmlElement e, String rsc, String id, Role setRole, String setScore) {
        if (!CibXml.children(e, "lifetime").isEmpty()) {
            throw ctx.unsupported(e, "constraint lifetimes (date-based) are not supported");
        }
        String discovery = CibXml.attr(e, "resource-discovery");
        if (discovery != null && !discovery.trim().equalsIgnoreCase("always")) {
            throw ctx.unsupported(e, "resource-discovery=" + discovery + " (Vigil always probes)");
        }
        if (rsc == null) {
            ctx.required(e, "rsc");
        }
        Role role = CibXml.attr(e, "role") == null ? null : ctx.role(e, "role", CibXml.attr(e, "role"));
        String node = CibXml.attr(e, "node");
        List<XmlElement> ruleElements = CibXml.children(e, "rule");
        if (node != null) {
            if (!ruleElements.isEmpty()) {
                throw ctx.error(e, "has both a node and rules; use one or the other");
            }
            String score = setScore != null ? setScore : CibXml.attr(e, "score");
            if (score == null) {
                throw ctx.error(e, "a location with a node needs a score");
            }
            return new Location(id, rsc, setRole != null ? setRole : role, node, ctx.score(e, "score", score),
                    List.of());
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
        String rsc = ctx.required(e, "rsc");
        String withRsc = ctx.required(e, "with-rsc");
        if (isGrouping(rsc) || isGrouping(withRsc)) {
            // Pacemaker turns both sides into resource sets; a template's or tag's set is not sequential.
            if (isGrouping(rsc) && isGrouping(withRsc)) {
                ctx.warn(e, "ignored: two templates or tags cannot be colocated");
                return null;
            }
            ResourceSet dependent = sideSet(e, rsc, optionalRole(e, "rsc-role"), null);
            ResourceSet primary = sideSet(e, withRsc, optionalRole(e, "with-rsc-role"), null);
            return dependent == null || primary == null ? null
                    : new ColocationSet(id, List.of(dependent, primary), score, nodeAttribute);
        }
        return new Colocation(id, rsc, withRsc, score,
                optionalRole(e, "rsc-role"), optionalRole(e, "with-rsc-role"), nodeAttribute);
    }

    /**
     * One side of a simple constraint that names a template or tag on some side, as the resource set Pacemaker
     * makes of it: the members, not sequential, for a template or tag; the resource alone otherwise. Null when the
     * template or tag has no members.
     */
    private ResourceSet sideSet(XmlElement e, String id, Role role, ResourceAction action) {
        if (!isGrouping(id)) {
            return new ResourceSet(id, List.of(id), true, true, role, action);
        }
        List<String> members = members(e, id);
        return members.isEmpty() ? null : new ResourceSet(id, members, false, true, role, action);
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
        if (isGrouping(first) || isGrouping(then)) {
            ResourceSet firstSet = sideSet(e, first, null, optionalAction(e, "first-action"));
            ResourceSet thenSet = sideSet(e, then, null, optionalAction(e, "then-action"));
            return firstSet == null || thenSet == null ? null
                    : new OrderSet(id, List.of(firstSet, thenSet), kind, symmetrical);
        }
        ResourceAction firstAction = optionalAction(e, "first-action");
        ResourceAction thenAction = optionalAction(e, "then-action");
        ResourceAction effectiveThen = thenAction != null ? thenAction
                : firstAction != null ? firstAction : ResourceAction.START;
        if ((effectiveThen == ResourceAction.PROMOTE || effectiveThen == ResourceAction.DEMOTE)
                && resourceIds.contains(then) && !promotableIds.contains(then)) {
            // then-action defaults to first-action. Pacemaker accepts promote/demote of a resource that is not
            // promotable: the action never runs, so the order (and its inverse) constrains nothing.
            ctx.warn(e, "ignored: '" + then + "' is not promotable, so it has no " + effectiveThen.text()
                    + " action to order");
            return null;
        }
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

    /** The resources of a resource set; a template or tag stands for its members, in place. */
    private List<String> setMembers(XmlElement set) {
        List<String> members = new ArrayList<>();
        for (XmlElement ref : CibXml.children(set, "resource_ref")) {
            String member = ctx.required(ref, "id");
            if (isGrouping(member)) {
                members.addAll(groupings().get(member));
            } else {
                members.add(member);
            }
        }
        return members;
    }

    private List<ResourceSet> resourceSets(List<XmlElement> sets, boolean ordering) {
        List<ResourceSet> out = new ArrayList<>();
        for (XmlElement s : sets) {
            s = ctx.resolve(s);
            List<String> members = setMembers(s);
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
            // ordering="listed" changes only how a colocation set chains its members (anything but "group" does,
            // as in Pacemaker's unpack_colocation_set); order sets ignore it.
            String setOrdering = CibXml.attr(s, "ordering");
            boolean listed = !ordering && setOrdering != null && !setOrdering.equalsIgnoreCase("group");
            out.add(new ResourceSet(CibXml.attr(s, "id"), members,
                    seq == null || ctx.bool(s, "sequential", seq),
                    all == null || ctx.bool(s, "require-all", all),
                    optionalRole(s, "role"), optionalAction(s, "action"), listed));
        }
        return out;
    }
}
