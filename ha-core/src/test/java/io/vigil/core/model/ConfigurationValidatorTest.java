package io.vigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One failing example per validation rule, each asserting the exact path and message. Invalid configurations
 * are built from the records directly, because the builder refuses them.
 */
class ConfigurationValidatorTest {
    private static final String CYCLE = "constraints: mandatory orders form a cycle, so none of these actions can run: ";
    private static final String OUT_OF_RANGE = "is outside -INFINITY..INFINITY (±1000000)";

    // ---- building blocks -------------------------------------------------------------------------------------

    static Primitive prim(String id) {
        return new Primitive(id, AgentType.parse("java:test"), null, null, null, null);
    }

    static Primitive prim(String id, Operation... ops) {
        return new Primitive(id, AgentType.parse("java:test"), null, null, List.of(ops), null);
    }

    static Primitive prim(String id, MetaAttributes meta) {
        return new Primitive(id, AgentType.parse("java:test"), null, meta, null, null);
    }

    static Operation op(String name, Duration interval, Duration timeout, Role role, OnFail onFail) {
        return new Operation(name, interval, timeout, role, onFail, true);
    }

    static Clone promotable(String id, Resource child) {
        return new Clone(id, child, new CloneOptions(null, null, null, false, false, false, true, null, null), null);
    }

    static Clone cloneOf(String id, Resource child, CloneOptions options) {
        return new Clone(id, child, options, null);
    }

    static CloneOptions options(Integer cloneMax, Integer cloneNodeMax, boolean promotable, Integer promotedMax,
                                Integer promotedNodeMax) {
        return new CloneOptions(cloneMax, cloneNodeMax, null, false, false, false, promotable, promotedMax,
                promotedNodeMax);
    }

    static MetaAttributes meta(Integer priority, Role targetRole, Integer stickiness, Integer migrationThreshold,
                               Duration failureTimeout) {
        return new MetaAttributes(priority, targetRole, null, null, stickiness, migrationThreshold, failureTimeout,
                null, null, null);
    }

    static Location location(String id, String rsc, String node, int score) {
        return new Location(id, rsc, null, node, score, List.of());
    }

    static Location ruleLocation(String id, String rsc, Rule... rules) {
        return new Location(id, rsc, null, null, 0, List.of(rules));
    }

    static Rule rule(int score, RuleExpression... expressions) {
        return new Rule(null, score, null, BoolOp.AND, null, List.of(expressions));
    }

    static AttributeExpression expr(String attribute, ExpressionOperator op, String value, ValueType type) {
        return new AttributeExpression(attribute, op, value, type);
    }

    static Colocation colocation(String id, String rsc, String with) {
        return new Colocation(id, rsc, with, Score.INFINITY, null, null, null);
    }

    static Order order(String id, String first, String then) {
        return new Order(id, first, null, then, null, null, null);
    }

    static Order order(String id, String first, ResourceAction fa, String then, ResourceAction ta, Boolean sym) {
        return new Order(id, first, fa, then, ta, OrderKind.MANDATORY, sym);
    }

    static ResourceSet set(String... resources) {
        return ResourceSet.of(resources);
    }

    /** A configuration with one node and these resources and constraints. */
    static Configuration config(List<? extends Resource> resources, Constraint... constraints) {
        return new Configuration(null, null, null, List.of(NodeDefinition.of("n1")), new ArrayList<>(resources),
                List.of(constraints));
    }

    /** Resources a and b (plain primitives) plus the constraints. */
    static Configuration ab(Constraint... constraints) {
        return config(List.of(prim("a"), prim("b")), constraints);
    }

    static void assertProblems(Configuration config, String... expected) {
        assertThat(ConfigurationValidator.validate(config)).map(Problem::toString)
                .containsExactly(expected);
    }

    // ---- the tests -------------------------------------------------------------------------------------------

    @Test
    void valid_configurations_have_no_problems() {
        assertThat(ConfigurationValidator.validate(FluentApiTest.readmeExample())).isEmpty();
        assertThat(ConfigurationValidator.validate(Configuration.EMPTY)).isEmpty();
    }

