package io.vigil.core.scheduler;

import io.vigil.core.model.AttributeExpression;
import io.vigil.core.model.BoolOp;
import io.vigil.core.model.ExpressionOperator;
import io.vigil.core.model.Constraint;
import io.vigil.core.model.Location;
import io.vigil.core.model.NodeHealth;
import io.vigil.core.model.NodeHealthStrategy;
import io.vigil.core.model.Role;
import io.vigil.core.model.Rule;
import io.vigil.core.model.RuleExpression;
import io.vigil.core.model.Score;
import io.vigil.core.model.ValueType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Location constraints (fixed scores and rules over node attributes) and stickiness: the per-node scores a
 * resource starts its assignment with.
 */
final class Locations {
    private Locations() {
    }

    /** A location constraint for the promoted role, kept for {@link Promotion}. */
    record PromotedLocation(CloneRsc promotable, SchedNode node, int score, String id) {
    }

    static void apply(Cluster cluster, List<PromotedLocation> promoted) {
        applyNodeHealth(cluster);
        for (Constraint c : cluster.config.constraints()) {
            if (!(c instanceof Location loc)) {
                continue;
            }
            Rsc rsc = cluster.constraintResource(loc.resource());
            if (rsc == null) {
                continue;
            }
            Role role = loc.role();
            if (role == null && !loc.rules().isEmpty()) {
                role = loc.rules().get(0).role();
            }
            CloneRsc promotable = role == Role.PROMOTED && rsc instanceof CloneRsc clone && clone.promotable ? clone
                    : null;
            if (loc.rules().isEmpty()) {
                // A fixed score names its node: no need to visit the others.
                SchedNode node = loc.node() == null ? null : cluster.node(loc.node());
                if (node != null) {
                    add(loc, rsc, promotable, node, loc.score(), promoted);
                }
                continue;
            }
            for (SchedNode node : cluster.nodes) {
                Integer score = scoreFor(loc, node);
                if (score != null) {
                    add(loc, rsc, promotable, node, score, promoted);
                }
            }
        }
    }

    /**
     * Node health ({@code node-health-strategy} other than none): each node's health score (the sum of its
     * {@code #health*} attributes, plus the base score under progressive) is a location score of every top-level
     * resource on that node, as Pacemaker's {@code pcmk__apply_node_health} does. A zero sum changes nothing; a
     * negative one spares resources with the meta attribute {@code allow-unhealthy-nodes=true}.
     */
    static void applyNodeHealth(Cluster cluster) {
        NodeHealth health = cluster.config.properties().nodeHealth();
        if (health.strategy() == NodeHealthStrategy.NONE) {
            return;
        }
        for (SchedNode node : cluster.nodes) {
            int sum = health.baseScore();
            for (Map.Entry<String, String> a : node.attributes.entrySet()) {
                if (a.getKey().startsWith("#health")) {
                    sum = Score.add(sum, healthScore(health, a.getValue()));
                }
            }
            if (sum == 0) {
                continue;
            }
            for (Rsc rsc : cluster.resources) {
                if (sum < 0 && Cluster.truthy(rsc.meta.other().get("allow-unhealthy-nodes"))) {
                    continue;
                }
                rsc.addScore(node.index, sum, "node health " + health.strategy().text());
            }
        }
    }

    /** A health attribute's score: red, yellow or green as the strategy says, else a score; 0 if neither. */
    private static int healthScore(NodeHealth health, String value) {
        String v = value == null ? "" : value.trim();
        if (v.equalsIgnoreCase("red")) {
            return health.redScore();
        } else if (v.equalsIgnoreCase("yellow")) {
            return health.yellowScore();
        } else if (v.equalsIgnoreCase("green")) {
            return health.greenScore();
        }
        Integer score = SchedNode.score(v);
        return score == null ? 0 : score;
    }

