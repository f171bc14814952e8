package io.vigil.core.scheduler;

import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.ParameterDigests;
import io.vigil.core.model.Primitive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Definition changes (Pacemaker's lib/pengine/pe_digest.c and pcmk__check_action_config in pcmk_sched_actions.c):
 * an operation recorded with parameter digests ({@link ParameterDigests}) is compared with the digest of the
 * resource's current definition. A changed one-off operation (the start, a probe that found it running, a
 * promote) restarts the resource, or reloads it when the recorded restart digest (over only the parameters that
 * cannot be reloaded) still matches; a changed recurring monitor is scheduled again with the new parameters.
 * Records without digests (Vigil's own history) are never compared.
 *
 * <p>The digest is Pacemaker's: the MD5 of {@code " <parameters a=\"1\" b=\"2\"/>\n"}, the attributes sorted by
 * name (byte order) and XML-escaped, holding the resource's parameters, the operation's own parameters, and for a
 * recurring operation its timeout in milliseconds ({@code CRM_meta_timeout}); Pacemaker's bookkeeping names
 * ({@code id}, {@code crm_feature_set}, {@code op-digest}, {@code on_node}, {@code on_node_uuid},
 * {@code pcmk_external_ip} and any other {@code CRM_meta_*}) are left out.
 */
final class Digests {
    /** The reason given to the actions a definition change causes. */
    static final String REASON = "resource definition change";

    /** Names Pacemaker drops from every digest (pcmk__filter_op_for_digest). */
    private static final Set<String> FILTERED = Set.of("id", "crm_feature_set", "op-digest", "on_node",
            "on_node_uuid", "pcmk_external_ip");
    private static final String TIMEOUT = "CRM_meta_timeout";
    /** Pacemaker's fencing parameters that are not passed to a fence agent (pcmk_stonith_param). */
    private static final Set<String> FENCE_PARAMS = Set.of("pcmk_action_limit", "pcmk_delay_base",
            "pcmk_delay_max", "pcmk_host_argument", "pcmk_host_check", "pcmk_host_list", "pcmk_host_map");

    private Digests() {
    }

    /** What changed definitions ask of one leaf (null on a leaf when nothing changed). */
    static final class Changes {
        /** Restart wherever it runs: the start is required (Pacemaker's force_restart). */
        boolean restart;
        /** Nodes where the agent reloads its parameters instead. */
        final List<SchedNode> reload = new ArrayList<>(1);
        /** Recurring monitors to schedule again with the new parameters, where the leaf stays. */
        final List<Recurring> reschedule = new ArrayList<>(1);

        boolean reloadsOn(SchedNode node) {
            return !restart && reload.contains(node);
        }
    }

    /** A recurring operation on a node. */
    record Recurring(SchedNode node, String task, Duration interval) {
    }

    /** A resource history carrying digests, noted while the history is read; compared once the state is known. */
    record Entry(PrimitiveRsc leaf, CloneRsc cloneRsc, String base, SchedNode node, List<OperationRecord> ops) {
    }

    /** Whether any operation of a history carries digests (cheap: most histories have none or one entry). */
    static boolean carried(List<OperationRecord> ops) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).digests() != null) {
                return true;
            }
        }
        return false;
    }

    /** How a recorded operation compares with the current definition (Pacemaker's pcmk__digest_*). */
    enum Verdict {
        MATCH,
        /** Parameters that cannot be reloaded changed (or the one-off operation has parameters of its own). */
        RESTART,
        /** Some parameter changed; the agent may reload it (a recurring operation is scheduled again). */
        CHANGED
    }

    /**
     * Compares the noted histories with the current definitions (Pacemaker's pcmk__handle_rsc_config_changes):
     * only where the resource is active, on a node that can run resources or is in maintenance, and only the
     * operations since its last start.
     */
    static void check(Cluster cluster, List<Entry> entries) {
        Map<Key, Current> digestCache = new HashMap<>();
        for (Entry e : entries) {
            SchedNode node = e.node();
            if (!(node.maintenance || node.online() && !node.unclean() && !node.standby && !node.shuttingDown)) {
                continue;
            }
            PrimitiveRsc leaf = activeLeaf(e, node);
            if (leaf == null || !leaf.managed() || cluster.maintenanceMode) {
                continue; // not running there, or nothing may be done to it anyway
            }
            List<OperationRecord> ops = History.inCallOrder(e.ops());
            int from = sinceLastStart(ops);
            if (from < 0) {
                continue; // stopped since
            }
            // A start still in flight may not see a reload: it restarts instead (pe_rsc_start_pending).
            boolean pendingStart = false;
            for (OperationRecord op : ops) {
                pendingStart |= op.status() == ExecStatus.PENDING && op.operation().equals("start");
            }
            for (int i = from; i < ops.size(); i++) {
                OperationRecord op = ops.get(i);
                ParameterDigests d = op.digests();
                if (d == null) {
                    continue; // recorded without digests: nothing to compare
                }
                String task = op.operation();
                boolean recurring = !op.interval().isZero();
                if (!recurring && !task.equals("monitor") && !task.equals("start") && !task.equals("promote")
                        && !task.equals("migrate_from")) {
                    continue;
                }
                if (recurring && node.maintenance) {
                    continue; // maintenance cancels recurring operations; nothing to reschedule
                }
                Operation config = configured(leaf.primitive, task, op.interval());
                if (recurring && config == null) {
                    continue; // no longer configured (an orphaned monitor)
                }
                Verdict v = compare(cluster, leaf.primitive, config, op, digestCache);
                if (v == Verdict.MATCH) {
                    continue;
                }
                Changes c = leaf.definitionChanges;
                if (c == null) {
                    c = new Changes();
                    leaf.definitionChanges = c;
                }
                if (recurring) {
                    c.reschedule.add(new Recurring(node, task, op.interval()));
                } else if (v == Verdict.CHANGED && d.restart() != null) {
                    // The agent can reload (it recorded a restart digest); not a failed resource, which is
                    // recovered anyway, nor one whose start is still pending (schedule_reload).
                    if (pendingStart) {
                        c.restart = true;
                    } else if (!leaf.currentOn(node).failed()) {
                        c.reload.add(node);
                    }
                } else {
                    c.restart = true;
                }
            }
        }
    }

    /** The leaf an entry's operations belong to, when it is active on the node; else null. */
    private static PrimitiveRsc activeLeaf(Entry e, SchedNode node) {
        if (e.cloneRsc() == null) {
            return e.leaf().currentOn(node) != null ? e.leaf() : null;
        }
        for (PrimitiveRsc copy : e.cloneRsc().leavesOf(e.base())) {
            if (copy.currentOn(node) != null) {
                return copy;
            }
        }
        return null;
    }

    /**
     * The index of the operation the current run started with (Pacemaker's calculate_active_ops): the last start
     * (or migrate_from), else the last promote/demote, else the first monitor that found it running after the
     * last stop; 0 when none; -1 when a completed stop came after it.
     */
    static int sinceLastStart(List<OperationRecord> ops) {
        int stop = -1;
        int start = -1;
        int impliedByMonitor = -1;
        int impliedByRole = -1;
        for (int i = 0; i < ops.size(); i++) {
            OperationRecord op = ops.get(i);
            String task = op.operation();
            if (task.equals("stop") && op.status() == ExecStatus.DONE) {
                stop = i;
            } else if (task.equals("start") || task.equals("migrate_from")) {
                start = i;
            } else if (impliedByMonitor <= stop && task.equals("monitor")) {
                if (op.rc() == 0 || op.rc() == 8) {
                    impliedByMonitor = i;
                }
            } else if (task.equals("promote") || task.equals("demote")) {
                impliedByRole = i;
            }
        }
        if (start == -1) {
            start = impliedByRole != -1 ? impliedByRole : impliedByMonitor;
        }
        if (start < stop) {
            return -1;
        }
        return Math.max(start, 0);
    }

    /** The first enabled configured operation with this name and interval (find_rsc_op_entry), or null. */
    private static Operation configured(Primitive p, String task, Duration interval) {
        for (Operation o : p.operations()) {
            if (o.enabled() && o.name().equals(task) && o.interval().equals(interval)) {
                return o;
            }
        }
        return null;
    }

    /** The parameters of one operation of one primitive, as digested, and their digest. */
    private record Current(Map<String, String> parameters, String digest) {
    }

    /** What the current parameters are computed from; records of the same operation share them. */
    private record Key(String primitive, String task, Duration interval) {
    }

    /** Compares one recorded operation with the current definition (rsc_action_digest_cmp). */
    static Verdict compare(Cluster cluster, Primitive p, Operation config, OperationRecord op,
                           Map<Key, Current> cache) {
        ParameterDigests d = op.digests();
        Current current = cache.computeIfAbsent(new Key(p.id(), op.operation(), op.interval()), k -> {
            Map<String, String> all = parameters(p, config, op.interval(), timeout(cluster, config));
            return new Current(all, digest(all));
        });
        Map<String, String> all = current.parameters();
        Verdict v;
        if (d.restart() != null && !d.restart().equals(restartDigest(all, d.restartParameters()))) {
            v = Verdict.RESTART;
        } else if (d.all() == null) {
            v = Verdict.CHANGED; // unknown what it ran with
        } else if (!d.all().equals(current.digest())) {
            // A one-off operation with parameters of its own restarts, so they apply to it (pe_digest.c).
            boolean ownParams = config != null && !config.parameters().isEmpty();
            v = op.interval().isZero() && ownParams ? Verdict.RESTART : Verdict.CHANGED;
        } else {
            v = Verdict.MATCH;
        }
        if (v != Verdict.MATCH && d.secure() != null
                && d.secure().equals(secureDigest(p, all, d.secureParameters(), d.featureSet()))) {
            // Only private parameters differ, which a status read from a sanitised CIB shows masked; Pacemaker's
            // crm_simulate ignores such a change too (only_sanitized_changed).
            v = Verdict.MATCH;
        }
        return v;
    }

    /** The timeout a recurring operation runs with: its own, else the operation defaults', else 20 s. */
    private static Duration timeout(Cluster cluster, Operation config) {
        return timeout(cluster.config, config);
    }

    private static Duration timeout(io.vigil.core.model.Configuration configuration, Operation config) {
        if (config != null && config.timeout() != null) {
            return config.timeout();
        }
        return configuration.operationDefaults().timeoutOrDefault();
    }

    /** The digest of all parameters that matches a record of this operation (see {@link OperationDigest}). */
    static String current(io.vigil.core.model.Configuration configuration, Primitive p, String task,
                          Duration interval) {
        Operation config = configured(p, task, interval);
        return digest(parameters(p, config, interval, timeout(configuration, config)));
    }

    /**
     * The parameters an operation runs with, as digested: the resource's, the operation's own on top, and for a
     * recurring one its timeout; without Pacemaker's bookkeeping names.
     */
    static Map<String, String> parameters(Primitive p, Operation config, Duration interval, Duration timeout) {
        Map<String, String> all = new TreeMap<>();
        putFiltered(all, p.parameters());
        if (config != null) {
            putFiltered(all, config.parameters());
        }
        if (!interval.isZero()) {
            all.put(TIMEOUT, Long.toString(timeout.toMillis()));
        }
        return all;
    }

    private static void putFiltered(Map<String, String> into, Map<String, String> params) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            if (!FILTERED.contains(name) && !name.regionMatches(true, 0, "CRM_meta", 0, 8)) {
                into.put(name, e.getValue());
            }
        }
    }

    /** The digest over only the parameters a restart digest covers (all when {@code names} is null). */
    private static String restartDigest(Map<String, String> all, List<String> names) {
        if (names == null) {
            return digest(all);
        }
        Map<String, String> some = new TreeMap<>(all);
        some.keySet().retainAll(Set.copyOf(names));
        return digest(some);
    }

    /**
     * The digest without the private parameters (calculate_secure_digest). Recorded before feature set 3.16.0 it
     * covers only the resource's parameters (no operation parameters, no timeout) and, for a fence device, not
     * Pacemaker's own fencing parameters.
     */
    private static String secureDigest(Primitive p, Map<String, String> all, List<String> secret,
                                       String featureSet) {
        Map<String, String> params;
        if (featureSet != null && Locations.compareVersions(featureSet, "3.16.0") < 0) {
            params = new TreeMap<>();
            putFiltered(params, p.parameters());
            if (p.agent().standard().equalsIgnoreCase("stonith")) {
                params.keySet().removeIf(Digests::isFenceParameter);
            }
        } else {
            params = new TreeMap<>(all);
        }
        if (secret != null) {
            params.keySet().removeAll(Set.copyOf(secret));
        }
        return digest(params);
    }

    /** Pacemaker's pcmk_stonith_param: its fencing parameters, {@code pcmk_<action>_action|timeout|retries}. */
    static boolean isFenceParameter(String name) {
        if (!name.startsWith("pcmk_")) {
            return false;
        }
        if (FENCE_PARAMS.contains(name)) {
            return true;
        }
        int underscore = name.indexOf('_', 5);
        if (underscore < 0) {
            return false;
        }
        String rest = name.substring(underscore);
        return rest.equals("_action") || rest.equals("_timeout") || rest.equals("_retries");
    }

    /** Pacemaker's digest of a parameter set: MD5 over {@code " <parameters a=\"1\"/>\n"}, names in byte order. */
    static String digest(Map<String, String> params) {
        java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream(64);
        xml.writeBytes(" <parameters".getBytes(StandardCharsets.US_ASCII));
        List<String> names = new ArrayList<>(params.keySet());
        names.sort(Digests::byteOrder);
        for (String name : names) {
            xml.write(' ');
            xml.writeBytes(name.getBytes(StandardCharsets.UTF_8)); // names are written as they are
            xml.writeBytes("=\"".getBytes(StandardCharsets.US_ASCII));
            escape(xml, params.get(name));
            xml.write('"');
        }
        xml.writeBytes("/>\n".getBytes(StandardCharsets.US_ASCII));
        return md5(xml.toByteArray());
    }

    /** strcmp on UTF-8. */
    private static int byteOrder(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Pacemaker's crm_xml_escape, byte for byte: the XML specials as entities, a tab as four spaces, newline and
     * carriage return as {@code \n} and {@code \r}, other control characters as a backslash and three octal
     * digits; at the first multi-byte UTF-8 character it stops escaping and copies the rest as it is.
     */
    private static void escape(java.io.ByteArrayOutputStream out, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if ((c & 0x80) != 0 && i + 1 < b.length && (b[i + 1] & 0x80) != 0) {
                out.write(b, i, b.length - i);
                return;
            }
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                case '&' -> "&amp;";
                case '\t' -> "    ";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> c < ' ' || c > '~' ? String.format(Locale.ROOT, "\\%03o", (int) b[i]) : null;
            };
            if (replacement == null) {
                out.write(c);
            } else {
                out.writeBytes(replacement.getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static String md5(byte[] text) {
        try {
            byte[] hash = MessageDigest.getInstance("MD5").digest(text);
            StringBuilder hex = new StringBuilder(32);
            for (byte b : hash) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString().toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