    @Test
    void every_problem_is_reported_together_in_the_order_met() {
        Configuration config = new Configuration(
                ClusterProperties.DEFAULTS.toBuilder().build(),
                meta(null, null, null, -1, null),
                new OperationDefaults(Duration.ZERO, null, null),
                List.of(NodeDefinition.of("n1"), NodeDefinition.of("n1")),
                List.of(prim("a", op("monitor", Duration.ofSeconds(-10), null, null, null)),
                        new Group("g", List.of(prim("a")), null),
                        promotable("db", prim("db-server"))),
                List.of(colocation("c", "web", "db"),
                        order("o1", "db", "a"),
                        order("o2", "a", "db")));

        List<Problem> problems = ConfigurationValidator.validate(config);

        assertThat(problems).map(Problem::toString).containsExactly(
                "nodes[1].name: duplicate node name 'n1'",
                "rsc-defaults.migration-threshold: must not be negative, was -1",
                "op-defaults.timeout: must be positive, was 0s",
                "resources.a.operations[0].interval: must not be negative, was -10s",
                "resources.a.id: duplicate id 'a' (first used at resources.a)",
                "constraints.c.rsc: unknown resource 'web'",
                CYCLE + "a start -> db start -> a start (o1,o2)");
        assertThatThrownBy(() -> ConfigurationValidator.requireValid(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid configuration (7 problems):\n  nodes[1].name: duplicate node name 'n1'")
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).isEqualTo(problems));
    }

    @Nested
    class Properties_and_nodes {
        @Test
        void a_negative_batch_limit() {
            Configuration c = new Configuration(
                    new ClusterProperties(true, FenceAction.REBOOT, NoQuorumPolicy.STOP, true, false, false, true,
                            Duration.ofMinutes(15), PlacementStrategy.DEFAULT, -1, true, true),
                    null, null, null, null, null);
            assertProblems(c, "properties.batch-limit: must not be negative, was -1");
        }

        @Test
        void a_negative_cluster_recheck_interval() {
            Configuration c = new Configuration(
                    new ClusterProperties(true, FenceAction.REBOOT, NoQuorumPolicy.STOP, true, false, false, true,
                            Duration.ofMinutes(-5), PlacementStrategy.DEFAULT, 0, true, true),
                    null, null, null, null, null);
            assertProblems(c, "properties.cluster-recheck-interval: must not be negative, was -5min");
        }

        @Test
        void a_blank_or_duplicate_node_name() {
            Configuration c = new Configuration(null, null, null,
                    List.of(NodeDefinition.of("n1"), NodeDefinition.of(" "), NodeDefinition.of("n1")), null, null);
            assertProblems(c, "nodes[1].name: must not be blank", "nodes[2].name: duplicate node name 'n1'");
        }

        @Test
        void a_blank_or_duplicate_node_id() {
            Configuration c = new Configuration(null, null, null,
                    List.of(new NodeDefinition("n1", 1, Map.of(), Map.of(), "7"),
                            new NodeDefinition("n2", 1, Map.of(), Map.of(), " "),
                            new NodeDefinition("n3", 1, Map.of(), Map.of(), "7")), null, null);
            assertProblems(c, "nodes[1].id: must not be blank", "nodes[2].id: duplicate node id '7'");
        }

        @Test
        void negative_votes_and_negative_utilization() {
            Configuration c = new Configuration(null, null, null,
                    List.of(new NodeDefinition("n1", -1, Map.of(), Map.of("cpu", -2))),
                    List.of(new Primitive("a", AgentType.parse("java:x"), null, null, null, Map.of("cpu", -1))),
                    null);
            assertProblems(c,
                    "nodes[0].votes: must not be negative, was -1",
                    "nodes[0].utilization.cpu: must not be negative, was -2",
                    "resources.a.utilization.cpu: must not be negative, was -1");
        }

        @Test
        void a_non_positive_operation_default_timeout() {
            Configuration c = new Configuration(null, null, new OperationDefaults(Duration.ofSeconds(-1), null, null),
                    null, null, null);
            assertProblems(c, "op-defaults.timeout: must be positive, was -1s");
        }
    }

    @Nested
    class Ids {
        @Test
        void a_blank_id_is_named_by_position() {
            assertProblems(config(List.of(prim("a"), prim(" "))), "resources[1].id: must not be blank");
            assertProblems(ab(location("", "a", "n1", 1)), "constraints[0].id: must not be blank");
        }

        @Test
        void an_id_with_characters_pacemaker_does_not_allow() {
            assertProblems(config(List.of(prim("a b"))),
                    "resources.a b.id: invalid id 'a b': use letters, digits, '_', '-' and '.'");
        }

