package io.vigil.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a whole {@link Configuration} and reports every problem at once, each with the path of the offending
 * element. A configuration with no problems is safe to hand to the scheduler.
 *
 * <p>Paths name resources and constraints by id: {@code resources.web.members[1]},
 * {@code resources.db.operations[0].timeout}, {@code constraints.web-with-db.with-rsc}.
 */
public final class ConfigurationValidator {
    /** Operation names Vigil knows; anything else is reported. */
    public static final Set<String> KNOWN_OPERATIONS = Set.of("start", "stop", "monitor", "promote", "demote",
            "notify", "reload", "reload-agent", "migrate_to", "migrate_from", "meta-data", "validate-all");

    /** What an id may look like; {@link #validId} checks it without a regex. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    private final Configuration config;
    private final List<Problem> problems = new ArrayList<>();
    /** id -> path of its first definition (resources and constraints share one namespace). */
    private final Map<String, String> ids = new HashMap<>();
    /** resource id -> resource, every depth. */
    private final Map<String, Resource> resources = new HashMap<>();
    /** resource id -> the promotable clone it is in (or is), if any. */
    private final Map<String, Boolean> promotable = new HashMap<>();
    /** primitive id -> the group that holds it. */
    private final Map<String, String> groupOf = new HashMap<>();

    private ConfigurationValidator(Configuration config) {
        this.config = config;
    }

    /** Every problem in the configuration; empty when it is valid. */
    public static List<Problem> validate(Configuration config) {
        ConfigurationValidator v = new ConfigurationValidator(config);
        v.run();
        return List.copyOf(v.problems);
    }

    /**
     * Validates and throws when anything is wrong.
     *
     * @throws ConfigurationException listing every problem
     */
    public static Configuration requireValid(Configuration config) {
        List<Problem> problems = validate(config);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return config;
    }

    private void run() {
        checkProperties(config.properties());
        checkNodes();
        checkMeta("rsc-defaults", config.resourceDefaults(), false);
        checkOperationDefaults(config.operationDefaults());
        for (int i = 0; i < config.resources().size(); i++) {
            Resource r = config.resources().get(i);
            checkResource(r, elementPath("resources", r.id(), "resources[" + i + "]"), false, null);
        }
        for (int i = 0; i < config.constraints().size(); i++) {
            Constraint c = config.constraints().get(i);
            checkConstraint(c, elementPath("constraints", c.id(), "constraints[" + i + "]"));
        }
        checkOrderCycles();
    }

    /** Elements are named by id; one without an id by its position. */
    private static String elementPath(String section, String id, String fallback) {
        return id == null || id.isBlank() ? fallback : section + "." + id;
    }

    private void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    private void checkProperties(ClusterProperties p) {
        if (p.batchLimit() < 0) {
            problem("properties.batch-limit", "must not be negative, was " + p.batchLimit());
        }
        if (p.clusterRecheckInterval().isNegative()) {
            problem("properties.cluster-recheck-interval", "must not be negative, was "
                    + Durations.format(p.clusterRecheckInterval()));
        }
    }

