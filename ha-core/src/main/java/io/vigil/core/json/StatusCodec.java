package io.vigil.core.json;

import static io.vigil.core.json.JsonIn.names;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.FailCount;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.ParameterDigests;
import io.vigil.core.model.ResourceHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes a {@link ClusterStatus} and a {@link CibVersion} in Vigil's JSON format. */
final class StatusCodec {
    static final Set<String> STATUS = names("format", "quorate", "dc", "nodes");
    /** Inside a CIB only the top level carries the format. */
    static final Set<String> STATUS_IN_CIB = names("quorate", "dc", "nodes");
    static final Set<String> NODE = names("name", "membership", "standby", "maintenance", "attributes", "history",
            "fail-counts");
    static final Set<String> HISTORY = names("resource", "agent", "operations");
    static final Set<String> RECORD = names("operation", "interval", "call-id", "rc", "expected-rc", "status",
            "last-run", "last-rc-change", "exec-time", "digests");
    static final Set<String> DIGESTS = names("all", "restart", "restart-parameters", "secure", "secure-parameters",
            "feature-set");
    static final Set<String> FAIL_COUNT = names("resource", "operation", "interval", "count", "last-failure");
    static final Set<String> VERSION = names("admin-epoch", "epoch", "num-updates");

    private StatusCodec() {
    }

    // ================================================================ writing

    /** Writes the status's fields (without "format") into the object the caller opened. */
    static void writeFields(JsonOut out, ClusterStatus s) {
        out.field("quorate", s.quorate());
        out.field("dc", s.dc());
        if (s.nodes().isEmpty()) {
            return;
        }
        out.startArray("nodes");
        for (NodeStatus n : s.nodesInStatusOrder()) { // the order decides clone instance numbers
            out.startObject();
            out.field("name", n.name());
            out.field("membership", n.membership());
            if (n.standby()) {
                out.field("standby", true);
            }
            if (n.maintenance()) {
                out.field("maintenance", true);
            }
            out.stringMap("attributes", n.attributes());
            if (!n.history().isEmpty()) {
                out.startArray("history");
                n.history().forEach(h -> writeHistory(out, h));
                out.endArray();
            }
            if (!n.failCounts().isEmpty()) {
                out.startArray("fail-counts");
                for (FailCount f : n.failCounts()) {
                    out.startObject();
                    out.field("resource", f.resource());
                    out.field("operation", f.operation());
                    if (!f.interval().isZero()) {
                        out.field("interval", f.interval());
                    }
                    out.score("count", f.count());
                    out.field("last-failure", f.lastFailure());
                    out.endObject();
                }
                out.endArray();
            }
            out.endObject();
        }
        out.endArray();
    }

    private static void writeHistory(JsonOut out, ResourceHistory h) {
        out.startObject();
        out.field("resource", h.resource());
        out.field("agent", h.agent());
        if (!h.operations().isEmpty()) {
            out.startArray("operations");
            for (OperationRecord r : h.operations()) {
                out.startObject();
                out.field("operation", r.operation());
                if (!r.interval().isZero()) {
                    out.field("interval", r.interval());
                }
                out.field("call-id", r.callId());
                out.field("rc", r.rc());
                out.field("expected-rc", r.expectedRc());
                if (r.status() != ExecStatus.DONE) {
                    out.field("status", r.status());
                }
                out.field("last-run", r.lastRun());
                out.field("last-rc-change", r.lastRcChange());
                out.field("exec-time", r.execTime());
                if (r.digests() != null) {
                    writeDigests(out, r.digests());
                }
                out.endObject();
            }
            out.endArray();
        }
        out.endObject();
    }

    private static void writeDigests(JsonOut out, ParameterDigests d) {
        out.startObject("digests");
        out.field("all", d.all());
        out.field("restart", d.restart());
        nameList(out, "restart-parameters", d.restartParameters());
        out.field("secure", d.secure());
        nameList(out, "secure-parameters", d.secureParameters());
        out.field("feature-set", d.featureSet());
        out.endObject();
    }

    /** A list of names, written even when empty (an empty list and no list mean different things). */
    private static void nameList(JsonOut out, String field, List<String> list) {
        if (list == null) {
            return;
        }
        out.startArray(field);
        list.forEach(out::value);
        out.endArray();
    }

    static void writeVersion(JsonOut out, CibVersion v) {
        out.startObject("version");
        out.field("admin-epoch", v.adminEpoch());
        out.field("epoch", v.epoch());
        out.field("num-updates", v.numUpdates());
        out.endObject();
    }

    // ================================================================ reading