        @Test
        void duplicate_ids_across_resource_kinds() {
            assertProblems(config(List.of(prim("x"), new Group("g", List.of(prim("m")), null),
                            promotable("x", prim("x-child")))),
                    "resources.x.id: duplicate id 'x' (first used at resources.x)");
            assertProblems(config(List.of(new Group("g", List.of(prim("m")), null), cloneOf("c", prim("g"),
                            CloneOptions.DEFAULTS))),
                    "resources.g.id: duplicate id 'g' (first used at resources.g)");
        }

        @Test
        void duplicate_ids_between_resources_and_constraints() {
            assertProblems(ab(location("b", "a", "n1", 10)),
                    "constraints.b.id: duplicate id 'b' (first used at resources.b)");
            assertProblems(ab(location("l", "a", "n1", 10), colocation("l", "a", "b")),
                    "constraints.l.id: duplicate id 'l' (first used at constraints.l)");
        }
    }

    @Nested
    class Groups_and_clones {
        @Test
        void a_primitive_in_two_groups() {
            assertProblems(config(List.of(new Group("g1", List.of(prim("a")), null),
                            new Group("g2", List.of(prim("b"), prim("a")), null))),
                    "resources.g2.members[1]: primitive 'a' is already a member of group 'g1'");
        }

        @Test
        void an_empty_group() {
            assertProblems(config(List.of(new Group("g", List.of(), null))),
                    "resources.g.members: a group needs at least one member");
        }

        @Test
        void a_clone_of_a_clone() {
            assertProblems(config(List.of(cloneOf("outer", cloneOf("inner", prim("a"), CloneOptions.DEFAULTS),
                            CloneOptions.DEFAULTS))),
                    "resources.outer.child: a clone cannot contain another clone ('inner')");
        }

        @Test
        void promoted_max_above_clone_max() {
            assertProblems(config(List.of(cloneOf("db", prim("d"), options(2, null, true, 3, null)))),
                    "resources.db.promoted-max: promoted-max 3 exceeds clone-max 2");
        }

        @Test
        void out_of_range_clone_counts() {
            assertProblems(config(List.of(cloneOf("c", prim("a"), options(-1, 0, false, null, null)))),
                    "resources.c.clone-max: must not be negative, was -1",
                    "resources.c.clone-node-max: must be at least 1, was 0");
            assertProblems(config(List.of(cloneOf("c", prim("a"), options(null, null, true, -1, 0)))),
                    "resources.c.promoted-max: must not be negative, was -1",
                    "resources.c.promoted-node-max: must be at least 1, was 0");
        }

        @Test
        void promotion_counts_on_a_clone_that_is_not_promotable() {
            assertProblems(config(List.of(cloneOf("c", prim("a"), options(null, null, false, 1, 1)))),
                    "resources.c.promoted-max: promoted-max needs a promotable clone",
                    "resources.c.promoted-node-max: promoted-node-max needs a promotable clone");
        }
    }

    @Nested
    class Operations {
        @Test
        void an_unknown_operation_name() {
            assertProblems(config(List.of(prim("a", op("restart", null, null, null, null)))),
                    "resources.a.operations[0].name: unknown operation 'restart'");
        }

        @Test
        void a_negative_interval() {
            assertProblems(config(List.of(prim("a", op("monitor", Duration.ofMillis(-1500), null, null, null)))),
                    "resources.a.operations[0].interval: must not be negative, was -1500ms");
        }

        @Test
        void a_zero_or_negative_timeout() {
            assertProblems(config(List.of(prim("a",
                            op("start", null, Duration.ZERO, null, null),
                            op("stop", null, Duration.ofSeconds(-20), null, null)))),
                    "resources.a.operations[0].timeout: must be positive, was 0s",
                    "resources.a.operations[1].timeout: must be positive, was -20s");
        }

        @Test
        void a_promotion_role_on_a_resource_that_is_not_promotable() {
            assertProblems(config(List.of(prim("a", op("monitor", Duration.ofSeconds(10), null, Role.PROMOTED,
                            null)))),
                    "resources.a.operations[0].role: role Promoted needs a promotable clone");
        }

        @Test
        void promote_and_demote_need_a_promotable_clone() {
            assertProblems(config(List.of(prim("a", op("promote", null, null, null, null),
                            op("demote", null, null, null, null)))),
                    "resources.a.operations[0].name: operation promote needs a promotable clone",
                    "resources.a.operations[1].name: operation demote needs a promotable clone");
        }

