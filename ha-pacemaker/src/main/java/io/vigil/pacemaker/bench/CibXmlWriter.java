package io.vigil.pacemaker.bench;

import io.vigil.core.model.AttributeExpression;
import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Clone;
import io.vigil.core.model.CloneOptions;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Constraint;
import io.vigil.core.model.Durations;
import io.vigil.core.model.Group;
import io.vigil.core.model.Location;
import io.vigil.core.model.Membership;
import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.NodeDefinition;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.Order;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Resource;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.Rule;
import io.vigil.core.model.RuleExpression;
import io.vigil.core.model.Score;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Vigil configuration and status as a Pacemaker CIB that Pacemaker 2.1's {@code crm_simulate} reads
 * (schema {@code pacemaker-3.9}, Pacemaker 2.x option names such as {@code stonith-enabled}).
 *
 * <p>It covers what {@link ClusterGenerator} makes: primitives, groups, clones and promotable clones with meta
 * attributes and operations; location (node or rules), colocation and order constraints; node attributes;
 * node states, transient attributes and operation history. Resource sets are refused with an
 * {@link IllegalArgumentException} naming the constraint. Nodes get the ids 1..N in configuration order.
 *
 * <p>The output is streamed: a 64-node, 5,000-resource cluster with its full history is about 100 MB.
 */
public final class CibXmlWriter {
    /** The feature set written on the CIB and on every history entry (Pacemaker 1.1.18 / 2.0 era). */
    public static final String FEATURE_SET = "3.0.14";
    /** The schema the CIB declares. */
    public static final String SCHEMA = "pacemaker-3.9";
    /** Digest of an operation on a resource without parameters, as Pacemaker computes it. */
    static final String EMPTY_PARAMETERS_DIGEST = "f2317cad3d54cec5d7d7aa7d0bf35cf8";
    private static final String TRANSITION_UUID = "3f6d1c5e-0b7a-4c2e-9d51-7a6e2b4c8f10";

    private final Out out;
    private final Map<String, String> nodeIds = new LinkedHashMap<>();
    /** Configured primitives by id, and the digest recorded for each (primitive, operation key). */
    private final Map<String, io.vigil.core.model.Primitive> primitives = new java.util.HashMap<>();
    private final Map<String, String> digests = new java.util.HashMap<>();
    private Configuration config;

    private CibXmlWriter(Writer writer) {
        this.out = new Out(writer);
    }

    /**
     * Writes {@code configuration} and {@code status} as one CIB document.
     *
     * @param configuration the configuration
     * @param status        the status; nodes without a node definition are written too
     * @param executionDate the CIB's {@code execution-date} (Pacemaker's "now"); null to leave it out
     * @param writer        where to write; not closed, but flushed
     * @throws UncheckedIOException when writing fails
     * @throws IllegalArgumentException for what Pacemaker's CIB cannot express here (resource sets)
     */
    public static void write(Configuration configuration, ClusterStatus status, Instant executionDate,
                             Writer writer) {
        CibXmlWriter w = new CibXmlWriter(writer);
        w.cib(configuration, status, executionDate);
        w.out.flush();
    }

