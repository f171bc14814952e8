package io.vigil.pacemaker;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.FailCount;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NodeDefinition;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.ParameterDigests;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.Score;


import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code status} section: each node's membership (as Pacemaker derives it from {@code node_state}),
 * transient attributes, fail counts and operation history.
 */
final class StatusReader {
    private static final Pattern FAIL_COUNT = Pattern.compile("fail-count-(.+)#(.+)_(\\d+)");
    private static final Pattern LAST_FAILURE = Pattern.compile("last-failure-(.+)#(.+)_(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    /**
     * The attributes of an {@code lrm_rsc_op} that this reader (or an error message) uses. {@link CibXml} keeps only
     * these: an operation carries about 17 attributes, and a large CIB holds hundreds of thousands of operations,
     * so the others (digests, transition magic, origins, ...) would be most of the parsed tree.
     */
    static final Set<String> OPERATION_ATTRIBUTES = Set.of("id", "id-ref", "operation", "interval", "call-id",
            "rc-code", "op-status", "last-run", "last_run", "last-rc-change", "last_rc_change", "exec-time",
            "exec_time", "transition-key", "op-digest", "op-restart-digest", "op-force-restart", "op-secure-digest",
            "op-secure-params", "crm_feature_set");

    private final ImportContext ctx;
    private final ClusterProperties properties;
    /** Recorded digests by {@code op-digest}: the same few repeat on every node, so records share one object. */
    private final Map<String, ParameterDigests> sharedDigests = new java.util.HashMap<>();
    private String lastTimestampText;
    private Instant lastTimestamp;

    StatusReader(ImportContext ctx, ClusterProperties properties) {
        this.ctx = ctx;
        this.properties = properties;
    }

    /** A configured node and where its {@code node} element is. */
    record ConfiguredNode(String id, XmlElement element, NodeDefinition definition) {
    }

    /**
     * The status of every configured node (in the document order of their {@code node_state}, then the nodes without
     * one in configuration order), and the configured nodes with transient utilization merged in.
     */
    record Result(List<NodeStatus> statuses, List<NodeDefinition> nodes) {
    }

    Result read(XmlElement status, List<ConfiguredNode> configured) {
        Map<String, XmlElement> stateByName = new LinkedHashMap<>();
        if (status != null) {
            for (XmlElement ns : CibXml.children(status)) {
                if (!ns.getTagName().equals("node_state")) {
                    ctx.warn(ns, "ignored unknown status element");
                    continue;
                }
                if (ImportContext.isTrue(CibXml.attr(ns, "remote_node"))) {
                    throw ctx.unsupported(ns, "status of a remote or guest node");
                }
                ConfiguredNode node = find(configured, CibXml.attr(ns, "id"), CibXml.attr(ns, "uname"));
                if (node == null) {
                    ctx.warn(ns, "ignored the state of a node that is not in the configuration");
                    continue;
                }
                stateByName.putIfAbsent(node.definition().name(), ns);
            }
        }
        // Statuses in the document order of their node_state (Pacemaker reads histories in that order, which numbers
        // anonymous clone instances), then the configured nodes that have none, in configuration order.
        Map<String, NodeStatus> statusByName = new LinkedHashMap<>();
        stateByName.keySet().forEach(name -> statusByName.put(name, null));
        List<NodeDefinition> nodes = new ArrayList<>();
        for (ConfiguredNode node : configured) {
            XmlElement ns = stateByName.get(node.definition().name());
            NodeDefinition def = node.definition();
            if (ns == null) {
                statusByName.put(def.name(), absent(def));
                nodes.add(def);
                continue;
            }
            XmlElement transientAttrs = CibXml.child(ns, "transient_attributes");
            Map<String, String> transientValues = transientAttrs == null ? Map.of()
                    : ImportContext.values(ctx.nvpairs(transientAttrs, "instance_attributes", null));
            if (transientAttrs != null) {
                Map<String, Integer> utilization = new TreeMap<>(def.utilization());
                utilization.putAll(new ResourceReader(ctx).utilization(transientAttrs));
                def = new NodeDefinition(def.name(), def.votes(), def.attributes(), utilization, def.id());
            }
            nodes.add(def);
            statusByName.put(def.name(), nodeStatus(ns, def, transientValues));
        }
        return new Result(List.copyOf(statusByName.values()), nodes);
    }

    static ConfiguredNode find(List<ConfiguredNode> configured, String id, String uname) {
        if (id != null) {
            for (ConfiguredNode n : configured) {
                if (id.equals(n.id())) {
                    return n;
                }
            }
        }
        if (uname != null) {
            for (ConfiguredNode n : configured) {
                if (uname.equals(n.definition().name())) {
                    return n;
                }
            }
        }
        return null;
    }

    /** A configured node that has never been seen: unclean when it would be fenced at startup, else offline. */
    private NodeStatus absent(NodeDefinition def) {
        Membership m = properties.stonithEnabled() && properties.startupFencing() ? Membership.UNCLEAN
                : Membership.OFFLINE;
        return new NodeStatus(def.name(), m, ImportContext.isTrue(def.attributes().get("standby")),
                ImportContext.isTrue(def.attributes().get("maintenance")), Map.of(), List.of(), List.of());
    }

    private NodeStatus nodeStatus(XmlElement ns, NodeDefinition def, Map<String, String> transientValues) {
        Map<String, String> merged = new TreeMap<>(def.attributes());
        merged.putAll(transientValues);
        boolean standby = ImportContext.isTrue(def.attributes().get("standby"))
                || ImportContext.isTrue(merged.get("standby"));
        boolean maintenance = ImportContext.isTrue(def.attributes().get("maintenance"))
                || ImportContext.isTrue(merged.get("maintenance"));
        Membership membership = membership(ns, merged);
        Map<String, String> attributes = new TreeMap<>();
        Map<String, String> lastFailures = new TreeMap<>();
        Map<String, String> failCounts = new LinkedHashMap<>();
        XmlElement transientAttrs = CibXml.child(ns, "transient_attributes");
        transientValues.forEach((name, value) -> {
            if (name.startsWith("fail-count-")) {
                failCounts.put(name, value);
            } else if (name.startsWith("last-failure-")) {
                lastFailures.put(name, value);
            } else {
                attributes.put(name, value);
            }
        });
        List<FailCount> counts = new ArrayList<>();
        for (Map.Entry<String, String> fc : failCounts.entrySet()) {
            Matcher m = FAIL_COUNT.matcher(fc.getKey());
            if (!m.matches()) {
                ctx.warn(transientAttrs, "ignored per-resource fail count '" + fc.getKey()
                        + "' (Pacemaker 3 reads only fail-count-RSC#OP_INTERVAL)");
                continue;
            }
            String last = lastFailures.get("last-failure-" + m.group(1) + "#" + m.group(2) + "_" + m.group(3));
            counts.add(new FailCount(m.group(1), m.group(2), Duration.ofMillis(Long.parseLong(m.group(3))),
                    count(ctx.score(transientAttrs, fc.getKey(), fc.getValue())), epochSeconds(transientAttrs, last)));
        }
        for (String name : lastFailures.keySet()) {
            if (!LAST_FAILURE.matcher(name).matches()) {
                ctx.warn(transientAttrs, "ignored per-resource '" + name + "'");
            }
        }
        return new NodeStatus(def.name(), membership, standby, maintenance, attributes, history(ns), counts);
    }

    /** Pacemaker's reading of a {@code node_state}, with fencing enabled or disabled. */
    private Membership membership(XmlElement ns, Map<String, String> attrs) {
        long member = whenMember(CibXml.attr(ns, "in_ccm"));
        long online = whenOnline(CibXml.attr(ns, "crmd"));
        String join = CibXml.attr(ns, "join");
        String expected = CibXml.attr(ns, "expected");
        String shutdownAttr = attrs.get("shutdown");
        boolean shutdown = shutdownAttr != null && !shutdownAttr.equals("0");
        boolean expectedUp = !shutdown && "member".equalsIgnoreCase(expected);
        if (!properties.stonithEnabled()) {
            if (member <= 0) {
                return Membership.OFFLINE;
            }
            if (online > 0) {
                return "member".equalsIgnoreCase(join) ? Membership.ONLINE : Membership.OFFLINE;
            }
            // A member whose controller went away although it was expected up cannot be fenced: unclean.
            return expectedUp ? Membership.UNCLEAN : Membership.OFFLINE;
        }
        if (shutdown) {
            // Shutting down: a dead peer cannot be shut down, so only the controller's presence counts.
            return online > 0 ? Membership.ONLINE : Membership.OFFLINE;
        }
        if (member < 0) {
            return Membership.UNCLEAN;
        }
        if ("banned".equals(join)) {
            return Membership.UNCLEAN;
        }
        if (terminateRequested(attrs.get("terminate"))) {
            return member <= 0 && online <= 0 && "down".equals(join) ? Membership.OFFLINE : Membership.UNCLEAN;
        }
        if (expected == null || expected.equals("down")) {
            return member > 0 || online > 0 ? Membership.PENDING : Membership.OFFLINE;
        }
        if (member <= 0 || online <= 0) {
            return Membership.UNCLEAN;
        }
        if ("member".equals(join)) {
            return Membership.ONLINE;
        }
        return "pending".equals(join) || "down".equals(join) ? Membership.PENDING : Membership.UNCLEAN;
    }

    /** {@code in_ccm}: a boolean (before 2.1.7) or the time it became a member (0 = not); -1 = unknown. */
    private static long whenMember(String v) {
        if (v == null) {
            return -1;
        }
        String t = v.trim();
        if (NUMBER.matcher(t).matches()) {
            long n = parseLong(t);
            return n < 0 ? -1 : n;
        }
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "y", "on" -> 1;
            case "false", "no", "n", "off" -> 0;
            default -> -1;
        };
    }

