package io.vigil.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fluent, validating builder of a {@link Configuration}. Each method checks its own arguments at once (with a
 * message naming the argument); {@link #build()} validates the whole configuration and reports every problem.
 *
 * <pre>{@code
 * Configuration config = Configuration.builder()
 *     .properties(p -> p.stonithEnabled(false))
 *     .nodes("node1", "node2", "node3")
 *     .primitive("vip", "ocf:heartbeat:IPaddr2", r -> r
 *         .param("ip", "192.0.2.10")
 *         .monitor(Duration.ofSeconds(10))
 *         .stickiness(100))
 *     .group("web", g -> g
 *         .primitive("fs", "java:filesystem")
 *         .primitive("app", "java:app", r -> r.monitor(Duration.ofSeconds(5))))
 *     .promotable("db", c -> c
 *         .primitive("db-server", "java:store", r -> r
 *             .monitor(Duration.ofSeconds(10), Role.PROMOTED)
 *             .monitor(Duration.ofSeconds(11), Role.UNPROMOTED))
 *         .promotedMax(1))
 *     .colocation("web-with-primary", "web", "db", c -> c.withRole(Role.PROMOTED))
 *     .order("primary-then-web", "db", "web", o -> o.firstAction(ResourceAction.PROMOTE).thenAction(ResourceAction.START))
 *     .build();
 * }</pre>
 */
public final class ConfigurationBuilder {
    private ClusterProperties properties;
    private MetaAttributes resourceDefaults;
    private OperationDefaults operationDefaults;
    private final Map<String, NodeDefinition> nodes = new LinkedHashMap<>();
    private final List<Resource> resources = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();

    ConfigurationBuilder(Configuration start) {
        properties = start.properties();
        resourceDefaults = start.resourceDefaults();
        operationDefaults = start.operationDefaults();
        start.nodes().forEach(n -> nodes.put(n.name(), n));
        resources.addAll(start.resources());
        constraints.addAll(start.constraints());
    }

    static String requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return id;
    }

    static Duration requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + Durations.format(d));
        }
        return d;
    }

    static Duration requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + Durations.format(d));
        }
        return d;
    }

    static int requireScore(int score, String what) {
        if (score > Score.INFINITY || score < Score.MINUS_INFINITY) {
            throw new IllegalArgumentException(what + " " + score + " is outside -INFINITY..INFINITY (±1000000)");
        }
        return score;
    }

    // ---- cluster-wide --------------------------------------------------------------------------------------

    /** Changes cluster properties, starting from the current ones. */
    public ConfigurationBuilder properties(Consumer<ClusterProperties.Builder> spec) {
        ClusterProperties.Builder b = properties.toBuilder();
        spec.accept(b);
        properties = b.build();
        return this;
    }

    /** Sets the resource defaults ({@code rsc_defaults}), e.g. {@code d -> d.stickiness(100)}. */
    public ConfigurationBuilder resourceDefaults(Consumer<MetaSpec<?>> spec) {
        MetaSpec<?> b = new MetaSpec<>(resourceDefaults);
        spec.accept(b);
        resourceDefaults = b.meta();
        return this;
    }

    /** Sets the operation defaults ({@code op_defaults}). */
    public ConfigurationBuilder operationDefaults(OperationDefaults defaults) {
        operationDefaults = Objects.requireNonNull(defaults, "operationDefaults");
        return this;
    }

    /** Adds (or replaces) one-vote nodes without attributes. */
    public ConfigurationBuilder nodes(String... names) {
        for (String n : names) {
            node(n, b -> { });
        }
        return this;
    }

    /** Adds (or replaces) a node, e.g. {@code n -> n.votes(2).attribute("rack", "r1")}. */
    public ConfigurationBuilder node(String name, Consumer<NodeSpec> spec) {
        NodeSpec b = new NodeSpec(requireId(name, "node name"));
        spec.accept(b);
        nodes.put(name, b.build());
        return this;
    }

    // ---- resources -----------------------------------------------------------------------------------------

    /** Adds a primitive with no parameters or operations. */
    public ConfigurationBuilder primitive(String id, String agent) {
        return primitive(id, agent, r -> { });
    }

    /** Adds a primitive; {@code agent} as in {@link AgentType#parse}. */
    public ConfigurationBuilder primitive(String id, String agent, Consumer<PrimitiveSpec> spec) {
        resources.add(PrimitiveSpec.build(id, agent, spec));
        return this;
    }

    /** Adds a group. */
    public ConfigurationBuilder group(String id, Consumer<GroupSpec> spec) {
        GroupSpec b = new GroupSpec(requireId(id, "group id"));
        spec.accept(b);
        resources.add(b.build());
        return this;
    }

    /** Adds a clone of a primitive or group (declared inside {@code spec}). */
    public ConfigurationBuilder clone(String id, Consumer<CloneSpec> spec) {
        CloneSpec b = new CloneSpec(requireId(id, "clone id"), false);
        spec.accept(b);
        resources.add(b.build());
        return this;
    }

    /** Adds a promotable clone (promoted-max 1 unless set). */
    public ConfigurationBuilder promotable(String id, Consumer<CloneSpec> spec) {
        CloneSpec b = new CloneSpec(requireId(id, "clone id"), true);
        spec.accept(b);
        resources.add(b.build());
        return this;
    }

    /** Adds an already built resource. */
    public ConfigurationBuilder resource(Resource resource) {
        resources.add(Objects.requireNonNull(resource, "resource"));
        return this;
    }

    /** Removes the top-level resource with this id, and every constraint that refers to it or its descendants. */
    public ConfigurationBuilder removeResource(String id) {
        Resource r = resources.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no top-level resource '" + id + "'"));
        resources.remove(r);
        List<String> gone = new ArrayList<>();
        collectIds(r, gone);
        constraints.removeIf(c -> c.resourceIds().stream().anyMatch(gone::contains));
        return this;
    }

    private static void collectIds(Resource r, List<String> out) {
        out.add(r.id());
        r.children().forEach(c -> collectIds(c, out));
    }

    // ---- constraints ---------------------------------------------------------------------------------------

    /** Gives {@code resource} the score {@code score} on {@code node} (negative: keeps it away). */
    public ConfigurationBuilder location(String id, String resource, String node, int score) {
        constraints.add(new Location(requireId(id, "constraint id"), requireId(resource, "resource"), null,
                requireId(node, "node"), requireScore(score, "score"), List.of()));
        return this;
    }

    /** Adds a location constraint described by {@code spec} (role, node and score, or rules). */
    public ConfigurationBuilder location(String id, String resource, Consumer<LocationSpec> spec) {
        LocationSpec b = new LocationSpec(requireId(id, "constraint id"), requireId(resource, "resource"));
        spec.accept(b);
        constraints.add(b.build());
        return this;
    }

    /** Keeps {@code resource} on the node where {@code withResource} runs (score INFINITY). */
    public ConfigurationBuilder colocation(String id, String resource, String withResource) {
        return colocation(id, resource, withResource, c -> { });
    }

    /** Colocates {@code resource} with {@code withResource} with this score. */
    public ConfigurationBuilder colocation(String id, String resource, String withResource, int score) {
        return colocation(id, resource, withResource, c -> c.score(score));
    }

    /** Adds a colocation (default score INFINITY) described by {@code spec} (score, roles). */
    public ConfigurationBuilder colocation(String id, String resource, String withResource,
                                           Consumer<ColocationSpec> spec) {
        ColocationSpec b = new ColocationSpec();
        spec.accept(b);
        constraints.add(new Colocation(requireId(id, "constraint id"), requireId(resource, "resource"),
                requireId(withResource, "withResource"), b.score, b.role, b.withRole, b.nodeAttribute));
        return this;
    }

    /** Starts {@code then} after {@code first} (Mandatory, symmetrical). */
    public ConfigurationBuilder order(String id, String first, String then) {
        return order(id, first, then, o -> { });
    }

    /** Adds an order described by {@code spec} (actions, kind, symmetrical). */
    public ConfigurationBuilder order(String id, String first, String then, Consumer<OrderSpec> spec) {
        OrderSpec b = new OrderSpec();
        spec.accept(b);
        constraints.add(new Order(requireId(id, "constraint id"), requireId(first, "first"), b.firstAction,
                requireId(then, "then"), b.thenAction, b.kind, b.symmetrical));
        return this;
    }

    /** Adds a colocation over resource sets (each set colocated with the next). */
    public ConfigurationBuilder colocationSet(String id, int score, ResourceSet... sets) {
        constraints.add(new ColocationSet(requireId(id, "constraint id"), List.of(sets),
                requireScore(score, "score"), null));
        return this;
    }

    /** Adds an order over resource sets (each set after the one before). */
    public ConfigurationBuilder orderSet(String id, OrderKind kind, ResourceSet... sets) {
        constraints.add(new OrderSet(requireId(id, "constraint id"), List.of(sets), kind, null));
        return this;
    }

    /** Adds an already built constraint. */
    public ConfigurationBuilder constraint(Constraint constraint) {
        constraints.add(Objects.requireNonNull(constraint, "constraint"));
        return this;
    }

    /** Removes the constraint with this id. */
    public ConfigurationBuilder removeConstraint(String id) {
        if (!constraints.removeIf(c -> c.id().equals(id))) {
            throw new IllegalArgumentException("no constraint '" + id + "'");
        }
        return this;
    }

    /**
     * Validates the whole configuration and returns it.
     *
     * @throws ConfigurationException listing every problem found
     */
    public Configuration build() {
        Configuration c = new Configuration(properties, resourceDefaults, operationDefaults,
                List.copyOf(nodes.values()), resources, constraints);
        return ConfigurationValidator.requireValid(c);
    }

    // ---- nested specs --------------------------------------------------------------------------------------

    /**
     * Meta attributes shared by every resource kind; see {@link MetaAttributes} for meanings and defaults.
     *
     * @param <B> the concrete spec, so that calls chain
     */
    public static class MetaSpec<B extends MetaSpec<B>> {
        private Integer priority;
        private Role targetRole;
        private Boolean isManaged;
        private Boolean maintenance;
        private Integer stickiness;
        private Integer migrationThreshold;
        private Duration failureTimeout;
        private MultipleActive multipleActive;
        private Requires requires;
        private RestartType restartType;
        private final Map<String, String> other = new LinkedHashMap<>();

        MetaSpec(MetaAttributes start) {
            priority = start.priority();
            targetRole = start.targetRole();
            isManaged = start.isManaged();
            maintenance = start.maintenance();
            stickiness = start.resourceStickiness();
            migrationThreshold = start.migrationThreshold();
            failureTimeout = start.failureTimeout();
            multipleActive = start.multipleActive();
            requires = start.requires();
            restartType = start.restartType();
            other.putAll(start.other());
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** Placement priority (higher first); default 0. */
        public B priority(int value) {
            priority = requireScore(value, "priority");
            return self();
        }

        /** The role to bring the resource to; default Started. */
        public B targetRole(Role value) {
            targetRole = Objects.requireNonNull(value, "targetRole");
            return self();
        }

        /** Shorthand for {@code targetRole(Role.STOPPED)}. */
        public B stopped() {
            return targetRole(Role.STOPPED);
        }

        /** Whether the cluster manages it; default true. */
        public B managed(boolean value) {
            isManaged = value;
            return self();
        }

        /** Maintenance mode for this resource; default false. */
        public B maintenance(boolean value) {
            maintenance = value;
            return self();
        }

        /** Score for staying where it runs; default 0 (1 for clone instances). */
        public B stickiness(int value) {
            stickiness = requireScore(value, "stickiness");
            return self();
        }

        /** Failures on a node before it is banned there; default INFINITY; 0 disables. */
        public B migrationThreshold(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("migrationThreshold must not be negative, was " + value);
            }
            migrationThreshold = value;
            return self();
        }

        /** How long until a failure is forgotten; default 0 = never. */
        public B failureTimeout(Duration value) {
            failureTimeout = requireNotNegative(value, "failureTimeout");
            return self();
        }

        /** What to do when found active on several nodes; default stop_start. */
        public B multipleActive(MultipleActive value) {
            multipleActive = Objects.requireNonNull(value, "multipleActive");
            return self();
        }

        /** What must hold before it starts; default fencing (or quorum without stonith). */
        public B requires(Requires value) {
            requires = Objects.requireNonNull(value, "requires");
            return self();
        }

        /** Whether an optional order restarts it when its first restarts; default ignore. */
        public B restartType(RestartType value) {
            restartType = Objects.requireNonNull(value, "restartType");
            return self();
        }

        /** Any other meta attribute, kept verbatim. */
        public B meta(String name, String value) {
            other.put(requireId(name, "meta attribute name"), Objects.requireNonNull(value, "value"));
            return self();
        }

        MetaAttributes meta() {
            return new MetaAttributes(priority, targetRole, isManaged, maintenance, stickiness, migrationThreshold,
                    failureTimeout, multipleActive, requires, other, restartType);
        }
    }

    /** Describes a {@link Primitive}: parameters, operations, utilization and meta attributes. */
    public static final class PrimitiveSpec extends MetaSpec<PrimitiveSpec> {
        private final String id;
        private final AgentType agent;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final List<Operation> operations = new ArrayList<>();
        private final Map<String, Integer> utilization = new LinkedHashMap<>();

        private PrimitiveSpec(String id, AgentType agent) {
            super(MetaAttributes.EMPTY);
            this.id = id;
            this.agent = agent;
        }

        static Primitive build(String id, String agent, Consumer<PrimitiveSpec> spec) {
            PrimitiveSpec b = new PrimitiveSpec(requireId(id, "primitive id"), AgentType.parse(agent));
            spec.accept(b);
            return new Primitive(b.id, b.agent, b.parameters, b.meta(), b.operations, b.utilization);
        }

        /** An agent parameter. */
        public PrimitiveSpec param(String name, String value) {
            parameters.put(requireId(name, "parameter name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A recurring monitor for any role, with the default timeout. */
        public PrimitiveSpec monitor(Duration interval) {
            return op("monitor", o -> o.interval(interval));
        }

        /** A recurring monitor for one role (promotable clones monitor each role at a distinct interval). */
        public PrimitiveSpec monitor(Duration interval, Role role) {
            return op("monitor", o -> o.interval(interval).role(role));
        }

        /** An operation, e.g. {@code op("start", o -> o.timeout(Duration.ofSeconds(60)))}. */
        public PrimitiveSpec op(String name, Consumer<OperationSpec> spec) {
            OperationSpec b = new OperationSpec(requireId(name, "operation name"));
            spec.accept(b);
            operations.add(b.build());
            return this;
        }

        /** Capacity this resource consumes, e.g. {@code utilization("cpu", 2)}. */
        public PrimitiveSpec utilization(String name, int value) {
            if (value < 0) {
                throw new IllegalArgumentException("utilization " + name + " must not be negative, was " + value);
            }
            utilization.put(requireId(name, "utilization name"), value);
            return this;
        }
    }

    /** Describes an {@link Operation}. */
    public static final class OperationSpec {
        private final String name;
        private Duration interval = Duration.ZERO;
        private Duration timeout;
        private Role role;
        private OnFail onFail;
        private boolean enabled = true;
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private OperationSpec(String name) {
            this.name = name;
        }

        /** How often it repeats; default 0 (once). */
        public OperationSpec interval(Duration value) {
            interval = requireNotNegative(value, "interval");
            return this;
        }

        /** How long it may take; default the operation defaults' timeout, else 20 s. */
        public OperationSpec timeout(Duration value) {
            timeout = requirePositive(value, "timeout");
            return this;
        }

        /** For monitors: the role it applies to; default any. */
        public OperationSpec role(Role value) {
            role = Objects.requireNonNull(value, "role");
            return this;
        }

        /** What to do on failure; default depends on the operation (see {@link OnFail}). */
        public OperationSpec onFail(OnFail value) {
            onFail = Objects.requireNonNull(value, "onFail");
            return this;
        }

        /** Disables the operation. */
        public OperationSpec disabled() {
            enabled = false;
            return this;
        }

        /** An agent parameter for this operation only, added to the resource's; default none. */
        public OperationSpec param(String paramName, String value) {
            parameters.put(requireId(paramName, "parameter name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        Operation build() {
            return new Operation(name, interval, timeout, role, onFail, enabled, parameters);
        }
    }

    /** Describes a {@link Group}: its members, in start order, and meta attributes. */
    public static final class GroupSpec extends MetaSpec<GroupSpec> {
        private final String id;
        private final List<Primitive> members = new ArrayList<>();

        private GroupSpec(String id) {
            super(MetaAttributes.EMPTY);
            this.id = id;
        }

        /** Appends a member primitive. */
        public GroupSpec primitive(String id, String agent) {
            return primitive(id, agent, r -> { });
        }

        /** Appends a member primitive. */
        public GroupSpec primitive(String id, String agent, Consumer<PrimitiveSpec> spec) {
            members.add(PrimitiveSpec.build(id, agent, spec));
            return this;
        }

        Group build() {
            return new Group(id, members, meta());
        }
    }

    /** Describes a {@link Clone}: the cloned primitive or group, the clone options and meta attributes. */
    public static final class CloneSpec extends MetaSpec<CloneSpec> {
        private final String id;
        private final boolean promotable;
        private Resource child;
        private Integer cloneMax;
        private Integer cloneNodeMax;
        private Boolean globallyUnique;
        private boolean interleave;
        private boolean notifications;
        private boolean ordered;
        private Integer promotedMax;
        private Integer promotedNodeMax;

        private CloneSpec(String id, boolean promotable) {
            super(MetaAttributes.EMPTY);
            this.id = id;
            this.promotable = promotable;
        }

        private CloneSpec child(Resource r) {
            if (child != null) {
                throw new IllegalStateException("clone '" + id + "' already clones '" + child.id() + "'");
            }
            child = r;
            return this;
        }

        /** Clones this primitive. */
        public CloneSpec primitive(String id, String agent) {
            return primitive(id, agent, r -> { });
        }

        /** Clones this primitive. */
        public CloneSpec primitive(String id, String agent, Consumer<PrimitiveSpec> spec) {
            return child(PrimitiveSpec.build(id, agent, spec));
        }

        /** Clones this group. */
        public CloneSpec group(String id, Consumer<GroupSpec> spec) {
            GroupSpec b = new GroupSpec(requireId(id, "group id"));
            spec.accept(b);
            return child(b.build());
        }

        /** Total number of instances; default the number of nodes. */
        public CloneSpec cloneMax(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("cloneMax must not be negative, was " + value);
            }
            cloneMax = value;
            return this;
        }

        /** Instances per node; default 1. */
        public CloneSpec cloneNodeMax(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("cloneNodeMax must be at least 1, was " + value);
            }
            cloneNodeMax = value;
            return this;
        }

        /** Whether instances are distinct; default false (true when cloneNodeMax &gt; 1). */
        public CloneSpec globallyUnique(boolean value) {
            globallyUnique = value;
            return this;
        }

        /** Per-node ordering/colocation with other clones; default false. */
        public CloneSpec interleave(boolean value) {
            interleave = value;
            return this;
        }

        /** Notify instances of their peers' actions; default false. */
        public CloneSpec notifications(boolean value) {
            notifications = value;
            return this;
        }

        /** Start instances one after another; default false. */
        public CloneSpec ordered(boolean value) {
            ordered = value;
            return this;
        }

        /** Promoted instances in total (promotable clones only); default 1. */
        public CloneSpec promotedMax(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("promotedMax must not be negative, was " + value);
            }
            promotedMax = value;
            return this;
        }

        /** Promoted instances per node (promotable clones only); default 1. */
        public CloneSpec promotedNodeMax(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("promotedNodeMax must be at least 1, was " + value);
            }
            promotedNodeMax = value;
            return this;
        }

        Clone build() {
            if (child == null) {
                throw new IllegalStateException("clone '" + id + "' needs a primitive or group to clone");
            }
            return new Clone(id, child, new CloneOptions(cloneMax, cloneNodeMax, globallyUnique, interleave, notifications,
                    ordered, promotable, promotedMax, promotedNodeMax), meta());
        }
    }

    /** Describes a {@link NodeDefinition}. */
    public static final class NodeSpec {
        private final String name;
        private int votes = 1;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Map<String, Integer> utilization = new LinkedHashMap<>();
        private String id;

        private NodeSpec(String name) {
            this.name = name;
        }

        /** The node's cluster id, which rules read as {@code #id}; default: the node name. */
        public NodeSpec id(String value) {
            id = requireId(value, "node id");
            return this;
        }

        /** Quorum votes; default 1. */
        public NodeSpec votes(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("votes must not be negative, was " + value);
            }
            votes = value;
            return this;
        }

        /** A permanent node attribute that rules can read. */
        public NodeSpec attribute(String name, String value) {
            attributes.put(requireId(name, "attribute name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Capacity the node offers, e.g. {@code utilization("cpu", 8)}. */
        public NodeSpec utilization(String name, int value) {
            if (value < 0) {
                throw new IllegalArgumentException("utilization " + name + " must not be negative, was " + value);
            }
            utilization.put(requireId(name, "utilization name"), value);
            return this;
        }

        NodeDefinition build() {
            return new NodeDefinition(name, votes, attributes, utilization, id);
        }
    }

    /** Describes a {@link Location}: a node and score, or rules; optionally a role. */
    public static final class LocationSpec {
        private final String id;
        private final String resource;
        private Role role;
        private String node;
        private int score;
        private final List<Rule> rules = new ArrayList<>();

        private LocationSpec(String id, String resource) {
            this.id = id;
            this.resource = resource;
        }

        /** The role it applies to; default every role. */
        public LocationSpec role(Role value) {
            role = Objects.requireNonNull(value, "role");
            return this;
        }

        /** Fixed form: this node gets this score. */
        public LocationSpec node(String name, int score) {
            node = requireId(name, "node");
            this.score = requireScore(score, "score");
            return this;
        }

        /** Rule form: nodes where {@code attribute op value} holds get {@code score}. */
        public LocationSpec rule(int score, String attribute, ExpressionOperator op, String value) {
            rules.add(new Rule(null, requireScore(score, "score"), null, BoolOp.AND, null,
                    List.of(new AttributeExpression(requireId(attribute, "attribute"), op, value, null))));
            return this;
        }

        /** Rule form with a rule built by hand (several expressions, nesting, score attribute). */
        public LocationSpec rule(Rule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        Location build() {
            return new Location(id, resource, role, node, score, rules);
        }
    }

    /** Describes a {@link Colocation}: score (default INFINITY) and roles. */
    public static final class ColocationSpec {
        private int score = Score.INFINITY;
        private Role role;
        private Role withRole;
        private String nodeAttribute;

        private ColocationSpec() {
        }

        /** Strength and direction; default INFINITY. */
        public ColocationSpec score(int value) {
            score = requireScore(value, "score");
            return this;
        }

        /** The dependent's role it applies to. */
        public ColocationSpec role(Role value) {
            role = Objects.requireNonNull(value, "role");
            return this;
        }

        /** The other resource's role it applies to, e.g. {@link Role#PROMOTED}. */
        public ColocationSpec withRole(Role value) {
            withRole = Objects.requireNonNull(value, "withRole");
            return this;
        }

        /** Colocate on nodes sharing this attribute's value instead of the same node. */
        public ColocationSpec nodeAttribute(String value) {
            nodeAttribute = requireId(value, "nodeAttribute");
            return this;
        }
    }

    /** Describes an {@link Order}: actions, kind and symmetry. */
    public static final class OrderSpec {
        private ResourceAction firstAction = ResourceAction.START;
        private ResourceAction thenAction;
        private OrderKind kind = OrderKind.MANDATORY;
        private Boolean symmetrical;

        private OrderSpec() {
        }

        /** The first resource's action; default start. */
        public OrderSpec firstAction(ResourceAction value) {
            firstAction = Objects.requireNonNull(value, "firstAction");
            return this;
        }

        /** The then resource's action; default the same as the first action. */
        public OrderSpec thenAction(ResourceAction value) {
            thenAction = Objects.requireNonNull(value, "thenAction");
            return this;
        }

        /** How strictly; default Mandatory. */
        public OrderSpec kind(OrderKind value) {
            kind = Objects.requireNonNull(value, "kind");
            return this;
        }

        /** Whether the reverse applies to the reverse actions; default true (false for Serialize). */
        public OrderSpec symmetrical(boolean value) {
            symmetrical = value;
            return this;
        }
    }
}