        @Test
        void two_operations_with_the_same_name_interval_and_role() {
            assertProblems(config(List.of(promotable("db", prim("d",
                            op("monitor", Duration.ofSeconds(10), null, Role.PROMOTED, null),
                            op("monitor", Duration.ofSeconds(10), null, Role.UNPROMOTED, null),
                            op("monitor", Duration.ofSeconds(10), null, Role.PROMOTED, null))))),
                    "resources.d.operations[2]: duplicate operation monitor with interval 10s");
        }

        @Test
        void on_fail_demote_outside_promote_and_promoted_monitors() {
            assertProblems(config(List.of(promotable("db", prim("d",
                            op("start", null, null, null, OnFail.DEMOTE),
                            op("promote", null, null, null, OnFail.DEMOTE),
                            op("monitor", Duration.ofSeconds(10), null, Role.PROMOTED, OnFail.DEMOTE),
                            op("monitor", Duration.ofSeconds(11), null, Role.UNPROMOTED, OnFail.DEMOTE))))),
                    "resources.d.operations[0].on-fail: on-fail demote applies only to promote and to recurring"
                            + " monitors of the Promoted role",
                    "resources.d.operations[3].on-fail: on-fail demote applies only to promote and to recurring"
                            + " monitors of the Promoted role");
        }
    }

    @Nested
    class Meta_attributes {
        @Test
        void a_promotion_target_role_on_a_resource_that_is_not_promotable() {
            assertProblems(config(List.of(prim("a", meta(null, Role.PROMOTED, null, null, null)))),
                    "resources.a.target-role: role Promoted needs a promotable clone");
        }

        @Test
        void a_promotion_target_role_is_fine_in_the_resource_defaults_and_in_a_promotable_clone() {
            Configuration c = new Configuration(null, meta(null, Role.UNPROMOTED, null, null, null), null, null,
                    List.of(promotable("db", prim("d", meta(null, Role.PROMOTED, null, null, null)))), null);
            assertThat(ConfigurationValidator.validate(c)).isEmpty();
        }

        @Test
        void scores_outside_the_score_range() {
            assertProblems(config(List.of(prim("a", meta(2_000_000, null, Score.MINUS_INFINITY - 1, null, null)))),
                    "resources.a.resource-stickiness: score -1000001 " + OUT_OF_RANGE,
                    "resources.a.priority: score 2000000 " + OUT_OF_RANGE);
        }

        @Test
        void a_negative_migration_threshold_or_failure_timeout() {
            assertProblems(config(List.of(new Group("g", List.of(prim("a")),
                            meta(null, null, null, -3, Duration.ofMinutes(-1))))),
                    "resources.g.migration-threshold: must not be negative, was -3",
                    "resources.g.failure-timeout: must not be negative, was -1min");
        }
    }

    @Nested
    class References {
        @Test
        void unknown_resources_in_every_kind_of_constraint() {
            assertProblems(ab(
                            location("l", "x", "n1", 1),
                            colocation("c", "a", "y"),
                            order("o", "z", "b"),
                            new ColocationSet("cs", List.of(set("a", "w")), Score.INFINITY, null),
                            new OrderSet("os", List.of(set("b"), set("v")), null, null)),
                    "constraints.l.rsc: unknown resource 'x'",
                    "constraints.c.with-rsc: unknown resource 'y'",
                    "constraints.o.first: unknown resource 'z'",
                    "constraints.cs.sets[0].resources[1]: unknown resource 'w'",
                    "constraints.os.sets[1].resources[0]: unknown resource 'v'");
        }

        @Test
        void a_constraint_that_names_no_resource() {
            assertProblems(ab(new Location("l", null, null, "n1", 1, List.of())),
                    "constraints.l.rsc: must name a resource");
        }

        @Test
        void promotion_roles_on_resources_that_are_not_promotable() {
            Configuration c = config(List.of(prim("a"), promotable("db", prim("d"))),
                    new Colocation("c1", "db", "a", Score.INFINITY, Role.PROMOTED, Role.PROMOTED, null),
                    new Location("l1", "a", Role.UNPROMOTED, "n1", 10, List.of()),
                    new ColocationSet("cs", List.of(new ResourceSet(null, List.of("d", "a"), true, true,
                            Role.PROMOTED, null)), Score.INFINITY, null),
                    ruleLocation("l2", "a", new Rule(null, 1, null, null, Role.PROMOTED,
                            List.of(expr("#uname", ExpressionOperator.EQ, "n1", null)))));
            assertProblems(c,
                    "constraints.c1.with-rsc-role: role Promoted needs a promotable clone, but 'a' is not one",
                    "constraints.l1.role: role Unpromoted needs a promotable clone, but 'a' is not one",
                    "constraints.cs.sets[0].role: role Promoted needs a promotable clone, but 'a' is not one",
                    "constraints.l2.rules[0].role: role Promoted needs a promotable clone, but 'a' is not one");
        }
    }