    private void cib(Configuration config, ClusterStatus status, Instant executionDate) {
        this.config = config;
        for (var r : config.allResources()) {
            if (r instanceof io.vigil.core.model.Primitive p) {
                primitives.put(p.id(), p);
            }
        }
        for (NodeDefinition n : config.nodes()) {
            nodeIds.put(n.name(), n.id()); // the name unless the node has an id of its own
        }
        for (NodeStatus n : status.nodes()) {
            nodeIds.computeIfAbsent(n.name(), k -> Integer.toString(nodeIds.size() + 1));
        }
        List<String> attrs = new ArrayList<>(List.of("crm_feature_set", FEATURE_SET, "validate-with", SCHEMA,
                "epoch", "1", "num_updates", "0", "admin_epoch", "0", "have-quorum", status.quorate() ? "1" : "0"));
        if (status.dc() != null) {
            attrs.add("dc-uuid");
            attrs.add(nodeIds.get(status.dc()));
        }
        if (executionDate != null) {
            attrs.add("execution-date");
            attrs.add(Long.toString(executionDate.getEpochSecond()));
        }
        out.open("cib", attrs.toArray(String[]::new));
        out.open("configuration");
        crmConfig(config.properties());
        out.open("nodes");
        for (NodeDefinition n : config.nodes()) {
            node(n);
        }
        out.close("nodes");
        out.open("resources");
        for (Resource r : config.resources()) {
            resource(r);
        }
        out.close("resources");
        out.open("constraints");
        for (Constraint c : config.constraints()) {
            constraint(c);
        }
        out.close("constraints");
        if (!config.resourceDefaults().equals(MetaAttributes.EMPTY)) {
            out.open("rsc_defaults");
            meta("rsc-options", config.resourceDefaults());
            out.close("rsc_defaults");
        }
        if (config.operationDefaults().timeout() != null) {
            out.open("op_defaults");
            out.open("meta_attributes", "id", "op-options");
            nvpair("op-options", "timeout", Durations.format(config.operationDefaults().timeout()));
            out.close("meta_attributes");
            out.close("op_defaults");
        }
        out.close("configuration");
        out.open("status");
        for (NodeStatus n : status.nodesInStatusOrder()) { // the order numbers anonymous clone instances
            nodeState(n);
        }
        out.close("status");
        out.close("cib");
    }

    private void crmConfig(ClusterProperties p) {
        String set = "cib-bootstrap-options";
        out.open("crm_config");
        out.open("cluster_property_set", "id", set);
        nvpair(set, "stonith-enabled", Boolean.toString(p.stonithEnabled()));
        nvpair(set, "no-quorum-policy", p.noQuorumPolicy().text());
        nvpair(set, "symmetric-cluster", Boolean.toString(p.symmetricCluster()));
        if (p.stopAllResources()) {
            nvpair(set, "stop-all-resources", "true");
        }
        if (p.maintenanceMode()) {
            nvpair(set, "maintenance-mode", "true");
        }
        if (!p.startFailureIsFatal()) {
            nvpair(set, "start-failure-is-fatal", "false");
        }
        if (p.placementStrategy() != ClusterProperties.DEFAULTS.placementStrategy()) {
            nvpair(set, "placement-strategy", p.placementStrategy().text());
        }
        out.close("cluster_property_set");
        out.close("crm_config");
    }

    private void node(NodeDefinition n) {
        String id = nodeIds.get(n.name());
        if (n.attributes().isEmpty() && n.utilization().isEmpty()) {
            out.empty("node", "id", id, "uname", n.name());
            return;
        }
        out.open("node", "id", id, "uname", n.name());
        if (!n.attributes().isEmpty()) {
            String set = "nodes-" + id;
            out.open("instance_attributes", "id", set);
            n.attributes().forEach((k, v) -> nvpair(set, k, v));
            out.close("instance_attributes");
        }
        if (!n.utilization().isEmpty()) {
            String set = "nodes-" + id + "-utilization";
            out.open("utilization", "id", set);
            n.utilization().forEach((k, v) -> nvpair(set, k, Integer.toString(v)));
            out.close("utilization");
        }
        out.close("node");
    }

    // ---- resources -----------------------------------------------------------------------------------------

    private void resource(Resource r) {
        if (r instanceof Primitive p) {
            primitive(p);
        } else if (r instanceof Group g) {
            out.open("group", "id", g.id());
            meta(g.id() + "-meta_attributes", g.meta());
            g.members().forEach(this::primitive);
            out.close("group");
        } else if (r instanceof Clone c) {
            clone(c);
        } else {
            throw new IllegalArgumentException("resource '" + r.id() + "': unknown kind " + r.getClass().getName());
        }
    }

