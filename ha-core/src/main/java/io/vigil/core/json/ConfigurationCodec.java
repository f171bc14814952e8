package io.vigil.core.json;

import static io.vigil.core.json.JsonIn.names;

import com.fasterxml.jackson.core.JsonLocation;
import io.vigil.core.model.AgentType;
import io.vigil.core.model.AttributeExpression;
import io.vigil.core.model.BoolOp;
import io.vigil.core.model.Clone;
import io.vigil.core.model.CloneOptions;
import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.ColocationSet;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Constraint;
import io.vigil.core.model.ExpressionOperator;
import io.vigil.core.model.FenceAction;
import io.vigil.core.model.Group;
import io.vigil.core.model.Location;
import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.MultipleActive;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.NodeDefinition;
import io.vigil.core.model.NodeHealth;
import io.vigil.core.model.NodeHealthStrategy;
import io.vigil.core.model.OnFail;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OperationDefaults;
import io.vigil.core.model.Order;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.OrderSet;
import io.vigil.core.model.PlacementStrategy;
import io.vigil.core.model.Problem;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Requires;
import io.vigil.core.model.RestartType;
import io.vigil.core.model.Resource;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.Role;
import io.vigil.core.model.Rule;
import io.vigil.core.model.RuleExpression;
import io.vigil.core.model.Score;
import io.vigil.core.model.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads and writes a {@link Configuration} in Vigil's JSON format (docs/configuration-format.md). Field names
 * are Pacemaker's (kebab-case); the order in which they are written is the order of the name lists below.
 */
final class ConfigurationCodec {
    static final Set<String> CONFIGURATION = names("format", "properties", "rsc-defaults", "op-defaults", "nodes",
            "resources", "constraints");
    /** Inside a CIB only the top level carries the format. */
    static final Set<String> CONFIGURATION_IN_CIB = names("properties", "rsc-defaults", "op-defaults", "nodes",
            "resources", "constraints");
    static final Set<String> PROPERTIES = names("stonith-enabled", "stonith-action", "no-quorum-policy",
            "symmetric-cluster", "stop-all-resources", "maintenance-mode", "start-failure-is-fatal",
            "cluster-recheck-interval", "placement-strategy", "batch-limit", "startup-fencing", "concurrent-fencing",
            "stop-orphan-resources", "node-health-strategy", "node-health-red", "node-health-yellow",
            "node-health-green", "node-health-base");
    static final Set<String> META = names("priority", "target-role", "is-managed", "maintenance",
            "resource-stickiness", "migration-threshold", "failure-timeout", "multiple-active", "requires",
            "restart-type", "other");
    static final Set<String> OP_DEFAULTS = names("timeout", "on-fail", "enabled");
    static final Set<String> NODE = names("name", "id", "votes", "attributes", "utilization");
    static final Set<String> OPERATION = names("name", "interval", "timeout", "role", "on-fail", "enabled",
            "parameters");

    static final Set<String> PRIMITIVE = names("kind", "id", "agent", "parameters", "meta", "operations",
            "utilization");
    static final Set<String> GROUP = names("kind", "id", "meta", "members");
    static final Set<String> CLONE = names("kind", "id", "promotable", "clone-max", "clone-node-max",
            "globally-unique", "interleave", "notify", "ordered", "promoted-max", "promoted-node-max", "meta", "child");
    static final Set<String> RESOURCE = union(PRIMITIVE, GROUP, CLONE);

    static final Set<String> LOCATION = names("kind", "id", "rsc", "role", "node", "score", "rules");
    static final Set<String> COLOCATION = names("kind", "id", "rsc", "rsc-role", "with-rsc", "with-rsc-role",
            "score", "node-attribute");
    static final Set<String> ORDER = names("kind", "id", "first", "first-action", "then", "then-action",
            "order-kind", "symmetrical");
    static final Set<String> COLOCATION_SET = names("kind", "id", "score", "node-attribute", "sets");
    static final Set<String> ORDER_SET = names("kind", "id", "order-kind", "symmetrical", "sets");
    static final Set<String> CONSTRAINT = union(LOCATION, COLOCATION, ORDER, COLOCATION_SET, ORDER_SET);
    static final Set<String> RESOURCE_SET = names("id", "resources", "sequential", "require-all", "role", "action",
            "ordering");

    static final Set<String> RULE = names("kind", "id", "score", "score-attribute", "boolean-op", "role",
            "expressions");
    static final Set<String> EXPRESSION = names("kind", "attribute", "operation", "value", "type");
    static final Set<String> RULE_EXPRESSION = union(RULE, EXPRESSION);

