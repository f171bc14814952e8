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
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.TypedValueDecoder;

/**
 * Reads the {@code status} section: each node's membership (as Pacemaker derives it from {@code node_state}),
 * transient attributes, fail counts and operation history.
 */
final class StatusReader {
    private static final Pattern FAIL_COUNT = Pattern.compile("fail-count-(.+)#(.+)_(\\d+)");
    /** Per-resource counts written by Pacemaker before 1.1.17 (no operation in the name). */
    private static final Pattern LEGACY_FAIL_COUNT = Pattern.compile("fail-count-([^#]+)");
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
    /** The distinct agents of the history read so far (the first few). */
    private final AgentType[] agents = new AgentType[16];
    private int agentCount;
    /** Recorded digests by {@code op-digest}: the same few repeat on every node, so records share one object. */
    private final Map<String, ParameterDigests> sharedDigests = new java.util.HashMap<>();
    private String lastTimestampText;
    private Boolean perResourceFailCounts;
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
        boolean perResource = readsPerResourceFailCounts();
        for (Map.Entry<String, String> fc : failCounts.entrySet()) {
            Matcher m = FAIL_COUNT.matcher(fc.getKey());
            if (m.matches()) {
                String last = lastFailures.get("last-failure-" + m.group(1) + "#" + m.group(2) + "_" + m.group(3));
                counts.add(new FailCount(m.group(1), m.group(2), Duration.ofMillis(Long.parseLong(m.group(3))),
                        count(ctx.score(transientAttrs, fc.getKey(), fc.getValue())),
                        epochSeconds(transientAttrs, last)));
                continue;
            }
            Matcher legacy = LEGACY_FAIL_COUNT.matcher(fc.getKey());
            if (legacy.matches() && perResource) {
                // Not tied to an operation: recorded under the resource's start.
                counts.add(new FailCount(legacy.group(1), "start", Duration.ZERO,
                        count(ctx.score(transientAttrs, fc.getKey(), fc.getValue())),
                        epochSeconds(transientAttrs, lastFailures.get("last-failure-" + legacy.group(1)))));
                continue;
            }
            ctx.warn(transientAttrs, "ignored fail count '" + fc.getKey() + "' (from crm_feature_set 3.0.13 on, "
                    + "Pacemaker reads only fail-count-RSC#OP_INTERVAL)");
        }
        return new NodeStatus(def.name(), membership, standby, maintenance, attributes, history(ns), counts);
    }

    /**
     * Whether per-resource fail counts ({@code fail-count-RSC}, no operation in the name) count. Pacemaker before
     * 1.1.17 wrote only those, and Pacemaker 2 reads them (and only them) from a CIB whose {@code crm_feature_set}
     * is below 3.0.13 or absent. Pacemaker 3 reads only the per-operation form, whatever the feature set. Both
     * agree on what each writes, so: the per-operation form always counts, the per-resource form in such old CIBs.
     */
    private boolean readsPerResourceFailCounts() {
        if (perResourceFailCounts == null) {
            perResourceFailCounts = compareVersions(CibXml.attr(ctx.root(), "crm_feature_set"), "3.0.13") < 0;
        }
        return perResourceFailCounts;
    }

    /** Dotted version comparison as Pacemaker's {@code compare_version}: a missing version is the lowest. */
    static int compareVersions(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String[] x = a.trim().split("\\.");
        String[] y = b.trim().split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? leadingNumber(x[i]) : -1;
            long q = i < y.length ? leadingNumber(y[i]) : -1;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long leadingNumber(String s) {
        int end = 0;
        while (end < s.length() && end < 18 && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(s.substring(0, end));
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
                    : agent(standard, "ocf".equals(standard) ? CibXml.attr(r, "provider") : null, type);
            List<Object> read = r.operations();
            List<OperationRecord> ops = new ArrayList<>(read == null ? 0 : read.size());
            if (read != null) {
                for (Object op : read) {
                    ops.add(op instanceof OperationRecord record ? record : operation((XmlElement) op));
                }
            }
            out.add(new ResourceHistory(id, agent, ops));
        }
        return out;
    }

    /**
     * The agent, shared between history entries (every node lists every resource:
     * 64,000 entries for 32 x 2,000 with a handful of agents; shared strings also make the scheduler's agent
     * comparisons quick).
     */
    private AgentType agent(String standard, String provider, String type) {
        for (int i = 0; i < agentCount; i++) {
            AgentType a = agents[i];
            if (a.standard().equals(standard) && a.type().equals(type)
                    && java.util.Objects.equals(a.provider(), provider)) {
                return a;
            }
        }
        AgentType a = new AgentType(standard, provider, type);
        if (agentCount < agents.length) {
            agents[agentCount++] = a;
        }
        return a;
    }

    /** An {@code lrm_rsc_op} element as a record (the usual path; warnings and errors through the context). */
    OperationRecord operation(XmlElement op) {
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

    /**
     * Reads {@code lrm_rsc_op} start tags straight from the parser into {@link OperationRecord}s, for the usual case
     * where every value is plain: the same record as {@link #operation(XmlElement)}, without building an element
     * first (a large CIB holds hundreds of thousands of operations). Anything else (a missing operation name, a value
     * that is not a plain number, an unusual op-status, ...) gives null, and the operation is read the usual way,
     * with its warnings and errors.
     *
     * <p>Values are read from the parser's character buffer ({@link XMLStreamReader2#getAttributeAs}), not as
     * strings: the first string asked of Aalto copies all of the element's attribute values (most of the 40 MB of a
     * 32 x 2,000 CIB) into one string. Aalto hands over a value without its leading and trailing whitespace (as
     * {@link String#trim()} takes it off); for numbers that is how the usual path reads them too, and an operation
     * name is taken only when no whitespace was taken off (else the usual path keeps it as it is). Repeated values
     * (names, intervals, timestamps) are shared.
     */
    static final class QuickOperations {
        /** Instant.MAX in seconds: a larger timestamp is the usual path's to report. */
        private static final long MAX_SECONDS = 31556889864403199L;
        private static final long NOT_PLAIN = ImportContext.NOT_PLAIN;
        /** By op-status + 1, as {@link StatusReader#execStatus} reads -1 to 7 (without a warning). */
        private static final ExecStatus[] EXEC_STATUS = {ExecStatus.PENDING, ExecStatus.DONE, ExecStatus.CANCELLED,
            ExecStatus.TIMEOUT, ExecStatus.NOT_SUPPORTED, ExecStatus.ERROR, ExecStatus.ERROR_HARD,
            ExecStatus.ERROR_FATAL, ExecStatus.NOT_INSTALLED};
        /** At most this many distinct operation names are shared (a CIB has a handful). */
        private static final int SHARED_NAMES = 32;

        private AaltoSource aalto;
        private final Map<String, ParameterDigests> digests = new java.util.HashMap<>();
        private String lastAll;
        private String lastFeatureSet;
        private final String[] names = new String[SHARED_NAMES];
        private int nameCount;
        private final long[] intervalMs = new long[16];
        private final Duration[] intervals = new Duration[16];
        private int intervalCount;
        private long lastSeconds = Long.MIN_VALUE;
        private Instant lastInstant;

        /** The operation at the Aalto reader's start tag, or null when it has to be read the usual way. */
        OperationRecord read(XMLStreamReader reader) {
            if (aalto == null) {
                aalto = new AaltoSource();
            }
            aalto.reader = (XMLStreamReader2) reader;
            return read(aalto);
        }

        /** The operation whose start tag {@code s} holds, or null when it has to be read the usual way. */
        OperationRecord read(OperationSource s) {
            String name = null;
            long interval = 0;
            long call = -1;
            long rc = 0;
            long code = 0;
            long expected = NOT_PLAIN;
            boolean key = false;
            long lastRun = NOT_PLAIN;
            long lastRunOld = NOT_PLAIN;
            long lastRcChange = NOT_PLAIN;
            long lastRcChangeOld = NOT_PLAIN;
            long exec = NOT_PLAIN;
            long execOld = NOT_PLAIN;
            boolean hasRun = false;
            boolean hasRunOld = false;
            boolean hasChange = false;
            boolean hasChangeOld = false;
            boolean hasExec = false;
            boolean hasExecOld = false;
            // Recorded parameter digests, as digests(XmlElement) reads them; taken only when exactly as written.
            String all = null;
            String restart = null;
            String forceRestart = null;
            String secure = null;
            String secureParams = null;
            String featureSet = null;
            int n = s.count();
            for (int i = 0; i < n; i++) {
                switch (s.name(i)) {
                    case "operation" -> {
                        name = s.select(i) && s.verbatim() ? name(s) : null;
                        if (name == null) {
                            return null;
                        }
                    }
                    case "interval" -> interval = integer(s, i);
                    case "call-id" -> call = integer(s, i);
                    case "rc-code" -> rc = integer(s, i);
                    case "op-status" -> code = integer(s, i);
                    case "transition-key" -> {
                        expected = s.select(i) ? s.expectedRc() : NOT_PLAIN;
                        key = true;
                    }
                    case "last-run" -> {
                        lastRun = seconds(s, i);
                        hasRun = true;
                    }
                    case "last_run" -> {
                        lastRunOld = seconds(s, i);
                        hasRunOld = true;
                    }
                    case "last-rc-change" -> {
                        lastRcChange = seconds(s, i);
                        hasChange = true;
                    }
                    case "last_rc_change" -> {
                        lastRcChangeOld = seconds(s, i);
                        hasChangeOld = true;
                    }
                    case "exec-time" -> {
                        exec = integer(s, i);
                        hasExec = true;
                    }
                    case "exec_time" -> {
                        execOld = integer(s, i);
                        hasExecOld = true;
                    }
                    case "op-digest" -> {
                        all = text(s, i, lastAll);
                        if (all == null) {
                            return null;
                        }
                        lastAll = all;
                    }
                    case "op-restart-digest" -> {
                        restart = text(s, i, null);
                        if (restart == null) {
                            return null;
                        }
                    }
                    case "op-force-restart" -> {
                        forceRestart = text(s, i, null);
                        if (forceRestart == null) {
                            return null;
                        }
                    }
                    case "op-secure-digest" -> {
                        secure = text(s, i, null);
                        if (secure == null) {
                            return null;
                        }
                    }
                    case "op-secure-params" -> {
                        secureParams = text(s, i, null);
                        if (secureParams == null) {
                            return null;
                        }
                    }
                    case "crm_feature_set" -> {
                        featureSet = text(s, i, lastFeatureSet);
                        if (featureSet == null) {
                            return null;
                        }
                        lastFeatureSet = featureSet;
                    }
                    default -> {
                    }
                }
            }
            // The new spelling wins when both are present; whichever is read must be plain.
            long run = hasRun ? lastRun : lastRunOld;
            long change = hasChange ? lastRcChange : lastRcChangeOld;
            long execMs = hasExec ? exec : execOld;
            hasRun |= hasRunOld;
            hasChange |= hasChangeOld;
            hasExec |= hasExecOld;
            if (name == null || interval == NOT_PLAIN || call == NOT_PLAIN || rc == NOT_PLAIN || code < -1 || code > 7
                    || key && expected == NOT_PLAIN || hasRun && run == NOT_PLAIN
                    || hasChange && change == NOT_PLAIN || hasExec && execMs == NOT_PLAIN) {
                return null;
            }
            ExecStatus status = EXEC_STATUS[(int) code + 1];
            if (rc == 190) {
                rc = 0;
            } else if (rc == 191) {
                rc = 8;
            } else if (rc == 193) {
                status = ExecStatus.PENDING;
            }
            return new OperationRecord(name, interval(interval), call, (int) rc, key ? (int) expected : (int) rc,
                    status, hasRun ? instant(run) : null, hasChange ? instant(change) : null,
                    hasExec ? Duration.ofMillis(execMs) : null,
                    digests(all, restart, forceRestart, secure, secureParams, featureSet));
        }

        /** As {@link StatusReader#digests(XmlElement)} on these values; records with the same op-digest share one. */
        private ParameterDigests digests(String all, String restart, String forceRestart, String secure,
                                         String secureParams, String featureSet) {
            if (all == null && restart == null) {
                return null;
            }
            if (restart == null && secure == null && all != null) {
                ParameterDigests known = digests.get(all);
                if (known != null && java.util.Objects.equals(known.featureSet(), featureSet)) {
                    return known;
                }
                ParameterDigests d = new ParameterDigests(all, null, null, null, null, featureSet);
                digests.put(all, d);
                return d;
            }
            return new ParameterDigests(all, restart, names(forceRestart), secure, names(secureParams), featureSet);
        }

        /** Attribute i's value exactly as written (the same string as {@code last} when equal), else null. */
        private static String text(OperationSource s, int i, String last) {
            if (!s.select(i) || !s.verbatim()) {
                return null;
            }
            return last != null && s.is(last) ? last : s.string();
        }

        /** A plain number in the int range, as {@link ImportContext#integer} takes it; else NOT_PLAIN. */
        private static long integer(OperationSource s, int i) {
            long v = s.select(i) ? s.number() : NOT_PLAIN;
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : NOT_PLAIN;
        }

        /** A plain number of seconds that {@link Instant} can hold; else NOT_PLAIN. */
        private static long seconds(OperationSource s, int i) {
            long v = s.select(i) ? s.number() : NOT_PLAIN;
            return v != NOT_PLAIN && Math.abs(v) <= MAX_SECONDS ? v : NOT_PLAIN;
        }

        /** The selected value as an operation name, shared with an earlier operation of the same name. */
        private String name(OperationSource s) {
            for (int k = 0; k < nameCount; k++) {
                if (s.is(names[k])) {
                    return names[k];
                }
            }
            String name = s.string();
            if (name == null || name.isBlank()) {
                return null;
            }
            if (nameCount < SHARED_NAMES) {
                names[nameCount++] = name;
            }
            return name;
        }

        /** A shared Duration per interval (a CIB has a handful of distinct ones). */
        private Duration interval(long ms) {
            for (int k = 0; k < intervalCount; k++) {
                if (intervalMs[k] == ms) {
                    return intervals[k];
                }
            }
            Duration d = Duration.ofMillis(ms);
            if (intervalCount < intervals.length) {
                intervalMs[intervalCount] = ms;
                intervals[intervalCount++] = d;
            }
            return d;
        }

        private Instant instant(long seconds) {
            if (seconds != lastSeconds) {
                lastSeconds = seconds;
                lastInstant = Instant.ofEpochSecond(seconds);
            }
            return lastInstant;
        }
    }

    /** The attributes of an {@code lrm_rsc_op} start tag, as {@link QuickOperations} reads them. */
    interface OperationSource {
        /** How many attributes. */
        int count();

        /** Attribute i's name. */
        String name(int i);

        /** Makes attribute i's value the current one; false when it cannot be read here (nor the operation). */
        boolean select(int i);

        /** The current value as {@link ImportContext#plainNumber} reads it. */
        long number();

        /** The third field of the current value as a transition key, a plain int; else NOT_PLAIN. */
        long expectedRc();

        /** Whether the current value is {@code s}. */
        boolean is(String s);

        /** The current value; null when empty. */
        String string();

        /** Whether the current value is exactly as written (as {@link #string()} gives it). */
        boolean verbatim();
    }

    /**
     * Values from Aalto's character buffer ({@link XMLStreamReader2#getAttributeAs}), not as strings: the first
     * string asked of Aalto copies all of the element's attribute values (most of a large CIB) into one string.
     * Aalto hands a value over without its leading and trailing whitespace (as {@link String#trim()} takes it off);
     * for numbers that is how the usual path reads them too, and a name is taken only when nothing was taken off.
     */
    private static final class AaltoSource extends TypedValueDecoder implements OperationSource {
        private XMLStreamReader2 reader;
        private char[] buf;
        private int start;
        private int end;
        /** Whether {@link #buf} is the parser's buffer, where the characters around the value can be looked at. */
        private boolean inBuffer;

        @Override
        public int count() {
            return reader.getAttributeCount();
        }

        @Override
        public String name(int i) {
            return reader.getAttributeLocalName(i);
        }

        @Override
        public boolean select(int i) {
            try {
                reader.getAttributeAs(i, this);
                return true;
            } catch (XMLStreamException e) {
                return false;
            }
        }

        @Override
        public void decode(String v) {
            buf = v.toCharArray();
            start = 0;
            end = buf.length;
            inBuffer = false;
        }

        @Override
        public void decode(char[] b, int from, int to) {
            buf = b;
            start = from;
            end = to;
            inBuffer = true;
        }

        @Override
        public void handleEmptyValue() {
            buf = null;
            inBuffer = false;
        }

        /**
         * True only when no whitespace was taken off: the characters next to the value in the parser's buffer are
         * not whitespace (whitespace taken off would still be there). Conservative: a value that merely follows
         * one ending in whitespace also answers false.
         */
        @Override
        public boolean verbatim() {
            return buf != null && inBuffer && (start == 0 || buf[start - 1] > ' ') && (end == buf.length || buf[end] > ' ');
        }

        @Override
        public long number() {
            return buf == null ? ImportContext.NOT_PLAIN : plain(buf, start, end);
        }

        @Override
        public long expectedRc() {
            if (buf == null) {
                return ImportContext.NOT_PLAIN;
            }
            int colons = 0;
            int from = -1;
            for (int i = start; i < end; i++) {
                if (buf[i] == ':') {
                    colons++;
                    if (colons == 2) {
                        from = i + 1;
                    } else if (colons == 3) {
                        long v = plain(buf, from, i);
                        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : ImportContext.NOT_PLAIN;
                    }
                }
            }
            return ImportContext.NOT_PLAIN;
        }

        @Override
        public boolean is(String s) {
            int len = end - start;
            if (buf == null || s.length() != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (s.charAt(i) != buf[start + i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String string() {
            return buf == null ? null : new String(buf, start, end - start);
        }

        /** As {@link ImportContext#plainNumber}: optional minus, 1 to 18 digits, nothing else. */
        private static long plain(char[] b, int from, int to) {
            int i = from < to && b[from] == '-' ? from + 1 : from;
            if (i == to || to - i > 18) {
                return ImportContext.NOT_PLAIN;
            }
            long r = 0;
            for (; i < to; i++) {
                char c = b[i];
                if (c < '0' || c > '9') {
                    return ImportContext.NOT_PLAIN;
                }
                r = r * 10 + (c - '0');
            }
            return b[from] == '-' ? -r : r;
        }
    }

    private Duration millis(XmlElement e, String v) {
        return v == null || v.isBlank() ? null : Duration.ofMillis(ctx.integer(e, "exec-time", v));
    }

    /** Clamps a fail count read as a score. */
    static int count(int score) {
        return Math.max(0, Math.min(Score.INFINITY, score));
    }
}