    /** Reads the status object at the current token; {@code topLevel} allows the "format" field. */
    static ClusterStatus status(JsonIn in, boolean topLevel) {
        JsonIn.Obj o = in.object("status", topLevel ? STATUS : STATUS_IN_CIB);
        boolean quorate = true;
        String dc = null;
        List<NodeStatus> nodes = null;
        while (o.next()) {
            switch (o.name()) {
                case "format" -> in.skip();
                case "quorate" -> quorate = or(in.bool(), quorate);
                case "dc" -> dc = in.string();
                case "nodes" -> nodes = in.list("nodes", () -> node(in));
                default -> throw new IllegalStateException(o.name());
            }
        }
        return new ClusterStatus(quorate, dc, nodes);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static NodeStatus node(JsonIn in) {
        JsonIn.Obj o = in.object("node status", NODE);
        String name = null;
        Membership membership = null;
        boolean standby = false;
        boolean maintenance = false;
        Map<String, String> attributes = null;
        List<ResourceHistory> history = null;
        List<FailCount> failCounts = null;
        while (o.next()) {
            switch (o.name()) {
                case "name" -> name = in.string();
                case "membership" -> membership = in.keyword(Membership::parse);
                case "standby" -> standby = or(in.bool(), standby);
                case "maintenance" -> maintenance = or(in.bool(), maintenance);
                case "attributes" -> attributes = in.stringMap("node attributes");
                case "history" -> history = in.list("history", () -> history(in));
                case "fail-counts" -> failCounts = in.list("fail-counts", () -> failCount(in));
                default -> throw new IllegalStateException(o.name());
            }
        }
        return new NodeStatus(o.require(name, "name"), o.require(membership, "membership"), standby, maintenance,
                attributes, history, failCounts);
    }

    private static ResourceHistory history(JsonIn in) {
        JsonIn.Obj o = in.object("resource history", HISTORY);
        String resource = null;
        AgentType agent = null;
        List<OperationRecord> operations = null;
        while (o.next()) {
            switch (o.name()) {
                case "resource" -> resource = in.string();
                case "agent" -> agent = in.agent();
                case "operations" -> operations = in.list("operations", () -> record(in));
                default -> throw new IllegalStateException(o.name());
            }
        }
        return new ResourceHistory(o.require(resource, "resource"), agent, operations);
    }

    private static OperationRecord record(JsonIn in) {
        JsonIn.Obj o = in.object("operation record", RECORD);
        String operation = null;
        Duration interval = null;
        Long callId = null;
        Integer rc = null;
        Integer expectedRc = null;
        ExecStatus status = null;
        Instant lastRun = null;
        Instant lastRcChange = null;
        Duration execTime = null;
        ParameterDigests digests = null;
        while (o.next()) {
            switch (o.name()) {
                case "operation" -> operation = in.string();
                case "interval" -> interval = in.duration("interval");
                case "call-id" -> callId = in.longValue();
                case "rc" -> rc = in.integer();
                case "expected-rc" -> expectedRc = in.integer();
                case "status" -> status = in.keyword(ExecStatus::parse);
                case "last-run" -> lastRun = in.instant();
                case "last-rc-change" -> lastRcChange = in.instant();
                case "exec-time" -> execTime = in.duration("exec-time");
                case "digests" -> digests = digests(in);
                default -> throw new IllegalStateException(o.name());
            }
        }
        return new OperationRecord(o.require(operation, "operation"), interval, o.require(callId, "call-id"),
                o.require(rc, "rc"), o.require(expectedRc, "expected-rc"), status, lastRun, lastRcChange, execTime,
                digests);
    }

    private static ParameterDigests digests(JsonIn in) {
        JsonIn.Obj o = in.object("parameter digests", DIGESTS);
        String all = null;
        String restart = null;
        List<String> restartParameters = null;
        String secure = null;
        List<String> secureParameters = null;
        String featureSet = null;
        while (o.next()) {
            switch (o.name()) {
                case "all" -> all = in.string();
                case "restart" -> restart = in.string();
                case "restart-parameters" -> restartParameters = in.stringList("restart-parameters");
                case "secure" -> secure = in.string();
                case "secure-parameters" -> secureParameters = in.stringList("secure-parameters");
                case "feature-set" -> featureSet = in.string();
                default -> throw new IllegalStateException(o.name());
            }
        }
        return new ParameterDigests(all, restart, restartParameters, secure, secureParameters, featureSet);
    }

    private static FailCount failCount(JsonIn in) {
        JsonIn.Obj o = in.object("fail count", FAIL_COUNT);
        String resource = null;
        String operation = null;
        Duration interval = null;
        Integer count = null;
        Instant lastFailure = null;
        while (o.next()) {
            switch (o.name()) {
                case "resource" -> resource = in.string();
                case "operation" -> operation = in.string();
                case "interval" -> interval = in.duration("interval");
                case "count" -> count = in.score();
                case "last-failure" -> lastFailure = in.instant();
                default -> throw new IllegalStateException(o.name());
            }
        }
        return new FailCount(o.require(resource, "resource"), o.require(operation, "operation"), interval,
                o.require(count, "count"), lastFailure);
    }

    /** Reads a CIB version object at the current token; missing numbers are 0. */
    static CibVersion version(JsonIn in) {
        JsonIn.Obj o = in.object("version", VERSION);
        long adminEpoch = 0;
        long epoch = 0;
        long numUpdates = 0;
        while (o.next()) {
            switch (o.name()) {
                case "admin-epoch" -> adminEpoch = nonNegative(in, or(in.longValue(), 0L));
                case "epoch" -> epoch = nonNegative(in, or(in.longValue(), 0L));
                case "num-updates" -> numUpdates = nonNegative(in, or(in.longValue(), 0L));
                default -> throw new IllegalStateException(o.name());
            }
        }
        return new CibVersion(adminEpoch, epoch, numUpdates);
    }

    private static long nonNegative(JsonIn in, long value) {
        if (value < 0) {
            throw in.error("must not be negative, was " + value);
        }
        return value;
    }
}