    /** Adds a location's score for one node: kept for promotion when it is about a promotable's Promoted role. */
    private static void add(Location loc, Rsc rsc, CloneRsc promotable, SchedNode node, int score,
                            List<PromotedLocation> promoted) {
        if (promotable != null) {
            promoted.add(new PromotedLocation(promotable, node, score, loc.id()));
        } else {
            rsc.addScore(node.index, score, "location " + loc.id());
        }
    }

    /** The score a location gives a node, or null when it does not apply to that node. */
    static Integer scoreFor(Location loc, SchedNode node) {
        if (loc.rules().isEmpty()) {
            return loc.node() != null && loc.node().equals(node.name) ? loc.score() : null;
        }
        Integer total = null;
        for (Rule rule : loc.rules()) {
            if (matches(rule, node)) {
                int s = rule.score();
                if (rule.scoreAttribute() != null) {
                    Integer fromAttribute = SchedNode.score(node.attribute(rule.scoreAttribute()));
                    if (fromAttribute == null) {
                        continue;
                    }
                    s = fromAttribute;
                }
                total = total == null ? s : Score.add(total, s);
            }
        }
        return total;
    }

    static boolean matches(Rule rule, SchedNode node) {
        if (rule.expressions().isEmpty()) {
            return false;
        }
        boolean and = rule.booleanOp() == BoolOp.AND;
        for (RuleExpression e : rule.expressions()) {
            boolean m = e instanceof Rule r ? matches(r, node) : matches((AttributeExpression) e, node);
            if (and && !m) {
                return false;
            }
            if (!and && m) {
                return true;
            }
        }
        return and;
    }

    static boolean matches(AttributeExpression e, SchedNode node) {
        String actual = node.attribute(e.attribute());
        switch (e.operator()) {
            case DEFINED:
                return actual != null;
            case NOT_DEFINED:
                return actual == null;
            default:
                break;
        }
        if (actual == null || e.value() == null) {
            return false;
        }
        ValueType type = e.type();
        if (type == null && (e.operator() == ExpressionOperator.EQ || e.operator() == ExpressionOperator.NE)) {
            // Like Pacemaker: without a type, only the ordering operators compare numbers.
            type = ValueType.STRING;
        }
        int cmp = compare(actual, e.value(), type);
        return switch (e.operator()) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LTE -> cmp <= 0;
            case GT -> cmp > 0;
            case GTE -> cmp >= 0;
            default -> false;
        };
    }

    private static int compare(String a, String b, ValueType type) {
        if (type == ValueType.VERSION) {
            return compareVersions(a, b);
        }
        if (type != ValueType.STRING) {
            BigDecimal p = number(a);
            BigDecimal q = number(b);
            if (p != null && q != null) {
                return p.compareTo(q);
            }
            // A side that is not a number: Pacemaker falls back to comparing the texts.
        }
        return a.compareToIgnoreCase(b);
    }

    /**
     * Compares dotted version numbers field by field, numerically, a missing or non-numeric field counting as 0
     * (Pacemaker's compare_version): rules of type version, and the feature set a digest was recorded with.
     */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parseLong(x[i]) : 0;
            long q = i < y.length ? parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static BigDecimal number(String s) {
        String t = s.trim();
        // Most attribute values are words ("rack3"): rule them out without the cost of a thrown exception.
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != '+' && c != '-' && c != 'e' && c != 'E') {
                return null;
            }
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Stickiness: a managed resource active on exactly one node prefers to stay there. */
    static void applyStickiness(Cluster cluster) {
        for (PrimitiveRsc leaf : cluster.leaves) {
            int s = leaf.stickiness();
            SchedNode node = leaf.currentNode();
            if (s == 0 || node == null || !leaf.actionable()) {
                continue;
            }
            if (leaf.scores[node.index] == Rsc.UNSET) {
                continue; // opt-in cluster: stickiness cannot make a node allowed
            }
            leaf.addScore(node.index, s, "stickiness");
        }
    }
}