    @Nested
    class Locations_and_colocations {
        @Test
        void a_location_without_node_or_rules_and_one_with_both() {
            assertProblems(ab(new Location("l1", "a", null, null, 10, List.of()),
                            new Location("l2", "a", null, "n1", 10,
                                    List.of(rule(5, expr("ram", ExpressionOperator.GT, "1", null))))),
                    "constraints.l1.node: a location needs a node and a score, or rules",
                    "constraints.l2.node: a location has either a node or rules, not both");
        }

        @Test
        void invalid_constraint_scores() {
            assertProblems(ab(location("l", "a", "n1", 1_000_001),
                            new Colocation("c", "a", "b", -2_000_000, null, null, null),
                            new ColocationSet("cs", List.of(set("a", "b")), 5_000_000, null)),
                    "constraints.l.score: score 1000001 " + OUT_OF_RANGE,
                    "constraints.c.score: score -2000000 " + OUT_OF_RANGE,
                    "constraints.cs.score: score 5000000 " + OUT_OF_RANGE);
        }

        @Test
        void a_resource_colocated_with_itself() {
            assertProblems(ab(colocation("c", "a", "a")),
                    "constraints.c.with-rsc: a resource cannot be colocated with itself ('a')");
        }

        @Test
        void resource_sets_that_are_empty() {
            assertProblems(ab(new ColocationSet("cs", List.of(), 10, null),
                            new OrderSet("os", List.of(set("a"), new ResourceSet(null, List.of(), true, true, null,
                                    null)), null, null)),
                    "constraints.cs.sets: needs at least one resource set",
                    "constraints.os.sets[1].resources: a resource set needs at least one resource");
        }
    }

    @Nested
    class Rules {
        @Test
        void a_rule_without_expressions_at_any_depth() {
            assertProblems(ab(ruleLocation("l", "a", rule(10),
                            rule(10, expr("ram", ExpressionOperator.GT, "1", null), rule(0)))),
                    "constraints.l.rules[0].expressions: a rule needs at least one expression",
                    "constraints.l.rules[1].expressions[1].expressions: a rule needs at least one expression");
        }

        @Test
        void a_rule_score_outside_the_score_range() {
            assertProblems(ab(ruleLocation("l", "a", rule(-1_000_001, expr("ram", ExpressionOperator.GT, "1", null)))),
                    "constraints.l.rules[0].score: score -1000001 " + OUT_OF_RANGE);
        }

        @Test
        void expressions_with_missing_or_superfluous_parts() {
            assertProblems(ab(ruleLocation("l", "a", rule(10,
                            expr(" ", ExpressionOperator.EQ, "x", null),
                            expr("ssd", ExpressionOperator.DEFINED, "yes", null),
                            expr("ssd", ExpressionOperator.NOT_DEFINED, "no", null),
                            expr("ram", ExpressionOperator.GTE, null, null)))),
                    "constraints.l.rules[0].expressions[0].attribute: must not be blank",
                    "constraints.l.rules[0].expressions[1].value: operation defined takes no value",
                    "constraints.l.rules[0].expressions[2].value: operation not_defined takes no value",
                    "constraints.l.rules[0].expressions[3].value: operation gte needs a value");
        }

        @Test
        void only_versions_must_match_their_type_other_values_compare_as_text() {
            assertProblems(ab(ruleLocation("l", "a", rule(10,
                            expr("ram", ExpressionOperator.GT, "lots", ValueType.INTEGER),
                            expr("load", ExpressionOperator.LT, "1.2.3", ValueType.NUMBER),
                            expr("kernel", ExpressionOperator.GTE, "v6", ValueType.VERSION),
                            expr("ram", ExpressionOperator.GT, "64", ValueType.INTEGER),
                            expr("load", ExpressionOperator.LT, "-1.5e3", ValueType.NUMBER),
                            expr("kernel", ExpressionOperator.GTE, "6.10.2", ValueType.VERSION),
                            expr("name", ExpressionOperator.EQ, "anything at all", ValueType.STRING)))),
                    "constraints.l.rules[0].expressions[2].value: 'v6' is not a version");
        }
    }