    /** {@code crmd}: online/offline (before 2.1.7) or the time the controller came up (0 = offline). */
    private static long whenOnline(String v) {
        if (v == null || v.trim().equalsIgnoreCase("offline")) {
            return 0;
        }
        if (v.trim().equalsIgnoreCase("online")) {
            return 1;
        }
        String t = v.trim();
        return NUMBER.matcher(t).matches() ? Math.max(0, parseLong(t)) : 0;
    }

    private static long parseLong(String t) {
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean terminateRequested(String v) {
        if (v == null) {
            return false;
        }
        String t = v.trim();
        if (NUMBER.matcher(t).matches()) {
            return parseLong(t) > 0;
        }
        return ImportContext.isTrue(t);
    }

    private List<ResourceHistory> history(XmlElement ns) {
        List<ResourceHistory> out = new ArrayList<>();
        XmlElement lrm = CibXml.child(ns, "lrm");
        XmlElement resources = lrm == null ? null : CibXml.child(lrm, "lrm_resources");
        if (resources == null) {
            return out;
        }
        for (XmlElement r : CibXml.children(resources, "lrm_resource")) {
            String id = ctx.required(r, "id");
            String standard = CibXml.attr(r, "class");
            String type = CibXml.attr(r, "type");
            AgentType agent = standard == null || type == null ? null
                    : new AgentType(standard, "ocf".equals(standard) ? CibXml.attr(r, "provider") : null, type);
            List<OperationRecord> ops = new ArrayList<>();
            for (XmlElement op : CibXml.children(r, "lrm_rsc_op")) {
                ops.add(operation(op));
            }
            out.add(new ResourceHistory(id, agent, ops));
        }
        return out;
    }

    private OperationRecord operation(XmlElement op) {
        String name = ctx.required(op, "operation");
        String intervalText = CibXml.attr(op, "interval");
        Duration interval = intervalText == null ? Duration.ZERO
                : Duration.ofMillis(ctx.integer(op, "interval", intervalText));
        String callText = CibXml.attr(op, "call-id");
        long callId = callText == null ? -1 : ctx.integer(op, "call-id", callText);
        String rcText = CibXml.attr(op, "rc-code");
        int rc = rcText == null ? 0 : ctx.integer(op, "rc-code", rcText);
        String statusText = CibXml.attr(op, "op-status");
        ExecStatus status = execStatus(op, statusText == null ? 0 : ctx.integer(op, "op-status", statusText));
        // Degraded results count as their healthy counterparts; 193 is the legacy "pending".
        if (rc == 190) {
            rc = 0;
        } else if (rc == 191) {
            rc = 8;
        } else if (rc == 193) {
            status = ExecStatus.PENDING;
        }
        int expected = expectedRc(op, rc);
        return new OperationRecord(name, interval, callId, rc, expected, status,
                epochSeconds(op, first(op, "last-run", "last_run")),
                epochSeconds(op, first(op, "last-rc-change", "last_rc_change")),
                millis(op, first(op, "exec-time", "exec_time")), digests(op));
    }

    /**
     * The statuses without the recorded parameter digests of these resources (ids without {@code :N}): their
     * parameters differ per node, which Vigil does not model, so comparing digests would restart them for nothing.
     */
    static List<NodeStatus> withoutDigests(List<NodeStatus> statuses, Set<String> resources) {
        List<NodeStatus> out = new ArrayList<>(statuses.size());
        for (NodeStatus ns : statuses) {
            List<ResourceHistory> history = new ArrayList<>(ns.history().size());
            for (ResourceHistory h : ns.history()) {
                String id = h.resource();
                int colon = id.lastIndexOf(':');
                if (resources.contains(colon > 0 ? id.substring(0, colon) : id)) {
                    h = new ResourceHistory(id, h.agent(), h.operations().stream().map(o -> o.withDigests(null))
                            .toList());
                }
                history.add(h);
            }
            out.add(new NodeStatus(ns.name(), ns.membership(), ns.standby(), ns.maintenance(), ns.attributes(),
                    history, ns.failCounts()));
        }
        return out;
    }

    /** The parameter digests an operation was recorded with, or null when it has none. */
    private ParameterDigests digests(XmlElement op) {
        String all = CibXml.attr(op, "op-digest");
        String restart = CibXml.attr(op, "op-restart-digest");
        if (all == null && restart == null) {
            return null;
        }
        String secure = CibXml.attr(op, "op-secure-digest");
        String featureSet = CibXml.attr(op, "crm_feature_set");
        if (restart == null && secure == null && all != null) {
            ParameterDigests known = sharedDigests.get(all);
            if (known != null && java.util.Objects.equals(known.featureSet(), featureSet)) {
                return known;
            }
            ParameterDigests d = new ParameterDigests(all, null, null, null, null, featureSet);
            sharedDigests.put(all, d);
            return d;
        }
        return new ParameterDigests(all, restart, names(CibXml.attr(op, "op-force-restart")), secure,
                names(CibXml.attr(op, "op-secure-params")), featureSet);
    }

    /** A space-separated list of names ({@code " a  b "}), or null when absent. */
    private static List<String> names(String text) {
        if (text == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String n : text.trim().split("\\s+")) {
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    /** The expected result is the third field of the transition key; without one, whatever happened was expected. */
    private int expectedRc(XmlElement op, int rc) {
        String key = CibXml.attr(op, "transition-key");
        if (key == null) {
            return rc;
        }
        int first = key.indexOf(':');
        int second = first < 0 ? -1 : key.indexOf(':', first + 1);
        int third = second < 0 ? -1 : key.indexOf(':', second + 1);
        if (third < 0) {
            throw ctx.error(op, "invalid transition-key '" + key + "': expected action:transition:rc:uuid");
        }
        return ctx.integer(op, "transition-key", key.substring(second + 1, third));
    }

    private ExecStatus execStatus(XmlElement op, int code) {
        return switch (code) {
            case -1 -> ExecStatus.PENDING;
            case 0 -> ExecStatus.DONE;
            case 1 -> ExecStatus.CANCELLED;
            case 2 -> ExecStatus.TIMEOUT;
            case 3 -> ExecStatus.NOT_SUPPORTED;
            case 4 -> ExecStatus.ERROR;
            case 5 -> ExecStatus.ERROR_HARD;
            case 6 -> ExecStatus.ERROR_FATAL;
            case 7 -> ExecStatus.NOT_INSTALLED;
            case 9 -> {
                ctx.warn(op, "op-status 9 (invalid) read as a hard error");
                yield ExecStatus.ERROR_HARD;
            }
            default -> {
                ctx.warn(op, "op-status " + code + " read as an error");
                yield ExecStatus.ERROR;
            }
        };
    }

    private static String first(XmlElement e, String a, String b) {
        String v = CibXml.attr(e, a);
        return v != null ? v : CibXml.attr(e, b);
    }

    private Instant epochSeconds(XmlElement e, String v) {
        if (v == null) {
            return null;
        }
        // Most operations of a history share a few timestamps: reuse the last one read.
        if (v.equals(lastTimestampText)) {
            return lastTimestamp;
        }
        long quick = ImportContext.plainNumber(v);
        if (quick != ImportContext.NOT_PLAIN) {
            lastTimestampText = v;
            lastTimestamp = Instant.ofEpochSecond(quick);
            return lastTimestamp;
        }
        if (v.isBlank()) {
            return null;
        }
        return Instant.ofEpochSecond(ctx.parse(e, "timestamp", v, t -> {
            try {
                return Long.parseLong(t.trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("'" + t + "' is not a time in seconds since the epoch");
            }
        }));
    }

    private Duration millis(XmlElement e, String v) {
        return v == null || v.isBlank() ? null : Duration.ofMillis(ctx.integer(e, "exec-time", v));
    }

    /** Clamps a fail count read as a score. */
    static int count(int score) {
        return Math.max(0, Math.min(Score.INFINITY, score));
    }
}