    private static final String RESOURCE_KINDS = "primitive, group or clone";
    private static final String CONSTRAINT_KINDS = "location, colocation, order, colocation-set or order-set";

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        List<String> all = new ArrayList<>();
        for (Set<String> s : sets) {
            for (String n : s) {
                if (!all.contains(n)) {
                    all.add(n);
                }
            }
        }
        return names(all.toArray(String[]::new));
    }

    private ConfigurationCodec() {
    }

    // ================================================================ writing

    /** Writes the configuration's fields (without "format") into the object the caller opened. */
    static void writeFields(JsonOut out, Configuration c) {
        writeProperties(out, c.properties());
        if (!c.resourceDefaults().equals(MetaAttributes.EMPTY)) {
            out.startObject("rsc-defaults");
            writeMetaFields(out, c.resourceDefaults());
            out.endObject();
        }
        OperationDefaults od = c.operationDefaults();
        if (!od.equals(OperationDefaults.EMPTY)) {
            out.startObject("op-defaults");
            out.field("timeout", od.timeout());
            out.field("on-fail", od.onFail());
            out.field("enabled", od.enabled());
            out.endObject();
        }
        if (!c.nodes().isEmpty()) {
            out.startArray("nodes");
            for (NodeDefinition n : c.nodes()) {
                out.startObject();
                out.field("name", n.name());
                if (!n.id().equals(n.name())) {
                    out.field("id", n.id());
                }
                if (n.votes() != 1) {
                    out.field("votes", n.votes());
                }
                out.stringMap("attributes", n.attributes());
                out.intMap("utilization", n.utilization());
                out.endObject();
            }
            out.endArray();
        }
        if (!c.resources().isEmpty()) {
            out.startArray("resources");
            c.resources().forEach(r -> writeResource(out, r, true));
            out.endArray();
        }
        if (!c.constraints().isEmpty()) {
            out.startArray("constraints");
            c.constraints().forEach(k -> writeConstraint(out, k));
            out.endArray();
        }
    }

    /** Only the properties that differ from Pacemaker's defaults. */
    private static void writeProperties(JsonOut out, ClusterProperties p) {
        ClusterProperties d = ClusterProperties.DEFAULTS;
        if (p.equals(d)) {
            return;
        }
        out.startObject("properties");
        if (p.stonithEnabled() != d.stonithEnabled()) {
            out.field("stonith-enabled", p.stonithEnabled());
        }
        if (p.stonithAction() != d.stonithAction()) {
            out.field("stonith-action", p.stonithAction());
        }
        if (p.noQuorumPolicy() != d.noQuorumPolicy()) {
            out.field("no-quorum-policy", p.noQuorumPolicy());
        }
        if (p.symmetricCluster() != d.symmetricCluster()) {
            out.field("symmetric-cluster", p.symmetricCluster());
        }
        if (p.stopAllResources() != d.stopAllResources()) {
            out.field("stop-all-resources", p.stopAllResources());
        }
        if (p.maintenanceMode() != d.maintenanceMode()) {
            out.field("maintenance-mode", p.maintenanceMode());
        }
        if (p.startFailureIsFatal() != d.startFailureIsFatal()) {
            out.field("start-failure-is-fatal", p.startFailureIsFatal());
        }
        if (!p.clusterRecheckInterval().equals(d.clusterRecheckInterval())) {
            out.field("cluster-recheck-interval", p.clusterRecheckInterval());
        }
        if (p.placementStrategy() != d.placementStrategy()) {
            out.field("placement-strategy", p.placementStrategy());
        }
        if (p.batchLimit() != d.batchLimit()) {
            out.field("batch-limit", p.batchLimit());
        }
        if (p.startupFencing() != d.startupFencing()) {
            out.field("startup-fencing", p.startupFencing());
        }
        if (p.concurrentFencing() != d.concurrentFencing()) {
            out.field("concurrent-fencing", p.concurrentFencing());
        }
        if (p.stopOrphanResources() != d.stopOrphanResources()) {
            out.field("stop-orphan-resources", p.stopOrphanResources());
        }
        NodeHealth h = p.nodeHealth();
        NodeHealth dh = d.nodeHealth();
        if (h.strategy() != dh.strategy()) {
            out.field("node-health-strategy", h.strategy());
        }
        if (h.red() != dh.red()) {
            out.score("node-health-red", h.red());
        }
        if (h.yellow() != dh.yellow()) {
            out.score("node-health-yellow", h.yellow());
        }
        if (h.green() != dh.green()) {
            out.score("node-health-green", h.green());
        }
        if (h.base() != dh.base()) {
            out.score("node-health-base", h.base());
        }
        out.endObject();
    }

    private static void writeMeta(JsonOut out, MetaAttributes m) {
        if (m.equals(MetaAttributes.EMPTY)) {
            return;
        }
        out.startObject("meta");
        writeMetaFields(out, m);
        out.endObject();
    }

    private static void writeMetaFields(JsonOut out, MetaAttributes m) {
        out.field("priority", m.priority());
        out.field("target-role", m.targetRole());
        out.field("is-managed", m.isManaged());
        out.field("maintenance", m.maintenance());
        out.score("resource-stickiness", m.resourceStickiness());
        out.score("migration-threshold", m.migrationThreshold());
        out.field("failure-timeout", m.failureTimeout());
        out.field("multiple-active", m.multipleActive());
        out.field("requires", m.requires());
        out.field("restart-type", m.restartType());
        out.stringMap("other", m.other());
    }

    private static void writeResource(JsonOut out, Resource r, boolean withKind) {
        out.startObject();
        if (r instanceof Primitive p) {
            if (withKind) {
                out.field("kind", "primitive");
            }
            out.field("id", p.id());
            out.field("agent", p.agent());
            out.stringMap("parameters", p.parameters());
            writeMeta(out, p.meta());
            if (!p.operations().isEmpty()) {
                out.startArray("operations");
                p.operations().forEach(op -> writeOperation(out, op));
                out.endArray();
            }
            out.intMap("utilization", p.utilization());
        } else if (r instanceof Group g) {
            out.field("kind", "group");
            out.field("id", g.id());
            writeMeta(out, g.meta());
            if (!g.members().isEmpty()) {
                out.startArray("members");
                g.members().forEach(m -> writeResource(out, m, false));
                out.endArray();
            }
        } else if (r instanceof Clone c) {
            CloneOptions o = c.options();
            out.field("kind", "clone");
            out.field("id", c.id());
            if (o.promotable()) {
                out.field("promotable", true);
            }
            out.field("clone-max", o.cloneMax());
            out.field("clone-node-max", o.cloneNodeMax());
            out.field("globally-unique", o.globallyUnique());
            if (o.interleave()) {
                out.field("interleave", true);
            }
            if (o.notifications()) {
                out.field("notify", true);
            }
            if (o.ordered()) {
                out.field("ordered", true);
            }
            out.field("promoted-max", o.promotedMax());
            out.field("promoted-node-max", o.promotedNodeMax());
            writeMeta(out, c.meta());
            out.name("child");
            writeResource(out, c.child(), true);
        }
        out.endObject();
    }

    private static void writeOperation(JsonOut out, Operation op) {
        out.startObject();
        out.field("name", op.name());
        if (!op.interval().isZero()) {
            out.field("interval", op.interval());
        }
        out.field("timeout", op.timeout());
        out.field("role", op.role());
        out.field("on-fail", op.onFail());
        if (!op.enabled()) {
            out.field("enabled", false);
        }
        out.stringMap("parameters", op.parameters());
        out.endObject();
    }

    private static void writeConstraint(JsonOut out, Constraint c) {
        out.startObject();
        if (c instanceof Location l) {
            out.field("kind", "location");
            out.field("id", l.id());
            out.field("rsc", l.resource());
            out.field("role", l.role());
            out.field("node", l.node());
            if (l.rules().isEmpty() || l.node() != null || l.score() != 0) {
                out.score("score", l.score());
            }
            if (!l.rules().isEmpty()) {
                out.startArray("rules");
                l.rules().forEach(r -> writeRule(out, r, false));
                out.endArray();
            }
        } else if (c instanceof Colocation col) {
            out.field("kind", "colocation");
            out.field("id", col.id());
            out.field("rsc", col.resource());
            out.field("rsc-role", col.resourceRole());
            out.field("with-rsc", col.withResource());
            out.field("with-rsc-role", col.withRole());
            out.score("score", col.score());
            out.field("node-attribute", col.nodeAttribute());
        } else if (c instanceof Order o) {
            out.field("kind", "order");
            out.field("id", o.id());
            out.field("first", o.first());
            if (o.firstAction() != ResourceAction.START) {
                out.field("first-action", o.firstAction());
            }
            out.field("then", o.then());
            if (o.thenAction() != o.firstAction()) {
                out.field("then-action", o.thenAction());
            }
            if (o.kind() != OrderKind.MANDATORY) {
                out.field("order-kind", o.kind());
            }
            out.field("symmetrical", o.symmetrical());
        } else if (c instanceof ColocationSet cs) {
            out.field("kind", "colocation-set");
            out.field("id", cs.id());
            out.score("score", cs.score());
            out.field("node-attribute", cs.nodeAttribute());
            writeSets(out, cs.sets());
        } else if (c instanceof OrderSet os) {
            out.field("kind", "order-set");
            out.field("id", os.id());
            if (os.kind() != OrderKind.MANDATORY) {
                out.field("order-kind", os.kind());
            }
            out.field("symmetrical", os.symmetrical());
            writeSets(out, os.sets());
        }
        out.endObject();
    }

    private static void writeSets(JsonOut out, List<ResourceSet> sets) {
        if (sets.isEmpty()) {
            return;
        }
        out.startArray("sets");
        for (ResourceSet s : sets) {
            out.startObject();
            out.field("id", s.id());
            out.stringList("resources", s.resources());
            if (!s.sequential()) {
                out.field("sequential", false);
            }
            if (!s.requireAll()) {
                out.field("require-all", false);
            }
            out.field("role", s.role());
            out.field("action", s.action());
            if (s.listed()) {
                out.field("ordering", "listed");
            }
            out.endObject();
        }
        out.endArray();
    }

    private static void writeRule(JsonOut out, Rule r, boolean withKind) {
        out.startObject();
        if (withKind) {
            out.field("kind", "rule");
        }
        out.field("id", r.id());
        if (r.score() != 0) {
            out.score("score", r.score());
        }
        out.field("score-attribute", r.scoreAttribute());
        if (r.booleanOp() != BoolOp.AND) {
            out.field("boolean-op", r.booleanOp());
        }
        out.field("role", r.role());
        if (!r.expressions().isEmpty()) {
            out.startArray("expressions");
            for (RuleExpression e : r.expressions()) {
                if (e instanceof Rule nested) {
                    writeRule(out, nested, true);
                } else if (e instanceof AttributeExpression a) {
                    out.startObject();
                    out.field("kind", "expression");
                    out.field("attribute", a.attribute());
                    out.field("operation", a.operator());
                    out.field("value", a.value());
                    out.field("type", a.type());
                    out.endObject();
                }
            }
            out.endArray();
        }
        out.endObject();
    }

    // ================================================================ reading

    /**
     * Reads one configuration. Remembers where each resource, constraint and node starts, so that validation
     * problems (whose paths name elements by id) can point at a line.
     */
    static final class Reader {
        private final JsonIn in;
        /**
         * Model path prefix ("resources.web", "constraints.c1", "nodes[0]") -> where each element with that
         * path starts, in document order (several when an id is used twice).
         */
        private final Map<String, List<JsonLocation>> starts = new HashMap<>();

        Reader(JsonIn in) {
            this.in = in;
        }

        /**
         * Where the element a validation problem points into starts; null if unknown. A duplicate id is the
         * fault of its last use, anything else of the first element with that id.
         */
        JsonLocation locate(Problem problem) {
            String problemPath = problem.path();
            String best = null;
            for (String prefix : starts.keySet()) {
                boolean matches = problemPath.equals(prefix) || problemPath.startsWith(prefix)
                        && (problemPath.charAt(prefix.length()) == '.' || problemPath.charAt(prefix.length()) == '[');
                if (matches && (best == null || prefix.length() > best.length())) {
                    best = prefix;
                }
            }
            if (best == null) {
                return null;
            }
            List<JsonLocation> all = starts.get(best);
            return problem.message().startsWith("duplicate id") ? all.get(all.size() - 1) : all.get(0);
        }

        private void start(String path, JsonLocation at) {
            starts.computeIfAbsent(path, k -> new ArrayList<>()).add(at);
        }

        /**
         * Where the list elements of one resource or constraint start ("operations[1]"), remembered until its
         * id is known (it may come after them), so that problems inside them point at their own line.
         */
        private final class Parts {
            private final Map<String, JsonLocation> found = new LinkedHashMap<>();

            void register(String elementPath) {
                found.forEach((part, at) -> start(elementPath + "." + part, at));
            }
        }

        /** Reads list elements with {@code element}, remembering where each starts. */
        private <T> Supplier<T> located(Parts parts, String list,
                                                           Supplier<T> element) {
            return () -> {
                parts.found.put(list + "[" + in.arrayIndex() + "]", in.location());
                return element.get();
            };
        }

        /** Reads the object at the current token; {@code topLevel} allows the "format" field. */
        Configuration configuration(boolean topLevel) {
            JsonIn.Obj o = in.object("configuration", topLevel ? CONFIGURATION : CONFIGURATION_IN_CIB);
            ClusterProperties properties = null;
            MetaAttributes rscDefaults = null;
            OperationDefaults opDefaults = null;
            List<NodeDefinition> nodes = null;
            List<Resource> resources = null;
            List<Constraint> constraints = null;
            while (o.next()) {
                switch (o.name()) {
                    case "format" -> in.skip();
                    case "properties" -> {
                        start("properties", in.location());
                        properties = properties();
                    }
                    case "rsc-defaults" -> {
                        start("rsc-defaults", in.location());
                        rscDefaults = meta("rsc-defaults");
                    }
                    case "op-defaults" -> {
                        start("op-defaults", in.location());
                        opDefaults = operationDefaults();
                    }
                    case "nodes" -> nodes = in.list("nodes", this::node);
                    case "resources" -> resources = in.list("resources", () -> resource(null));
                    case "constraints" -> {
                        // Problems of all constraints together (order cycles) point at the list.
                        start("constraints", in.location());
                        constraints = in.list("constraints", this::constraint);
                    }
                    default -> throw new IllegalStateException(o.name());
                }
            }
            return new Configuration(properties, rscDefaults, opDefaults, nodes, resources, constraints);
        }

        private ClusterProperties properties() {
            if (isNull()) {
                return null;
            }
            ClusterProperties d = ClusterProperties.DEFAULTS;
            boolean stonithEnabled = d.stonithEnabled();
            FenceAction stonithAction = d.stonithAction();
            NoQuorumPolicy noQuorumPolicy = d.noQuorumPolicy();
            boolean symmetricCluster = d.symmetricCluster();
            boolean stopAllResources = d.stopAllResources();
            boolean maintenanceMode = d.maintenanceMode();
            boolean startFailureIsFatal = d.startFailureIsFatal();
            Duration clusterRecheckInterval = d.clusterRecheckInterval();
            PlacementStrategy placementStrategy = d.placementStrategy();
            int batchLimit = d.batchLimit();
            boolean startupFencing = d.startupFencing();
            boolean concurrentFencing = d.concurrentFencing();
            boolean stopOrphanResources = d.stopOrphanResources();
            NodeHealthStrategy healthStrategy = d.nodeHealth().strategy();
            int healthRed = d.nodeHealth().red();
            int healthYellow = d.nodeHealth().yellow();
            int healthGreen = d.nodeHealth().green();
            int healthBase = d.nodeHealth().base();
            JsonIn.Obj o = in.object("properties", PROPERTIES);
            while (o.next()) {
                switch (o.name()) {
                    case "stonith-enabled" -> stonithEnabled = or(in.bool(), stonithEnabled);
                    case "stonith-action" -> stonithAction = or(in.keyword(FenceAction::parse), stonithAction);
                    case "no-quorum-policy" -> noQuorumPolicy = or(in.keyword(NoQuorumPolicy::parse), noQuorumPolicy);
                    case "symmetric-cluster" -> symmetricCluster = or(in.bool(), symmetricCluster);
                    case "stop-all-resources" -> stopAllResources = or(in.bool(), stopAllResources);
                    case "maintenance-mode" -> maintenanceMode = or(in.bool(), maintenanceMode);
                    case "start-failure-is-fatal" -> startFailureIsFatal = or(in.bool(), startFailureIsFatal);
                    case "cluster-recheck-interval" -> clusterRecheckInterval =
                            or(in.duration("cluster-recheck-interval"), clusterRecheckInterval);
                    case "placement-strategy" ->
                            placementStrategy = or(in.keyword(PlacementStrategy::parse), placementStrategy);
                    case "batch-limit" -> batchLimit = or(in.integer(), batchLimit);
                    case "startup-fencing" -> startupFencing = or(in.bool(), startupFencing);
                    case "concurrent-fencing" -> concurrentFencing = or(in.bool(), concurrentFencing);
                    case "stop-orphan-resources" -> stopOrphanResources = or(in.bool(), stopOrphanResources);
                    case "node-health-strategy" ->
                            healthStrategy = or(in.keyword(NodeHealthStrategy::parse), healthStrategy);
                    case "node-health-red" -> healthRed = or(in.score(), healthRed);
                    case "node-health-yellow" -> healthYellow = or(in.score(), healthYellow);
                    case "node-health-green" -> healthGreen = or(in.score(), healthGreen);
                    case "node-health-base" -> healthBase = or(in.score(), healthBase);
                    default -> throw new IllegalStateException(o.name());
                }
            }
            return new ClusterProperties(stonithEnabled, stonithAction, noQuorumPolicy, symmetricCluster,
                    stopAllResources, maintenanceMode, startFailureIsFatal, clusterRecheckInterval,
                    placementStrategy, batchLimit, startupFencing, concurrentFencing, stopOrphanResources,
                    new NodeHealth(healthStrategy, healthRed, healthYellow, healthGreen, healthBase));
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }

        private MetaAttributes meta(String what) {
            if (isNull()) {
                return null;
            }
            Integer priority = null;
            Role targetRole = null;
            Boolean isManaged = null;
            Boolean maintenance = null;
            Integer stickiness = null;
            Integer migrationThreshold = null;
            Duration failureTimeout = null;
            MultipleActive multipleActive = null;
            Requires requires = null;
            RestartType restartType = null;
            Map<String, String> other = null;
            JsonIn.Obj o = in.object(what, META);
            while (o.next()) {
                switch (o.name()) {
                    case "priority" -> priority = in.integer();
                    case "target-role" -> targetRole = in.keyword(Role::parse);
                    case "is-managed" -> isManaged = in.bool();
                    case "maintenance" -> maintenance = in.bool();
                    case "resource-stickiness" -> stickiness = in.score();
                    case "migration-threshold" -> migrationThreshold = in.score();
                    case "failure-timeout" -> failureTimeout = in.duration("failure-timeout");
                    case "multiple-active" -> multipleActive = in.keyword(MultipleActive::parse);
                    case "requires" -> requires = in.keyword(Requires::parse);
                    case "restart-type" -> restartType = in.keyword(RestartType::parse);
                    case "other" -> other = in.stringMap("other meta attributes");
                    default -> throw new IllegalStateException(o.name());
                }
            }
            return new MetaAttributes(priority, targetRole, isManaged, maintenance, stickiness, migrationThreshold,
                    failureTimeout, multipleActive, requires, other, restartType);
        }

        private boolean isNull() {
            return in.isNull();
        }

        private OperationDefaults operationDefaults() {
            if (isNull()) {
                return null;
            }
            Duration timeout = null;
            OnFail onFail = null;
            Boolean enabled = null;
            JsonIn.Obj o = in.object("op-defaults", OP_DEFAULTS);
            while (o.next()) {
                switch (o.name()) {
                    case "timeout" -> timeout = in.duration("timeout");
                    case "on-fail" -> onFail = in.keyword(OnFail::parse);
                    case "enabled" -> enabled = in.bool();
                    default -> throw new IllegalStateException(o.name());
                }
            }
            return new OperationDefaults(timeout, onFail, enabled);
        }

        private NodeDefinition node() {
            JsonLocation at = in.location();
            String name = null;
            String id = null;
            int votes = 1;
            Map<String, String> attributes = null;
            Map<String, Integer> utilization = null;
            JsonIn.Obj o = in.object("node", NODE);
            String key = "nodes[" + in.arrayIndex() + "]";
            start(key, at);
            while (o.next()) {
                switch (o.name()) {
                    case "name" -> name = in.string();
                    case "id" -> id = in.string();
                    case "votes" -> votes = or(in.integer(), votes);
                    case "attributes" -> attributes = in.stringMap("node attributes");
                    case "utilization" -> utilization = in.intMap("utilization");
                    default -> throw new IllegalStateException(o.name());
                }
            }
            return new NodeDefinition(o.require(name, "name"), votes, attributes, utilization, id);
        }

        /** A resource; {@code onlyKind} non-null: the only kind allowed, and the default when "kind" is absent. */
        private Resource resource(String onlyKind) {
            JsonLocation at = in.location();
            JsonIn.Obj o = in.object("resource", RESOURCE);
            Parts parts = new Parts();
            String kind = null;
            String id = null;
            AgentType agent = null;
            Map<String, String> parameters = null;
            MetaAttributes meta = null;
            List<Operation> operations = null;
            Map<String, Integer> utilization = null;
            List<Resource> members = null;
            Resource child = null;
            Boolean promotable = null;
            Integer cloneMax = null;
            Integer cloneNodeMax = null;
            Boolean globallyUnique = null;
            Boolean interleave = null;
            Boolean notify = null;
            Boolean ordered = null;
            Integer promotedMax = null;
            Integer promotedNodeMax = null;
            while (o.next()) {
                switch (o.name()) {
                    case "kind" -> {
                        kind = in.string();
                        if (kind != null && !(onlyKind == null ? Set.of("primitive", "group", "clone")
                                : Set.of(onlyKind)).contains(kind)) {
                            throw in.error("unknown resource kind '" + kind + "': expected "
                                    + (onlyKind == null ? RESOURCE_KINDS : onlyKind + " (a group holds only primitives)"));
                        }
                    }
                    case "id" -> id = in.string();
                    case "agent" -> agent = in.agent();
                    case "parameters" -> parameters = in.stringMap("parameters");
                    case "meta" -> meta = meta("meta attributes");
                    case "operations" -> operations = in.list("operations", located(parts, "operations",
                            this::operation));
                    case "utilization" -> utilization = in.intMap("utilization");
                    case "members" -> members = in.list("members", located(parts, "members",
                            () -> resource("primitive")));
                    case "child" -> child = isNull() ? null : resource(null);
                    case "promotable" -> promotable = in.bool();
                    case "clone-max" -> cloneMax = in.integer();
                    case "clone-node-max" -> cloneNodeMax = in.integer();
                    case "globally-unique" -> globallyUnique = in.bool();
                    case "interleave" -> interleave = in.bool();
                    case "notify" -> notify = in.bool();
                    case "ordered" -> ordered = in.bool();
                    case "promoted-max" -> promotedMax = in.integer();
                    case "promoted-node-max" -> promotedNodeMax = in.integer();
                    default -> throw new IllegalStateException(o.name());
                }
            }
            if (kind == null) {
                kind = onlyKind;
            }
            if (kind == null) {
                throw o.errorAtStart("resource needs the field 'kind': " + RESOURCE_KINDS);
            }
            id = o.require(id, "id");
            start("resources." + id, at);
            parts.register("resources." + id);
            switch (kind) {
                case "primitive" -> {
                    o.restrict("primitive", PRIMITIVE);
                    return new Primitive(id, o.require(agent, "agent"), parameters, meta, operations, utilization);
                }
                case "group" -> {
                    o.restrict("group", GROUP);
                    List<Primitive> prims = members == null ? null
                            : members.stream().map(Primitive.class::cast).toList();
                    return new Group(id, prims, meta);
                }
                default -> {
                    o.restrict("clone", CLONE);
                    CloneOptions options = new CloneOptions(cloneMax, cloneNodeMax, globallyUnique,
                            Boolean.TRUE.equals(interleave), Boolean.TRUE.equals(notify), Boolean.TRUE.equals(ordered),
                            Boolean.TRUE.equals(promotable), promotedMax, promotedNodeMax);
                    return new Clone(id, o.require(child, "child"), options, meta);
                }
            }
        }

        private Operation operation() {
            JsonIn.Obj o = in.object("operation", OPERATION);
            String name = null;
            Duration interval = null;
            Duration timeout = null;
            Role role = null;
            OnFail onFail = null;
            boolean enabled = true;
            Map<String, String> parameters = null;
            while (o.next()) {
                switch (o.name()) {
                    case "name" -> name = in.string();
                    case "interval" -> interval = in.duration("interval");
                    case "timeout" -> timeout = in.duration("timeout");
                    case "role" -> role = in.keyword(Role::parse);
                    case "on-fail" -> onFail = in.keyword(OnFail::parse);
                    case "enabled" -> enabled = or(in.bool(), enabled);
                    case "parameters" -> parameters = in.stringMap("operation parameters");
                    default -> throw new IllegalStateException(o.name());
                }
            }
            return new Operation(o.require(name, "name"), interval, timeout, role, onFail, enabled, parameters);
        }

        private Constraint constraint() {
            JsonLocation at = in.location();
            JsonIn.Obj o = in.object("constraint", CONSTRAINT);
            Parts parts = new Parts();
            String kind = null;
            String id = null;
            String rsc = null;
            Role role = null;
            String node = null;
            Integer score = null;
            List<Rule> rules = null;
            Role rscRole = null;
            String withRsc = null;
            Role withRole = null;
            String nodeAttribute = null;
            String first = null;
            ResourceAction firstAction = null;
            String then = null;
            ResourceAction thenAction = null;
            OrderKind orderKind = null;
            Boolean symmetrical = null;
            List<ResourceSet> sets = null;
            while (o.next()) {
                switch (o.name()) {
                    case "kind" -> {
                        kind = in.string();
                        if (kind != null && !Set.of("location", "colocation", "order", "colocation-set", "order-set")
                                .contains(kind)) {
                            throw in.error("unknown constraint kind '" + kind + "': expected " + CONSTRAINT_KINDS);
                        }
                    }
                    case "id" -> id = in.string();
                    case "rsc" -> rsc = in.string();
                    case "role" -> role = in.keyword(Role::parse);
                    case "node" -> node = in.string();
                    case "score" -> score = in.score();
                    case "rules" -> rules = in.list("rules", located(parts, "rules",
                            () -> (Rule) ruleExpression("rule")));
                    case "rsc-role" -> rscRole = in.keyword(Role::parse);
                    case "with-rsc" -> withRsc = in.string();
                    case "with-rsc-role" -> withRole = in.keyword(Role::parse);
                    case "node-attribute" -> nodeAttribute = in.string();
                    case "first" -> first = in.string();
                    case "first-action" -> firstAction = in.keyword(ResourceAction::parse);
                    case "then" -> then = in.string();
                    case "then-action" -> thenAction = in.keyword(ResourceAction::parse);
                    case "order-kind" -> orderKind = in.keyword(OrderKind::parse);
                    case "symmetrical" -> symmetrical = in.bool();
                    case "sets" -> sets = in.list("sets", located(parts, "sets", this::resourceSet));
                    default -> throw new IllegalStateException(o.name());
                }
            }
            if (kind == null) {
                throw o.errorAtStart("constraint needs the field 'kind': " + CONSTRAINT_KINDS);
            }
            id = o.require(id, "id");
            start("constraints." + id, at);
            parts.register("constraints." + id);
            switch (kind) {
                case "location" -> {
                    o.restrict("location", LOCATION);
                    if (node != null && score == null) {
                        throw o.errorAtStart("a location with a node needs the field 'score'");
                    }
                    return new Location(id, o.require(rsc, "rsc"), role, node, score == null ? 0 : score, rules);
                }
                case "colocation" -> {
                    o.restrict("colocation", COLOCATION);
                    return new Colocation(id, o.require(rsc, "rsc"), o.require(withRsc, "with-rsc"),
                            score == null ? Score.INFINITY : score, rscRole, withRole, nodeAttribute);
                }
                case "order" -> {
                    o.restrict("order", ORDER);
                    return new Order(id, o.require(first, "first"), firstAction, o.require(then, "then"), thenAction,
                            orderKind, symmetrical);
                }
                case "colocation-set" -> {
                    o.restrict("colocation-set", COLOCATION_SET);
                    return new ColocationSet(id, sets, score == null ? Score.INFINITY : score, nodeAttribute);
                }
                default -> {
                    o.restrict("order-set", ORDER_SET);
                    return new OrderSet(id, sets, orderKind, symmetrical);
                }
            }
        }

        private ResourceSet resourceSet() {
            JsonIn.Obj o = in.object("resource set", RESOURCE_SET);
            String id = null;
            List<String> resources = null;
            boolean sequential = true;
            boolean requireAll = true;
            Role role = null;
            ResourceAction action = null;
            boolean listed = false;
            while (o.next()) {
                switch (o.name()) {
                    case "id" -> id = in.string();
                    case "ordering" -> listed = orderingListed(in.string());
                    case "resources" -> resources = in.stringList("resources");
                    case "sequential" -> sequential = or(in.bool(), sequential);
                    case "require-all" -> requireAll = or(in.bool(), requireAll);
                    case "role" -> role = in.keyword(Role::parse);
                    case "action" -> action = in.keyword(ResourceAction::parse);
                    default -> throw new IllegalStateException(o.name());
                }
            }
            // An empty (or absent) member list is the validator's to report, with the constraint's id.
            return new ResourceSet(id, resources, sequential, requireAll, role, action, listed);
        }

        private static boolean orderingListed(String ordering) {
            if (ordering == null || ordering.equalsIgnoreCase("group")) {
                return false;
            }
            if (ordering.equalsIgnoreCase("listed")) {
                return true;
            }
            throw new IllegalArgumentException("resource set ordering: '" + ordering + "' is not one of group, listed");
        }

        /** A rule or an attribute expression; {@code onlyKind} as for {@link #resource}. */
        private RuleExpression ruleExpression(String onlyKind) {
            JsonIn.Obj o = in.object(onlyKind == null ? "rule expression" : onlyKind, RULE_EXPRESSION);
            String kind = null;
            String id = null;
            Integer score = null;
            String scoreAttribute = null;
            BoolOp booleanOp = null;
            Role role = null;
            List<RuleExpression> expressions = null;
            String attribute = null;
            ExpressionOperator operation = null;
            String value = null;
            ValueType type = null;
            while (o.next()) {
                switch (o.name()) {
                    case "kind" -> {
                        kind = in.string();
                        if (kind != null && !(onlyKind == null ? Set.of("rule", "expression") : Set.of(onlyKind))
                                .contains(kind)) {
                            throw in.error("unknown rule expression kind '" + kind + "': expected "
                                    + (onlyKind == null ? "rule or expression" : onlyKind));
                        }
                    }
                    case "id" -> id = in.string();
                    case "score" -> score = in.score();
                    case "score-attribute" -> scoreAttribute = in.string();
                    case "boolean-op" -> booleanOp = in.keyword(BoolOp::parse);
                    case "role" -> role = in.keyword(Role::parse);
                    case "expressions" -> expressions = in.list("expressions", () -> ruleExpression(null));
                    case "attribute" -> attribute = in.string();
                    case "operation" -> operation = in.keyword(ExpressionOperator::parse);
                    case "value" -> value = in.scalarText();
                    case "type" -> type = in.keyword(ValueType::parse);
                    default -> throw new IllegalStateException(o.name());
                }
            }
            if (kind == null) {
                kind = onlyKind;
            }
            if (kind == null) {
                throw o.errorAtStart("rule expression needs the field 'kind': rule or expression");
            }
            if (kind.equals("rule")) {
                o.restrict("rule", RULE);
                return new Rule(id, score == null ? 0 : score, scoreAttribute, booleanOp, role, expressions);
            }
            o.restrict("expression", EXPRESSION);
            return new AttributeExpression(o.require(attribute, "attribute"), o.require(operation, "operation"),
                    value, type);
        }
    }
}