    @Nested
    class Orders {
        @Test
        void actions_that_cannot_be_ordered() {
            assertProblems(ab(new Order("o1", "a", ResourceAction.MONITOR, "b", ResourceAction.START, null, null),
                            new Order("o2", "a", ResourceAction.START, "b", ResourceAction.NOTIFY, null, null)),
                    "constraints.o1.first-action: action monitor cannot be ordered: use start, stop, promote or demote",
                    "constraints.o2.then-action: action notify cannot be ordered: use start, stop, promote or demote");
        }

        @Test
        void promote_and_demote_of_a_resource_that_is_not_promotable() {
            assertProblems(ab(new Order("o", "a", ResourceAction.DEMOTE, "b", ResourceAction.PROMOTE, null, false)),
                    "constraints.o.first-action: action demote needs a promotable clone, but 'a' is not one",
                    "constraints.o.then-action: action promote needs a promotable clone, but 'b' is not one");
        }

        @Test
        void an_order_set_with_an_action_that_cannot_be_ordered_is_reported_once() {
            assertProblems(ab(new OrderSet("os", List.of(new ResourceSet(null, List.of("a", "b"), true, true, null,
                            ResourceAction.MONITOR)), null, null)),
                    "constraints.os.sets[0].action: action monitor cannot be ordered: use start, stop, promote or"
                            + " demote");
        }

        @Test
        void an_action_ordered_after_itself() {
            assertProblems(ab(order("o", "a", "a")),
                    "constraints.o.then: an action cannot be ordered after itself ('a start')");
        }

        @Test
        void a_cycle_of_two_mandatory_orders() {
            assertProblems(ab(order("o1", "a", "b"), order("o2", "b", "a")),
                    CYCLE + "a start -> b start -> a start (o1,o2)");
        }

        @Test
        void a_cycle_through_the_inverse_of_a_symmetrical_order() {
            // o1 (symmetrical) implies "b stop before a stop"; o2 asks for "a stop before b stop".
            assertProblems(ab(order("o1", "a", "b"),
                            order("o2", "a", ResourceAction.STOP, "b", ResourceAction.STOP, false)),
                    CYCLE + "a stop -> b stop -> a stop (o1,o2)");
        }

        @Test
        void a_cycle_through_the_implicit_order_of_a_group() {
            assertProblems(config(List.of(new Group("g", List.of(prim("m1"), prim("m2")), null)),
                            order("o", "m2", "m1")),
                    CYCLE + "m1 start -> m2 start -> m1 start (group g,o)");
        }

        @Test
        void a_cycle_through_an_order_set() {
            assertProblems(ab(new OrderSet("os", List.of(set("a", "b")), null, null), order("o", "b", "a")),
                    CYCLE + "a start -> b start -> a start (o,os)");
        }

        @Test
        void optional_and_serializing_orders_never_form_a_cycle() {
            assertProblems(ab(order("o1", "a", "b"),
                    new Order("o2", "b", null, "a", null, OrderKind.OPTIONAL, null),
                    new Order("o3", "b", null, "a", null, OrderKind.SERIALIZE, null)));
        }

        @Test
        void orders_in_one_direction_are_no_cycle() {
            assertProblems(config(Arrays.asList(prim("a"), prim("b"), prim("c")),
                    order("o1", "a", "b"), order("o2", "b", "c"), order("o3", "a", "c")));
        }
    }

    @Test
    void the_id_check_without_a_regex_accepts_exactly_what_the_id_pattern_does() {
        List<String> ids = new ArrayList<>(List.of("", "a", "_", "1", "-a", ".a", "a-b.c_d", "a b", "\u00e9", "a:b",
                "a\n", "A-", "-", ".", "Z9", "a..", "a/b", "a#b", "\u0661"));
        java.util.Random random = new java.util.Random(42);
        String alphabet = "aZ09_.-:# \u00e9/";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ids.add(sb.toString());
        }
        for (String id : ids) {
            assertThat(ConfigurationValidator.validId(id)).as("'" + id + "'")
                    .isEqualTo(ConfigurationValidator.ID.matcher(id).matches());
        }
    }
}