    private void checkNodes() {
        Set<String> seen = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < config.nodes().size(); i++) {
            NodeDefinition n = config.nodes().get(i);
            String path = "nodes[" + i + "]";
            if (n.name().isBlank()) {
                problem(path + ".name", "must not be blank");
            } else if (!seen.add(n.name())) {
                problem(path + ".name", "duplicate node name '" + n.name() + "'");
            }
            if (n.id().equals(n.name())) {
                ids.add(n.id()); // already checked as the name
            } else if (n.id().isBlank()) {
                problem(path + ".id", "must not be blank");
            } else if (!ids.add(n.id())) {
                problem(path + ".id", "duplicate node id '" + n.id() + "'");
            }
            if (n.votes() < 0) {
                problem(path + ".votes", "must not be negative, was " + n.votes());
            }
            checkUtilization(path + ".utilization", n.utilization());
        }
    }

    private void checkUtilization(String path, Map<String, Integer> utilization) {
        utilization.forEach((k, v) -> {
            if (v < 0) {
                problem(path + "." + k, "must not be negative, was " + v);
            }
        });
    }

    private void checkOperationDefaults(OperationDefaults d) {
        if (d.timeout() != null && !isPositive(d.timeout())) {
            problem("op-defaults.timeout", "must be positive, was " + Durations.format(d.timeout()));
        }
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /**
     * Whether {@code id} matches {@code [A-Za-z0-9_][A-Za-z0-9_.\-]*} ({@link #ID}), without a regex: every resource,
     * constraint and set id of a configuration is checked, thousands in a large one.
     */
    static boolean validId(String id) {
        int n = id.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
                    || i > 0 && (c == '.' || c == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean claimId(String id, String path) {
        if (id == null || id.isBlank()) {
            problem(path + ".id", "must not be blank");
            return false;
        }
        if (!validId(id)) {
            problem(path + ".id", "invalid id '" + id + "': use letters, digits, '_', '-' and '.'");
        }
        String first = ids.putIfAbsent(id, path);
        if (first != null) {
            problem(path + ".id", "duplicate id '" + id + "' (first used at " + first + ")");
            return false;
        }
        return true;
    }

    private void checkResource(Resource r, String path, boolean inPromotable, String parentGroup) {
        boolean fresh = claimId(r.id(), path);
        if (fresh) {
            resources.put(r.id(), r);
            promotable.put(r.id(), inPromotable || r instanceof Clone c && c.isPromotable());
        }
        if (r instanceof Primitive p) {
            checkPrimitive(p, path, inPromotable);
        } else if (r instanceof Group g) {
            checkGroup(g, path, inPromotable);
        } else if (r instanceof Clone c) {
            checkMeta(path, c.meta(), c.isPromotable() || inPromotable);
            checkCloneOptions(c, path);
            if (c.child() instanceof Clone inner) {
                problem(path + ".child", "a clone cannot contain another clone ('" + inner.id() + "')");
            }
            checkResource(c.child(), elementPath("resources", c.child().id(), path + ".child"), c.isPromotable(),
                    null);
        }
    }

    private void checkGroup(Group g, String path, boolean inPromotable) {
        checkMeta(path, g.meta(), inPromotable);
        if (g.members().isEmpty()) {
            problem(path + ".members", "a group needs at least one member");
        }
        for (int i = 0; i < g.members().size(); i++) {
            Primitive m = g.members().get(i);
            String other = groupOf.putIfAbsent(m.id(), g.id());
            if (other != null && !other.equals(g.id())) {
                problem(path + ".members[" + i + "]", "primitive '" + m.id()
                        + "' is already a member of group '" + other + "'");
                continue;
            }
            checkResource(m, elementPath("resources", m.id(), path + ".members[" + i + "]"), inPromotable, g.id());
        }
    }

    private void checkCloneOptions(Clone c, String path) {
        CloneOptions o = c.options();
        if (o.cloneMax() != null && o.cloneMax() < 0) {
            problem(path + ".clone-max", "must not be negative, was " + o.cloneMax());
        }
        if (o.cloneNodeMax() != null && o.cloneNodeMax() < 1) {
            problem(path + ".clone-node-max", "must be at least 1, was " + o.cloneNodeMax());
        }
        if (!o.promotable()) {
            if (o.promotedMax() != null) {
                problem(path + ".promoted-max", "promoted-max needs a promotable clone");
            }
            if (o.promotedNodeMax() != null) {
                problem(path + ".promoted-node-max", "promoted-node-max needs a promotable clone");
            }
            return;
        }
        if (o.promotedMax() != null && o.promotedMax() < 0) {
            problem(path + ".promoted-max", "must not be negative, was " + o.promotedMax());
        }
        if (o.promotedNodeMax() != null && o.promotedNodeMax() < 1) {
            problem(path + ".promoted-node-max", "must be at least 1, was " + o.promotedNodeMax());
        }
        if (o.cloneMax() != null && o.promotedMaxOrDefault() > o.cloneMax()) {
            problem(path + ".promoted-max", "promoted-max " + o.promotedMaxOrDefault()
                    + " exceeds clone-max " + o.cloneMax());
        }
    }

    private void checkPrimitive(Primitive p, String path, boolean inPromotable) {
        checkMeta(path, p.meta(), inPromotable);
        checkUtilization(path + ".utilization", p.utilization());
        Set<String> keys = new TreeSet<>();
        for (int i = 0; i < p.operations().size(); i++) {
            Operation op = p.operations().get(i);
            String opPath = path + ".operations[" + i + "]";
            if (!KNOWN_OPERATIONS.contains(op.name())) {
                problem(opPath + ".name", "unknown operation '" + op.name() + "'");
            }
            if (op.interval().isNegative()) {
                problem(opPath + ".interval", "must not be negative, was " + Durations.format(op.interval()));
            }
            if (op.timeout() != null && !isPositive(op.timeout())) {
                problem(opPath + ".timeout", "must be positive, was " + Durations.format(op.timeout()));
            }
            if (op.role() != null && isPromotionRole(op.role()) && !inPromotable) {
                problem(opPath + ".role", "role " + op.role() + " needs a promotable clone");
            }
            // Name, interval and role identify an operation: Pacemaker accepts a Promoted and an Unpromoted
            // monitor with the same interval.
            if (!keys.add(op.name() + "/" + op.interval().toMillis() + "/" + op.role())) {
                problem(opPath, "duplicate operation " + op.name() + " with interval "
                        + Durations.format(op.interval()));
            }
            if ((op.name().equals("promote") || op.name().equals("demote")) && !inPromotable) {
                problem(opPath + ".name", "operation " + op.name() + " needs a promotable clone");
            }
            if (op.onFail() == OnFail.DEMOTE && !(op.name().equals("promote")
                    || op.name().equals("monitor") && op.isRecurring() && op.role() == Role.PROMOTED)) {
                problem(opPath + ".on-fail", "on-fail demote applies only to promote and to recurring monitors"
                        + " of the Promoted role");
            }
        }
    }

    private static boolean isPromotionRole(Role role) {
        return role == Role.PROMOTED || role == Role.UNPROMOTED;
    }

    private void checkMeta(String path, MetaAttributes m, boolean inPromotable) {
        if (m.targetRole() != null && isPromotionRole(m.targetRole()) && !inPromotable
                && !path.equals("rsc-defaults")) {
            problem(path + ".target-role", "role " + m.targetRole() + " needs a promotable clone");
        }
        if (m.resourceStickiness() != null) {
            checkScore(path + ".resource-stickiness", m.resourceStickiness());
        }
        if (m.priority() != null) {
            checkScore(path + ".priority", m.priority());
        }
        if (m.migrationThreshold() != null && m.migrationThreshold() < 0) {
            problem(path + ".migration-threshold", "must not be negative, was " + m.migrationThreshold());
        }
        if (m.failureTimeout() != null && m.failureTimeout().isNegative()) {
            problem(path + ".failure-timeout", "must not be negative, was " + Durations.format(m.failureTimeout()));
        }
    }

    private void checkScore(String path, int score) {
        if (score > Score.INFINITY || score < Score.MINUS_INFINITY) {
            problem(path, "score " + score + " is outside -INFINITY..INFINITY (±1000000)");
        }
    }

    private void checkReference(String path, String id) {
        if (id == null || id.isBlank()) {
            problem(path, "must name a resource");
        } else if (!resources.containsKey(id)) {
            problem(path, "unknown resource '" + id + "'");
        }
    }

    private void checkRole(String path, String rsc, Role role) {
        if (role != null && isPromotionRole(role) && resources.containsKey(rsc)
                && !promotable.getOrDefault(rsc, false)) {
            problem(path, "role " + role + " needs a promotable clone, but '" + rsc + "' is not one");
        }
    }

    private void checkAction(String path, String rsc, ResourceAction action) {
        if (action == ResourceAction.MONITOR || action == ResourceAction.NOTIFY) {
            problem(path, "action " + action + " cannot be ordered: use start, stop, promote or demote");
        } else if ((action == ResourceAction.PROMOTE || action == ResourceAction.DEMOTE)
                && resources.containsKey(rsc) && !promotable.getOrDefault(rsc, false)) {
            problem(path, "action " + action + " needs a promotable clone, but '" + rsc + "' is not one");
        }
    }

    private void checkConstraint(Constraint c, String path) {
        claimId(c.id(), path);
        if (c instanceof Location l) {
            checkLocation(l, path);
        } else if (c instanceof Colocation col) {
            checkReference(path + ".rsc", col.resource());
            checkReference(path + ".with-rsc", col.withResource());
            checkRole(path + ".rsc-role", col.resource(), col.resourceRole());
            checkRole(path + ".with-rsc-role", col.withResource(), col.withRole());
            checkScore(path + ".score", col.score());
            if (col.resource() != null && col.resource().equals(col.withResource())) {
                problem(path + ".with-rsc", "a resource cannot be colocated with itself ('" + col.resource() + "')");
            }
        } else if (c instanceof Order o) {
            checkReference(path + ".first", o.first());
            checkReference(path + ".then", o.then());
            checkAction(path + ".first-action", o.first(), o.firstAction());
            checkAction(path + ".then-action", o.then(), o.thenAction());
            if (o.first() != null && o.first().equals(o.then()) && o.firstAction() == o.thenAction()) {
                problem(path + ".then", "an action cannot be ordered after itself ('" + o.first() + " "
                        + o.firstAction() + "')");
            }
        } else if (c instanceof ColocationSet cs) {
            checkScore(path + ".score", cs.score());
            checkSets(path, cs.sets(), false);
        } else if (c instanceof OrderSet os) {
            checkSets(path, os.sets(), true);
        }
    }

    private void checkLocation(Location l, String path) {
        checkReference(path + ".rsc", l.resource());
        checkRole(path + ".role", l.resource(), l.role());
        if (l.rules().isEmpty()) {
            if (l.node() == null || l.node().isBlank()) {
                problem(path + ".node", "a location needs a node and a score, or rules");
            }
            checkScore(path + ".score", l.score());
            return;
        }
        if (l.node() != null) {
            problem(path + ".node", "a location has either a node or rules, not both");
        }
        for (int i = 0; i < l.rules().size(); i++) {
            checkRule(path + ".rules[" + i + "]", l.rules().get(i), l.resource());
        }
    }

    private void checkSets(String path, List<ResourceSet> sets, boolean ordering) {
        if (sets.isEmpty()) {
            problem(path + ".sets", "needs at least one resource set");
        }
        for (int i = 0; i < sets.size(); i++) {
            ResourceSet s = sets.get(i);
            String sp = path + ".sets[" + i + "]";
            if (s.resources().isEmpty()) {
                problem(sp + ".resources", "a resource set needs at least one resource");
            }
            boolean unorderable = s.action() == ResourceAction.MONITOR || s.action() == ResourceAction.NOTIFY;
            if (ordering && unorderable) {
                // Reported once for the set, not once per member.
                checkAction(sp + ".action", null, s.action());
            }
            for (int j = 0; j < s.resources().size(); j++) {
                String rsc = s.resources().get(j);
                checkReference(sp + ".resources[" + j + "]", rsc);
                checkRole(sp + ".role", rsc, s.role());
                if (ordering && s.action() != null && !unorderable) {
                    checkAction(sp + ".action", rsc, s.action());
                }
            }
        }
    }

    private void checkRule(String path, Rule rule, String resource) {
        if (rule.expressions().isEmpty()) {
            problem(path + ".expressions", "a rule needs at least one expression");
        }
        checkRole(path + ".role", resource, rule.role());
        checkScore(path + ".score", rule.score());
        for (int i = 0; i < rule.expressions().size(); i++) {
            String ep = path + ".expressions[" + i + "]";
            RuleExpression expression = rule.expressions().get(i);
            if (expression instanceof Rule nested) {
                checkRule(ep, nested, resource);
            } else if (expression instanceof AttributeExpression e) {
                checkExpression(ep, e);
            }
        }
    }

    private void checkExpression(String path, AttributeExpression e) {
        boolean unary = e.operator() == ExpressionOperator.DEFINED || e.operator() == ExpressionOperator.NOT_DEFINED;
        if (e.attribute().isBlank()) {
            problem(path + ".attribute", "must not be blank");
        }
        if (unary && e.value() != null) {
            problem(path + ".value", "operation " + e.operator() + " takes no value");
        }
        if (!unary && e.value() == null) {
            problem(path + ".value", "operation " + e.operator() + " needs a value");
        }
        if (e.value() != null && e.type() != null) {
            switch (e.type()) {
                // INTEGER and NUMBER values that do not parse are compared as text, as Pacemaker does.
                case VERSION -> {
                    if (!e.value().trim().matches("\\d+(\\.\\d+)*")) {
                        problem(path + ".value", "'" + e.value() + "' is not a version");
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * Mandatory orders (and the inverse orders of symmetrical ones, and the implicit orders inside groups) must
     * not form a cycle: none of the actions in it could ever run.
     */
    private void checkOrderCycles() {
        // node "rsc action" -> (successor node -> constraint id that made the edge); sorted for determinism
        Map<String, Map<String, String>> edges = new TreeMap<>();
        for (Resource r : config.allResources()) {
            if (r instanceof Group g) {
                for (int i = 1; i < g.members().size(); i++) {
                    String a = g.members().get(i - 1).id();
                    String b = g.members().get(i).id();
                    addEdge(edges, a + " start", b + " start", "group " + g.id());
                    addEdge(edges, b + " stop", a + " stop", "group " + g.id());
                }
            }
        }
        for (Constraint c : config.constraints()) {
            if (c instanceof Order o && o.kind() == OrderKind.MANDATORY) {
                addOrderEdge(edges, o.first(), o.firstAction(), o.then(), o.thenAction(), o.isSymmetrical(), o.id());
            } else if (c instanceof OrderSet os && os.kind() == OrderKind.MANDATORY) {
                List<String[]> previousSet = List.of();
                for (ResourceSet s : os.sets()) {
                    ResourceAction act = s.action() == null ? ResourceAction.START : s.action();
                    List<String[]> members = new ArrayList<>();
                    for (int i = 0; i < s.resources().size(); i++) {
                        String rsc = s.resources().get(i);
                        if (s.sequential() && i > 0) {
                            addOrderEdge(edges, s.resources().get(i - 1), act, rsc, act, os.isSymmetrical(),
                                    os.id());
                        }
                        members.add(new String[] {rsc, act.text()});
                    }
                    for (String[] p : previousSet) {
                        for (String[] m : members) {
                            addOrderEdge(edges, p[0], ResourceAction.parse(p[1]), m[0], ResourceAction.parse(m[1]),
                                    os.isSymmetrical(), os.id());
                        }
                    }
                    previousSet = members;
                }
            }
        }
        findCycle(edges);
    }

    private static void addOrderEdge(Map<String, Map<String, String>> edges, String first, ResourceAction fa,
                                     String then, ResourceAction ta, boolean symmetrical, String id) {
        if (first == null || then == null || first.equals(then) && fa == ta || !isOrderable(fa)
                || !isOrderable(ta)) {
            // Reported on their own: an action ordered after itself, and monitor/notify (which are their own
            // inverse, so a symmetrical order of them would look like a cycle too).
            return;
        }
        addEdge(edges, first + " " + fa, then + " " + ta, id);
        if (symmetrical) {
            addEdge(edges, then + " " + ta.inverse(), first + " " + fa.inverse(), id);
        }
    }

    private static boolean isOrderable(ResourceAction action) {
        return action != ResourceAction.MONITOR && action != ResourceAction.NOTIFY;
    }

    private static void addEdge(Map<String, Map<String, String>> edges, String from, String to, String why) {
        edges.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, why);
    }

    private void findCycle(Map<String, Map<String, String>> edges) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        Set<String> reported = new TreeSet<>();
        for (String start : edges.keySet()) {
            if (!state.containsKey(start)) {
                LinkedHashMap<String, String> path = new LinkedHashMap<>();
                dfs(start, edges, state, path, reported);
            }
        }
    }

    private void dfs(String node, Map<String, Map<String, String>> edges, Map<String, Integer> state,
                     LinkedHashMap<String, String> path, Set<String> reported) {
        state.put(node, 1);
        for (Map.Entry<String, String> e : edges.getOrDefault(node, Map.of()).entrySet()) {
            String next = e.getKey();
            path.put(node, e.getValue());
            Integer s = state.get(next);
            if (s == null) {
                dfs(next, edges, state, path, reported);
            } else if (s == 1) {
                reportCycle(next, path, reported);
            }
            path.remove(node);
        }
        state.put(node, 2);
    }

    private void reportCycle(String entry, LinkedHashMap<String, String> path, Set<String> reported) {
        StringBuilder actions = new StringBuilder();
        Set<String> why = new TreeSet<>();
        boolean in = false;
        for (Map.Entry<String, String> step : path.entrySet()) {
            in |= step.getKey().equals(entry);
            if (in) {
                actions.append(step.getKey()).append(" -> ");
                why.add(step.getValue());
            }
        }
        actions.append(entry);
        String key = String.join(",", why);
        if (reported.add(key)) {
            problem("constraints", "mandatory orders form a cycle, so none of these actions can run: " + actions
                    + " (" + key + ")");
        }
    }
}