    private void primitive(Primitive p) {
        List<String> attrs = new ArrayList<>(List.of("id", p.id(), "class", p.agent().standard()));
        if (p.agent().provider() != null) {
            attrs.add("provider");
            attrs.add(p.agent().provider());
        }
        attrs.add("type");
        attrs.add(p.agent().type());
        out.open("primitive", attrs.toArray(String[]::new));
        if (!p.parameters().isEmpty()) {
            String set = p.id() + "-instance_attributes";
            out.open("instance_attributes", "id", set);
            p.parameters().forEach((k, v) -> nvpair(set, k, v));
            out.close("instance_attributes");
        }
        meta(p.id() + "-meta_attributes", p.meta());
        if (!p.utilization().isEmpty()) {
            String set = p.id() + "-utilization";
            out.open("utilization", "id", set);
            p.utilization().forEach((k, v) -> nvpair(set, k, Integer.toString(v)));
            out.close("utilization");
        }
        if (!p.operations().isEmpty()) {
            out.open("operations");
            for (Operation op : p.operations()) {
                List<String> o = new ArrayList<>(List.of("id", p.id() + "-" + op.name() + "-interval-"
                        + Durations.format(op.interval()) + (op.role() == null ? "" : "-" + op.role().text()),
                        "name", op.name(), "interval", Durations.format(op.interval())));
                if (op.timeout() != null) {
                    o.addAll(List.of("timeout", Durations.format(op.timeout())));
                }
                if (op.role() != null) {
                    o.addAll(List.of("role", op.role().text()));
                }
                if (op.onFail() != null) {
                    o.addAll(List.of("on-fail", op.onFail().text()));
                }
                if (!op.enabled()) {
                    o.addAll(List.of("enabled", "false"));
                }
                out.empty("op", o.toArray(String[]::new));
            }
            out.close("operations");
        }
        out.close("primitive");
    }

    private void clone(Clone c) {
        CloneOptions o = c.options();
        out.open("clone", "id", c.id());
        String set = c.id() + "-meta_attributes";
        Map<String, String> options = new LinkedHashMap<>();
        if (o.promotable()) {
            options.put("promotable", "true");
        }
        if (o.cloneMax() != null) {
            options.put("clone-max", o.cloneMax().toString());
        }
        if (o.cloneNodeMax() != null) {
            options.put("clone-node-max", o.cloneNodeMax().toString());
        }
        if (o.globallyUnique() != null) {
            options.put("globally-unique", o.globallyUnique().toString());
        }
        if (o.interleave()) {
            options.put("interleave", "true");
        }
        if (o.notifications()) {
            options.put("notify", "true");
        }
        if (o.ordered()) {
            options.put("ordered", "true");
        }
        if (o.promotedMax() != null) {
            options.put("promoted-max", o.promotedMax().toString());
        }
        if (o.promotedNodeMax() != null) {
            options.put("promoted-node-max", o.promotedNodeMax().toString());
        }
        options.putAll(metaPairs(c.meta()));
        if (!options.isEmpty()) {
            out.open("meta_attributes", "id", set);
            options.forEach((k, v) -> nvpair(set, k, v));
            out.close("meta_attributes");
        }
        resource(c.child());
        out.close("clone");
    }

    private void meta(String setId, MetaAttributes m) {
        Map<String, String> pairs = metaPairs(m);
        if (pairs.isEmpty()) {
            return;
        }
        out.open("meta_attributes", "id", setId);
        pairs.forEach((k, v) -> nvpair(setId, k, v));
        out.close("meta_attributes");
    }

    private static Map<String, String> metaPairs(MetaAttributes m) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (m.priority() != null) {
            pairs.put("priority", m.priority().toString());
        }
        if (m.targetRole() != null) {
            pairs.put("target-role", m.targetRole().text());
        }
        if (m.isManaged() != null) {
            pairs.put("is-managed", m.isManaged().toString());
        }
        if (m.maintenance() != null) {
            pairs.put("maintenance", m.maintenance().toString());
        }
        if (m.resourceStickiness() != null) {
            pairs.put("resource-stickiness", Score.toString(m.resourceStickiness()));
        }
        if (m.migrationThreshold() != null) {
            pairs.put("migration-threshold", Score.toString(m.migrationThreshold()));
        }
        if (m.failureTimeout() != null) {
            pairs.put("failure-timeout", Durations.format(m.failureTimeout()));
        }
        if (m.restartType() != null) {
            pairs.put("restart-type", m.restartType().text());
        }
        if (m.multipleActive() != null) {
            pairs.put("multiple-active", m.multipleActive().text());
        }
        if (m.requires() != null) {
            pairs.put("requires", m.requires().text());
        }
        pairs.putAll(m.other());
        return pairs;
    }

    // ---- constraints ---------------------------------------------------------------------------------------

    private void constraint(Constraint c) {
        if (c instanceof Location l) {
            location(l);
        } else if (c instanceof Colocation col) {
            List<String> a = new ArrayList<>(List.of("id", col.id(), "rsc", col.resource(), "with-rsc",
                    col.withResource(), "score", Score.toString(col.score())));
            if (col.resourceRole() != null) {
                a.addAll(List.of("rsc-role", col.resourceRole().text()));
            }
            if (col.withRole() != null) {
                a.addAll(List.of("with-rsc-role", col.withRole().text()));
            }
            if (col.nodeAttribute() != null) {
                a.addAll(List.of("node-attribute", col.nodeAttribute()));
            }
            out.empty("rsc_colocation", a.toArray(String[]::new));
        } else if (c instanceof Order o) {
            List<String> a = new ArrayList<>(List.of("id", o.id(), "first", o.first(), "then", o.then()));
            if (o.firstAction() != ResourceAction.START || o.thenAction() != o.firstAction()) {
                a.addAll(List.of("first-action", o.firstAction().text(), "then-action", o.thenAction().text()));
            }
            a.addAll(List.of("kind", o.kind().text()));
            if (o.symmetrical() != null) {
                a.addAll(List.of("symmetrical", o.symmetrical().toString()));
            }
            out.empty("rsc_order", a.toArray(String[]::new));
        } else {
            throw new IllegalArgumentException("constraint '" + c.id() + "': " + c.getClass().getSimpleName()
                    + " is not supported by the CIB writer");
        }
    }

    private void location(Location l) {
        List<String> a = new ArrayList<>(List.of("id", l.id(), "rsc", l.resource()));
        if (l.role() != null) {
            a.addAll(List.of("role", l.role().text()));
        }
        if (l.rules().isEmpty()) {
            a.addAll(List.of("node", l.node(), "score", Score.toString(l.score())));
            out.empty("rsc_location", a.toArray(String[]::new));
            return;
        }
        out.open("rsc_location", a.toArray(String[]::new));
        int i = 0;
        for (Rule r : l.rules()) {
            rule(r, l.id() + "-rule" + (i++ == 0 ? "" : "-" + i), true);
        }
        out.close("rsc_location");
    }

    private void rule(Rule r, String fallbackId, boolean top) {
        String id = r.id() != null ? r.id() : fallbackId;
        List<String> a = new ArrayList<>(List.of("id", id));
        if (top) {
            if (r.scoreAttribute() != null) {
                a.addAll(List.of("score-attribute", r.scoreAttribute()));
            } else {
                a.addAll(List.of("score", Score.toString(r.score())));
            }
        }
        a.addAll(List.of("boolean-op", r.booleanOp().text()));
        if (r.role() != null) {
            a.addAll(List.of("role", r.role().text()));
        }
        out.open("rule", a.toArray(String[]::new));
        int i = 0;
        for (RuleExpression e : r.expressions()) {
            i++;
            if (e instanceof Rule nested) {
                rule(nested, id + "-rule-" + i, false);
            } else if (e instanceof AttributeExpression x) {
                List<String> ea = new ArrayList<>(List.of("id", id + "-expr-" + i, "attribute", x.attribute(),
                        "operation", x.operator().text()));
                if (x.value() != null) {
                    ea.addAll(List.of("value", x.value()));
                }
                if (x.type() != null) {
                    ea.addAll(List.of("type", x.type().text()));
                }
                out.empty("expression", ea.toArray(String[]::new));
            }
        }
        out.close("rule");
    }

    // ---- status --------------------------------------------------------------------------------------------

    private void nodeState(NodeStatus n) {
        String id = nodeIds.get(n.name());
        // Online: a full member. Pending: in the membership, not yet joined. Offline: left cleanly (expected
        // down). Unclean: lost while expected to stay; Pacemaker fences it, or without fencing reads it offline.
        Membership m = n.membership();
        boolean inCluster = m == Membership.ONLINE || m == Membership.PENDING;
        out.open("node_state", "id", id, "uname", n.name(), "in_ccm", Boolean.toString(inCluster),
                "crmd", inCluster ? "online" : "offline", "crm-debug-origin", "vigil-bench",
                "join", m == Membership.ONLINE ? "member" : m == Membership.PENDING ? "pending" : "down",
                "expected", m == Membership.ONLINE || m == Membership.UNCLEAN ? "member" : "down");
        Map<String, String> transientAttributes = new LinkedHashMap<>(n.attributes());
        if (n.standby()) {
            transientAttributes.put("standby", "on");
        }
        if (n.maintenance()) {
            transientAttributes.put("maintenance", "on");
        }
        n.failCounts().forEach(f -> {
            String key = f.resource() + "#" + f.operation() + "_" + f.interval().toMillis();
            transientAttributes.put("fail-count-" + key, Score.toString(f.count()));
            if (f.lastFailure() != null) {
                transientAttributes.put("last-failure-" + key, Long.toString(f.lastFailure().getEpochSecond()));
            }
        });
        if (!transientAttributes.isEmpty()) {
            out.open("transient_attributes", "id", id);
            String set = "status-" + id;
            out.open("instance_attributes", "id", set);
            transientAttributes.forEach((k, v) -> nvpair(set, k, v));
            out.close("instance_attributes");
            out.close("transient_attributes");
        }
        out.open("lrm", "id", id);
        out.open("lrm_resources");
        for (ResourceHistory h : n.history()) {
            lrmResource(n.name(), h);
        }
        out.close("lrm_resources");
        out.close("lrm");
        out.close("node_state");
    }

    private void lrmResource(String node, ResourceHistory h) {
        List<String> a = new ArrayList<>(List.of("id", h.resource()));
        if (h.agent() != null) {
            a.addAll(List.of("type", h.agent().type(), "class", h.agent().standard()));
            if (h.agent().provider() != null) {
                a.addAll(List.of("provider", h.agent().provider()));
            }
        }
        out.open("lrm_resource", a.toArray(String[]::new));
        // Pacemaker keeps one entry per recurring operation and, of the one-off operations, the last one and
        // the last failure.
        OperationRecord last = null;
        OperationRecord lastFailure = null;
        Map<String, OperationRecord> recurring = new LinkedHashMap<>();
        for (OperationRecord op : h.operations()) {
            if (op.interval().isZero()) {
                last = op;
                if (op.isFailure()) {
                    lastFailure = op;
                }
            } else {
                recurring.put(op.key(), op);
            }
        }
        if (last != null) {
            lrmOp(node, h.resource(), h.resource() + "_last_0", last);
        }
        if (lastFailure != null && lastFailure != last) {
            lrmOp(node, h.resource(), h.resource() + "_last_failure_0", lastFailure);
        }
        for (OperationRecord op : recurring.values()) {
            lrmOp(node, h.resource(), h.resource() + "_" + op.key(), op);
        }
        out.close("lrm_resource");
    }

    private void lrmOp(String node, String resource, String id, OperationRecord op) {
        String key = op.callId() + ":0:" + op.expectedRc() + ":" + TRANSITION_UUID;
        String magic = statusCode(op) + ":" + op.rc() + ";" + key;
        Instant run = op.lastRun() != null ? op.lastRun() : Instant.EPOCH;
        Instant change = op.lastRcChange() != null ? op.lastRcChange() : run;
        Duration exec = op.execTime() != null ? op.execTime() : Duration.ZERO;
        out.empty("lrm_rsc_op", "id", id, "operation_key", resource + "_" + op.key(), "operation", op.operation(),
                "crm-debug-origin", "vigil-bench", "crm_feature_set", FEATURE_SET, "transition-key", key,
                "transition-magic", magic, "on_node", node, "call-id", Long.toString(op.callId()),
                "rc-code", Integer.toString(op.rc()), "op-status", Integer.toString(statusCode(op)),
                "interval", Long.toString(op.interval().toMillis()),
                "last-run", Long.toString(run.getEpochSecond()), "last-rc-change", Long.toString(change.getEpochSecond()),
                "exec-time", Long.toString(exec.toMillis()), "queue-time", "0",
                "op-digest", digest(resource, op));
    }

    /**
     * The op-digest of a record: the one it carries, else what the operation runs with in the configuration
     * (as Pacemaker records it, recurring operations' timeouts included), so a written converged cluster reads
     * back as unchanged.
     */
    private String digest(String resource, OperationRecord op) {
        if (op.digests() != null && op.digests().all() != null) {
            return op.digests().all();
        }
        int colon = resource.lastIndexOf(':');
        String base = colon > 0 ? resource.substring(0, colon) : resource;
        io.vigil.core.model.Primitive p = primitives.getOrDefault(resource, primitives.get(base));
        if (p == null) {
            return EMPTY_PARAMETERS_DIGEST;
        }
        return digests.computeIfAbsent(p.id() + "\u0000" + op.key(),
                k -> io.vigil.core.scheduler.OperationDigest.of(config, p, op.operation(), op.interval()));
    }

    /** Pacemaker's numeric {@code op-status}. */
    private static int statusCode(OperationRecord op) {
        return switch (op.status()) {
            case PENDING -> -1;
            case DONE -> 0;
            case CANCELLED -> 1;
            case TIMEOUT -> 2;
            case NOT_SUPPORTED -> 3;
            case ERROR -> 4;
            case ERROR_HARD -> 5;
            case ERROR_FATAL -> 6;
            case NOT_INSTALLED -> 7;
        };
    }

    private void nvpair(String setId, String name, String value) {
        out.empty("nvpair", "id", setId + "-" + name, "name", name, "value", value);
    }

    /** A minimal streaming XML printer: two-space indentation, escaped attribute values. */
    private static final class Out {
        private final Writer w;
        private int depth;

        Out(Writer w) {
            this.w = w;
        }

        void open(String name, String... attrs) {
            start(name, attrs);
            write(">\n");
            depth++;
        }

        void empty(String name, String... attrs) {
            start(name, attrs);
            write("/>\n");
        }

        void close(String name) {
            depth--;
            indent();
            write("</" + name + ">\n");
        }

        private void start(String name, String[] attrs) {
            indent();
            StringBuilder sb = new StringBuilder(64 + attrs.length * 16);
            sb.append('<').append(name);
            for (int i = 0; i < attrs.length; i += 2) {
                sb.append(' ').append(attrs[i]).append("=\"");
                escape(attrs[i + 1], sb);
                sb.append('"');
            }
            write(sb.toString());
        }

        private static void escape(String v, StringBuilder sb) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                switch (c) {
                    case '&' -> sb.append("&amp;");
                    case '<' -> sb.append("&lt;");
                    case '>' -> sb.append("&gt;");
                    case '"' -> sb.append("&quot;");
                    case '\n' -> sb.append("&#10;");
                    default -> sb.append(c);
                }
            }
        }

        private void indent() {
            for (int i = 0; i < depth; i++) {
                write("  ");
            }
        }

        private void write(String s) {
            try {
                w.write(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() {
            try {
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
