package io.vigil.core.scheduler;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.FailCount;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OnFail;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Requires;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Failures and history (Pacemaker's unpack of {@code lrm_rsc_op}): what runs where, in which role, what failed
 * and what the failure policy ({@code on-fail}) asks for; fail counts against {@code migration-threshold}.
 */
final class History {
    private History() {
    }

    /** What the operation history of one resource on one node says. */
    record Outcome(Role role, boolean failed, OnFail onFail, boolean banHere, boolean banEverywhere,
                   boolean stopFailed, boolean ignored) {
    }

    /** Severity order of failure policies, lowest first (Pacemaker keeps the worst one seen). */
    private static int severity(OnFail f) {
        if (f == null) {
            return -1;
        }
        return switch (f) {
            case IGNORE -> 0;
            case DEMOTE -> 1;
            case RESTART -> 2;
            case BLOCK -> 3;
            case STOP -> 4;
            case STANDBY -> 5;
            case FENCE -> 6;
        };
    }

    /**
     * What one node's history list says that depends only on the configuration (never on the node's state, the
     * time or the rest of the status): which leaves' state it shows known, which entries need a replay and which
     * belong to resources that are not configured. {@link SchedulerSession} keeps these between runs and reuses
     * them while the configuration and the history list (by identity) stay the same; a plain run reads them
     * afresh.
     *
     * @param knownRows bit set over {@link PrimitiveRsc#knownRow}: the leaves whose state the entries show
     * @param replay    indices of entries to replay: configured, recorded with the configured agent, and not just
     *                  a probe that found the resource stopped (by far the most common entry, whose replay would
     *                  say "stopped, no failure", which nothing uses)
     * @param leaf      for each entry in {@code replay}: the index in {@link Cluster#leaves} of the leaf it is
     *                  recorded for (for a clone's copy, the clone's first copy of that primitive)
     * @param slot      for each entry in {@code replay}: null for a resource outside a clone, else the clone
     *                  instance slot the entry fills ({@code ""} for an anonymous clone with one copy per node)
     * @param orphans   indices of entries of resources that are not configured
     */
    record NodeEntries(long[] knownRows, int[] replay, int[] leaf, String[] slot, int[] orphans) {
    }

    /**
     * Reads every node's history into the working set: current roles, failures and their policies, bans, the
     * nodes where each resource's state is known; and, in the same pass, offers entries of resources that are not
     * configured to {@link Cluster#orphans}.
     *
     * @param previous what earlier runs read, by history list (identity), for this run's configuration; null when
     *                 nothing may be reused
     * @param read     receives what this run read (or reused), by history list; null when not wanted
     */
    static void apply(Cluster cluster, Map<List<ResourceHistory>, NodeEntries> previous,
                      Map<List<ResourceHistory>, NodeEntries> read) {
        // clone -> key(node's history rank, instance slot) -> leaf base id -> outcome, gathered first, spread over
        // instances after
        Map<CloneRsc, Map<String, Map<String, Outcome>>> cloneEntries = new java.util.IdentityHashMap<>();
        Resolved[][] seen = {new Resolved[0]};
        List<Digests.Entry> digested = new ArrayList<>();
        for (NodeStatus ns : cluster.status.nodes()) {
            SchedNode node = cluster.node(ns.name());
            // Offline nodes' history is not trusted (and without fencing nothing can be learned safely from a node
            // that is not up, unclean included: Pacemaker does not unpack its history, so what it ran counts as
            // stopped, unpack_node_history). What ran there still tells which resources are orphans.
            boolean counts = node != null && node.historyCounts() && (cluster.stonith || node.online());
            List<ResourceHistory> history = ns.history();
            NodeEntries entries = previous == null ? null : previous.get(history);
            if (entries == null) {
                entries = entries(cluster, history, seen);
            }
            if (read != null) {
                read.put(history, entries);
            }
            for (int k : entries.orphans()) {
                cluster.orphans.offer(history.get(k));
            }
            if (!counts) {
                continue; // not trusted
            }
            cluster.markKnown(entries.knownRows(), node);
            int[] replay = entries.replay();
            for (int i = 0; i < replay.length; i++) {
                List<OperationRecord> ops = history.get(replay[i]).operations();
                PrimitiveRsc leaf = cluster.leaves.get(entries.leaf()[i]);
                String slot = entries.slot()[i];
                if (Digests.carried(ops)) {
                    digested.add(new Digests.Entry(leaf, slot == null ? null : leaf.parentClone(), baseId(leaf), node,
                            ops));
                }
                if (slot != null) {
                    CloneRsc clone = leaf.parentClone();
                    Outcome out = replay(cluster, ops, leaf.primitive, leaf);
                    String key = nodeKey(cluster.historyRank[node.index]) + "|" + slot;
                    // Old CIBs keep one entry per instance number: an inactive one must not hide an active one.
                    cloneEntries.computeIfAbsent(clone, c -> new java.util.HashMap<>())
                            .computeIfAbsent(key, x -> new java.util.HashMap<>(4))
                            .merge(baseId(leaf), out, (a, b) -> a.role() != Role.STOPPED || a.onFail() != null ? a : b);
                } else {
                    attach(cluster, leaf, node, replay(cluster, ops, leaf.primitive, leaf));
                }
            }
        }
        for (Rsc top : cluster.resources) {
            Map<String, Map<String, Outcome>> entries = top instanceof CloneRsc c ? cloneEntries.get(c) : null;
            if (entries != null) {
                spread(cluster, (CloneRsc) top, new TreeMap<>(entries)); // in history order, then slot
            }
        }
        multipleActive(cluster);
        failCounts(cluster);
        if (!digested.isEmpty()) {
            Digests.check(cluster, digested);
        }
    }

    /** Classifies one node's history entries (see {@link NodeEntries}); {@code seen} is reused across nodes. */
    private static NodeEntries entries(Cluster cluster, List<ResourceHistory> history, Resolved[][] seen) {
        long[] known = new long[(cluster.leaves.size() + 63) >>> 6];
        int[] replay = new int[16];
        int[] leaf = new int[16];
        String[] slot = new String[16];
        int replays = 0;
        int[] orphans = new int[0];
        int orphanCount = 0;
        for (int k = 0; k < history.size(); k++) {
            ResourceHistory h = history.get(k);
            Resolved r = resolve(cluster, h, k, seen);
            if (!r.configured) {
                if (orphanCount == orphans.length) {
                    orphans = java.util.Arrays.copyOf(orphans, Math.max(4, 2 * orphanCount));
                }
                orphans[orphanCount++] = k;
                continue;
            }
            if (r.leaf == null) {
                continue; // recorded with another agent
            }
            known[r.knownRow >>> 6] |= 1L << r.knownRow;
            if (probedNotRunning(h.operations())) {
                continue;
            }
            if (replays == replay.length) {
                replay = java.util.Arrays.copyOf(replay, 2 * replays);
                leaf = java.util.Arrays.copyOf(leaf, 2 * replays);
                slot = java.util.Arrays.copyOf(slot, 2 * replays);
            }
            replay[replays] = k;
            leaf[replays] = r.leaf.leafIndex;
            CloneRsc clone = r.cloneRsc;
            slot[replays] = clone == null ? null : clone.unique || clone.cloneNodeMax > 1 ? r.suffix : "";
            replays++;
        }
        return new NodeEntries(known, java.util.Arrays.copyOf(replay, replays), java.util.Arrays.copyOf(leaf, replays),
                java.util.Arrays.copyOf(slot, replays), java.util.Arrays.copyOf(orphans, orphanCount));
    }

    /**
     * What entry {@code k} of a history refers to. Nodes usually list the same resources in the same order, so
     * the previous lookup at the same position is reused when it matches.
     */
    private static Resolved resolve(Cluster cluster, ResourceHistory h, int k, Resolved[][] seen) {
        if (seen[0].length <= k) {
            seen[0] = java.util.Arrays.copyOf(seen[0], Math.max(k + 1, 2 * seen[0].length));
        }
        Resolved r = seen[0][k];
        if (r == null || !r.matches(h)) {
            r = resolve(cluster, h);
            seen[0][k] = r;
        }
        return r;
    }

    /**
     * A primitive found active on more than one node is recovered by its {@code multiple-active} policy (unpack.c,
     * native_add_running): stop_start (default) and stop_unexpected stop every copy and start one (see
     * {@link Actions}), stop_only also bans it from every node so it stays stopped, block leaves it alone.
     * A primitive that does not need fencing (requires=quorum or nothing, fence devices) counts only clean nodes
     * (up and not being fenced): its copies on unclean nodes go with the fencing, and a clean node is its current
     * one (pcmk__primitive_create_actions, pe__find_active_on).
     */
    private static void multipleActive(Cluster cluster) {
        for (PrimitiveRsc leaf : cluster.leaves) {
            if (leaf.current.size() < 2) {
                continue;
            }
            if (!needsFencing(cluster, leaf)) {
                // clean nodes first, otherwise in the order found
                List<PrimitiveRsc.Active> clean = new ArrayList<>(leaf.current.size());
                List<PrimitiveRsc.Active> unclean = new ArrayList<>(1);
                for (PrimitiveRsc.Active a : leaf.current) {
                    (clean(a.node()) ? clean : unclean).add(a);
                }
                leaf.current.clear();
                leaf.current.addAll(clean);
                leaf.current.addAll(unclean);
                if (clean.size() < 2) {
                    continue;
                }
            }
            leaf.multiplyActive = true;
            switch (leaf.meta.multipleActiveOrDefault()) {
                case STOP_ONLY -> {
                    for (SchedNode n : cluster.nodes) {
                        leaf.ban(n.index, leaf.id + " is active on several nodes (multiple-active=stop_only)");
                    }
                }
                case BLOCK -> leaf.blocked = true;
                default -> {
                }
            }
        }
    }

    /** A node counted as running what it runs: up, and not being fenced in this transition. */
    private static boolean clean(SchedNode node) {
        return node.online() && !node.fenced;
    }

    /**
     * Whether a resource may only start once the nodes it may be active on are fenced: requires=fencing or
     * unfencing, by default with fencing enabled except for fence devices (which default to quorum).
     */
    private static boolean needsFencing(Cluster cluster, PrimitiveRsc leaf) {
        if (!cluster.stonith) {
            return false;
        }
        Requires r = leaf.meta.requires();
        if (r == null) {
            return !"stonith".equalsIgnoreCase(leaf.primitive.agent().standard());
        }
        return r == Requires.FENCING || r == Requires.UNFENCING;
    }

    /**
     * What a history entry's resource id and agent refer to. {@code configured}: whether {@code base} names a
     * configured resource at all (if not, the entry is an orphan's). {@code leaf}: the plain leaf, or a clone's
     * primitive (its first copy, the clone in {@code cloneRsc}); null when the entry is to be ignored (recorded
     * with another agent). {@code knownRow}: the leaf's {@link PrimitiveRsc#knownRow}, kept here so the common
     * entry needs no look at the leaf itself.
     */
    private record Resolved(String raw, AgentType agent, boolean configured, CloneRsc cloneRsc, String base,
                            String suffix, PrimitiveRsc leaf, int knownRow) {
        boolean matches(ResourceHistory h) {
            return (h.resource() == raw || h.resource().equals(raw))
                    && (h.agent() == agent || java.util.Objects.equals(h.agent(), agent));
        }
    }

    private static Resolved resolve(Cluster cluster, ResourceHistory h) {
        String raw = h.resource();
        Rsc target = cluster.byId.get(raw);
        String base = raw;
        String suffix = "";
        int colon = raw.lastIndexOf(':');
        if (colon > 0 && colon < raw.length() - 1 && digitsFrom(raw, colon + 1)) {
            base = raw.substring(0, colon);
            suffix = raw.substring(colon + 1);
        }
        Rsc owner = cluster.constraintTarget.get(base);
        if (owner instanceof CloneRsc clone) {
            List<PrimitiveRsc> copies = clone.leavesOf(base);
            PrimitiveRsc any = copies.isEmpty() ? null : copies.get(0);
            if (any == null || !sameAgent(h.agent(), any.primitive.agent())) {
                return new Resolved(raw, h.agent(), true, clone, base, suffix, null, -1);
            }
            return new Resolved(raw, h.agent(), true, clone, base, suffix, any, any.knownRow);
        }
        if (owner == null && !configured(cluster, base) && !(target instanceof PrimitiveRsc)) {
            // (An orphan added under its recorded id, e.g. rsc:0 of a removed clone, is found by that id.)
            return new Resolved(raw, h.agent(), false, null, base, suffix, null, -1);
        }
        PrimitiveRsc leaf = target instanceof PrimitiveRsc p && sameAgent(h.agent(), p.primitive.agent()) ? p : null;
        return new Resolved(raw, h.agent(), true, null, base, suffix, leaf, leaf == null ? -1 : leaf.knownRow);
    }

    /**
     * Whether a configured resource has this id: a resource inside a clone is in {@link Cluster#constraintTarget},
     * any other one in {@link Cluster#byId} (which also holds instance ids, {@code rsc:N}, that are not
     * configured ids).
     */
    private static boolean configured(Cluster cluster, String id) {
        if (cluster.constraintTarget.containsKey(id)) {
            return true;
        }
        Rsc r = cluster.byId.get(id);
        return r != null && r.parentClone() == null;
    }

    /**
     * Whether a history is just one completed probe that found the resource not running (rc 7): by far the
     * most common entry, whose replay is always "stopped, no failure, no ban" (a probe's rc 7 is never a
     * failure, so neither failure-timeout nor on-fail is consulted).
     */
    private static boolean probedNotRunning(List<OperationRecord> ops) {
        if (ops.size() != 1) {
            return false;
        }
        OperationRecord op = ops.get(0);
        return op.rc() == 7 && op.status() == ExecStatus.DONE && op.isProbe();
    }

    private static boolean digitsFrom(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A node's {@link Cluster#historyRank} as six digits, so keys sort in history order. */
    private static String nodeKey(int index) {
        String digits = Integer.toString(index);
        return "000000".substring(digits.length()) + digits;
    }

    static String baseId(PrimitiveRsc leaf) {
        return leaf.primitive.id();
    }

    private static PrimitiveRsc findLeaf(CloneRsc clone, String base) {
        List<PrimitiveRsc> copies = clone.leavesOf(base);
        return copies.isEmpty() ? null : copies.get(0);
    }

    private static boolean sameAgent(AgentType recorded, AgentType configured) {
        if (recorded == null) {
            return true;
        }
        return recorded.type().equals(configured.type())
                && recorded.standard().equalsIgnoreCase(configured.standard())
                && java.util.Objects.equals(recorded.provider(), configured.provider());
    }

    /**
     * Spreads a clone's active copies over its instances: one instance per node (per slot). Nodes are taken in
     * {@link Cluster#historyOrder} and each copy takes the lowest free instance number, as Pacemaker's
     * find_anonymous_clone does while it reads the status section; so with the status listing nodes b, a the copy on
     * b is instance 0 and wins ties that go to the lower instance number (equal promotion scores). Copies found
     * after every instance is taken (more than {@code clone-max}) are orphan instances, numbered on from
     * {@code clone-max} and stopped ({@link Orphans#offerExcess}): the copies on the nodes read last. An instance of
     * a unique clone recorded under a number beyond {@code clone-max} is an orphan under that number.
     */
    private static void spread(Cluster cluster, CloneRsc clone, TreeMap<String, Map<String, Outcome>> entries) {
        boolean[] used = new boolean[clone.instances.size()];
        int excess = 0;
        for (var e : entries.entrySet()) {
            boolean anyActive = e.getValue().values().stream().anyMatch(o -> o.role() != Role.STOPPED
                    || o.onFail() != null);
            if (!anyActive) {
                continue;
            }
            int rank = Integer.parseInt(e.getKey().substring(0, 6));
            String slot = e.getKey().substring(7);
            SchedNode node = cluster.historyOrder[rank];
            if (clone.unique && !slot.isEmpty() && Integer.parseInt(slot) >= used.length
                    && !clone.instances.isEmpty()) {
                // A unique instance number beyond clone-max names no instance: an orphan under that number.
                excess(cluster, clone.instances.get(0), Integer.parseInt(slot), node, e.getValue());
                continue;
            }
            int pick = -1;
            if (!slot.isEmpty()) {
                int n = Integer.parseInt(slot);
                if (n < used.length && !used[n]) {
                    pick = n;
                }
            }
            for (int i = 0; pick < 0 && i < used.length; i++) {
                if (!used[i]) {
                    pick = i;
                }
            }
            if (pick < 0) {
                if (!clone.unique && !clone.instances.isEmpty()) {
                    excess(cluster, clone.instances.get(0), used.length + excess++, node, e.getValue());
                }
                continue;
            }
            used[pick] = true;
            Rsc inst = clone.instances.get(pick);
            for (PrimitiveRsc leaf : inst.leaves()) {
                Outcome o = e.getValue().get(baseId(leaf));
                if (o != null) {
                    attach(cluster, leaf, node, o);
                }
            }
        }
    }

    /**
     * An active copy of a clone beyond {@code clone-max}: each active leaf is the orphan
     * {@code <primitive id>:<number>}, attached to it when the orphan pass has added it, else offered as an orphan.
     */
    private static void excess(Cluster cluster, Rsc template, int number, SchedNode node,
                               Map<String, Outcome> outcomes) {
        for (PrimitiveRsc leaf : template.leaves()) {
            Outcome o = outcomes.get(baseId(leaf));
            if (o == null || o.role() == Role.STOPPED && o.onFail() == null) {
                continue;
            }
            String id = baseId(leaf) + ":" + number;
            if (o.role() == Role.STARTED && leaf.promotable()) { // still an instance of a promotable clone
                o = new Outcome(Role.UNPROMOTED, o.failed(), o.onFail(), o.banHere(), o.banEverywhere(),
                        o.stopFailed(), o.ignored());
            }
            if (cluster.byId.get(id) instanceof PrimitiveRsc orphan && orphan.parentClone() == null) {
                attach(cluster, orphan, node, o);
            } else {
                cluster.orphans.offerExcess(id, leaf.primitive.agent());
            }
        }
    }

    private static void attach(Cluster cluster, PrimitiveRsc leaf, SchedNode node, Outcome o) {
        if (o.ignored()) {
            leaf.failureIgnored = true;
        }
        if (node.unclean()) {
            // Failures on an unclean node need no handling of their own: fencing (or its absence) decides.
            o = new Outcome(o.role(), false, null, o.banHere(), o.banEverywhere(), false, o.ignored());
        }
        if (o.banEverywhere()) {
            for (SchedNode n : cluster.nodes) {
                leaf.top().ban(n.index, "fatal failure of " + leaf.id);
            }
        } else if (o.banHere()) {
            banTarget(leaf).ban(node.index, "hard failure of " + leaf.id);
        }
        OnFail f = o.onFail();
        if (f == OnFail.STOP) {
            leaf.stopAfterFailure = true;
        }
        if (o.role() == Role.STOPPED) {
            return;
        }
        Role role = o.role();
        if (role == Role.STARTED && leaf.promotable()) {
            role = Role.UNPROMOTED;
        }
        boolean failed = o.failed();
        if (f == OnFail.IGNORE) {
            leaf.failureIgnored = true;
            failed = false;
        } else if (f == OnFail.BLOCK) {
            leaf.blocked = true;
        } else if (f == OnFail.FENCE) {
            if (cluster.stonith) {
                Fencing.request(cluster, node, leaf.id + " failed there");
            } else {
                leaf.stopAfterFailure = true;
            }
        } else if (f == OnFail.STANDBY) {
            node.standby = true;
        } else if (f == OnFail.DEMOTE && role == Role.PROMOTED) {
            leaf.demoteAfterFailure = true;
            failed = false;
        }
        leaf.current.add(new PrimitiveRsc.Active(node, role, failed));
    }

    /** Which resource a node ban for a failure of {@code leaf} applies to. */
    static Rsc banTarget(PrimitiveRsc leaf) {
        CloneRsc clone = leaf.parentClone();
        if (clone != null && !clone.unique) {
            return clone;
        }
        return leaf;
    }

    /** Replays one resource's operations on one node, in call order. */
    static Outcome replay(Cluster cluster, List<OperationRecord> ops, Primitive p, PrimitiveRsc leaf) {
        Role role = Role.STOPPED;
        boolean failed = false;
        OnFail onFail = null;
        boolean banHere = false;
        boolean banAll = false;
        boolean stopFailed = false;
        boolean ignored = false;
        String lastFailureKey = null;
        for (OperationRecord op : inCallOrder(ops)) {
            if (op.status() == ExecStatus.CANCELLED) {
                continue;
            }
            String task = op.operation();
            if (op.status() == ExecStatus.PENDING) {
                switch (task) {
                    case "start", "migrate_from" -> role = Role.STARTED;
                    case "promote" -> role = Role.PROMOTED;
                    default -> {
                    }
                }
                continue;
            }
            int rc = op.rc() == 190 ? 0 : op.rc() == 191 ? 8 : op.rc();
            int expected = op.expectedRc() == 190 ? 0 : op.expectedRc() == 191 ? 8 : op.expectedRc();
            boolean probe = op.isProbe();
            if (probe && maskedProbeFailure(op, rc)) {
                // The agent is not installed here or its parameters are invalid for this node: Pacemaker masks the
                // failure (pcmk_xe_mask_probe_failure) - not running here, not a failure, but it may not run here.
                banHere = true;
                banAll |= op.status() == ExecStatus.ERROR_FATAL;
                continue;
            }
            // An agent missing for a real operation is a hard error that on-fail=ignore cannot hide and that
            // never expires (unpack_rsc_op: PCMK_EXEC_NOT_INSTALLED).
            boolean notInstalled = op.status() == ExecStatus.NOT_INSTALLED;
            boolean failure;
            // op-status "error" still carries a meaningful rc: Pacemaker judges it by the rc like a completed op.
            if (op.status() != ExecStatus.DONE && op.status() != ExecStatus.ERROR) {
                failure = true;
            } else if (probe) {
                failure = rc != 0 && rc != 7 && rc != 8;
            } else if (task.equals("stop") && rc == 7) {
                failure = false;
            } else {
                failure = rc != expected;
            }
            if (failure && !notInstalled && expired(cluster, leaf, op, onFailFor(cluster, p, task, op.interval()))) {
                continue; // failure-timeout passed: Pacemaker forgets this failure
            }
            if (failure && !notInstalled && onFailFor(cluster, p, task, op.interval()) == OnFail.IGNORE) {
                // Pacemaker pretends an ignored failure succeeded.
                ignored = true;
                failure = false;
                rc = expected;
            }
            if (!failure) {
                boolean clear = false;
                switch (task) {
                    case "start", "migrate_from" -> {
                        role = Role.STARTED;
                        clear = true;
                    }
                    case "stop", "migrate_to" -> {
                        role = Role.STOPPED;
                        clear = true;
                    }
                    case "promote" -> {
                        role = Role.PROMOTED;
                        clear = true;
                    }
                    case "demote" -> {
                        role = Role.UNPROMOTED;
                        clear = true;
                    }
                    case "monitor" -> {
                        // a monitor that succeeds again after failing clears that failure
                        clear = op.key().equals(lastFailureKey);
                        if (rc == 7) {
                            role = Role.STOPPED;
                            clear = true;
                        } else if (rc == 8) {
                            role = Role.PROMOTED;
                        } else if (role == Role.STOPPED) {
                            role = Role.STARTED;
                        }
                    }
                    default -> {
                    }
                }
                if (clear && onFail != null && severity(onFail) <= severity(OnFail.BLOCK)) {
                    onFail = null;
                    failed = false;
                }
                if (clear && rc == 7 && onFail != null) {
                    onFail = null;
                    failed = false;
                }
                continue;
            }
            // A failure.
            boolean recurring = !op.interval().isZero();
            if (rc == 2 || rc == 4 || rc == 5 || rc == 3 && !recurring
                    || op.status() == ExecStatus.ERROR_HARD || op.status() == ExecStatus.NOT_INSTALLED) {
                banHere = true;
            }
            if (rc == 6 || op.status() == ExecStatus.ERROR_FATAL) {
                banAll = true;
            }
            switch (task) {
                case "start" -> role = Role.STARTED;
                case "promote" -> role = Role.PROMOTED;
                // A failed demote counts as no longer promoted, unless the failure freezes it (on-fail=block).
                case "demote" -> role = onFailFor(cluster, p, task, op.interval()) == OnFail.BLOCK ? Role.PROMOTED
                        : Role.UNPROMOTED;
                case "stop" -> {
                    stopFailed = true;
                    if (role == Role.STOPPED) {
                        role = Role.STARTED;
                    }
                }
                case "monitor" -> {
                    if (rc == 8 || rc == 9) {
                        role = Role.PROMOTED;
                    } else if (role == Role.STOPPED) {
                        role = Role.STARTED;
                    }
                }
                default -> {
                    if (role == Role.STOPPED) {
                        role = Role.STARTED;
                    }
                }
            }
            lastFailureKey = op.key();
            OnFail f = onFailFor(cluster, p, task, op.interval());
            if (notInstalled && f == OnFail.IGNORE) {
                f = OnFail.RESTART; // recovered elsewhere (the node is banned above)
            }
            if (severity(f) > severity(onFail)) {
                onFail = f;
            }
            failed = true;
        }
        return new Outcome(role, failed, onFail, banHere, banAll, stopFailed, ignored);
    }

    /**
     * Whether a failed probe only says the resource cannot run on the node (Pacemaker's
     * pcmk_xe_mask_probe_failure): result "not installed" (5) or "invalid parameter" (2), or op-status
     * "not installed".
     */
    private static boolean maskedProbeFailure(OperationRecord op, int rc) {
        return rc == 5 || rc == 2 || op.status() == ExecStatus.NOT_INSTALLED;
    }

    /**
     * Same call id (a "last failure" entry and the op's own entry): the later result change wins; on a tie the
     * failure is taken to have come first.
     */
    private static final java.util.Comparator<OperationRecord> CALL_ORDER =
            java.util.Comparator.comparingLong(OperationRecord::callId)
                    .thenComparing(o -> o.lastRcChange() == null ? Instant.MIN : o.lastRcChange())
                    .thenComparing(o -> o.isFailure() ? 0 : 1);

    /** The operations in {@link #CALL_ORDER}: the list itself when its call ids already strictly increase. */
    static List<OperationRecord> inCallOrder(List<OperationRecord> ops) {
        for (int i = 1; i < ops.size(); i++) {
            if (ops.get(i).callId() <= ops.get(i - 1).callId()) {
                List<OperationRecord> ordered = new java.util.ArrayList<>(ops);
                ordered.sort(CALL_ORDER);
                return ordered;
            }
        }
        return ops;
    }

    /** Whether a failed operation is older than the resource's failure-timeout (never for on-fail=block). */
    private static boolean expired(Cluster cluster, PrimitiveRsc leaf, OperationRecord op, OnFail onFail) {
        Duration timeout = leaf.meta.failureTimeoutOrDefault();
        if (timeout.isZero() || onFail == OnFail.BLOCK || cluster.now == null) {
            return false;
        }
        Instant when = op.lastRcChange() != null ? op.lastRcChange() : op.lastRun();
        return when != null && !when.plus(timeout).isAfter(cluster.now);
    }

    /** The failure policy of an operation: configured, else op_defaults, else Pacemaker's default. */
    static OnFail onFailFor(Cluster cluster, Primitive p, String task, Duration interval) {
        OnFail f = null;
        for (Operation o : p.operations()) {
            if (o.name().equals(task) && o.interval().equals(interval) && o.onFail() != null) {
                f = o.onFail();
            }
        }
        if (f == null && task.equals("monitor") && interval.isZero()) {
            for (Operation o : p.operations()) {
                if (o.name().equals("monitor") && o.onFail() != null) {
                    f = o.onFail();
                    break;
                }
            }
            f = null;
        }
        if (f == null) {
            f = cluster.config.operationDefaults().onFail();
        }
        if (f == null) {
            f = task.equals("stop") ? cluster.stonith ? OnFail.FENCE : OnFail.BLOCK : OnFail.RESTART;
        }
        if (f == OnFail.FENCE && !cluster.stonith) {
            f = task.equals("stop") ? OnFail.BLOCK : OnFail.STOP;
        }
        return f;
    }

    /** Sums fail counts per resource and node; bans a resource from nodes where it reached its threshold. */
    private static void failCounts(Cluster cluster) {
        for (NodeStatus ns : cluster.status.nodes()) {
            SchedNode node = cluster.node(ns.name());
            if (node == null) {
                continue;
            }
            Map<String, int[]> sums = new TreeMap<>();
            Map<String, PrimitiveRsc> representative = new TreeMap<>();
            for (FailCount fc : ns.failCounts()) {
                String raw = fc.resource();
                Rsc r = cluster.byId.get(raw);
                PrimitiveRsc leaf = r instanceof PrimitiveRsc p ? p : null;
                if (leaf == null) {
                    int colon = raw.lastIndexOf(':');
                    String base = colon > 0 ? raw.substring(0, colon) : raw;
                    Rsc owner = cluster.constraintTarget.get(base);
                    if (owner instanceof CloneRsc clone) {
                        leaf = findLeaf(clone, base);
                    }
                }
                if (leaf == null || fc.count() <= 0) {
                    continue;
                }
                Duration timeout = leaf.meta.failureTimeoutOrDefault();
                Instant last = fc.lastFailure();
                boolean blocking = leaf.blocked
                        || onFailFor(cluster, leaf.primitive, fc.operation(), fc.interval()) == OnFail.BLOCK;
                if (!timeout.isZero() && last != null && cluster.now != null && !blocking
                        && !last.plus(timeout).isAfter(cluster.now)) {
                    continue; // expired
                }
                Rsc target = banTarget(leaf);
                // an anonymous clone's instances share one count per node (rsc, rsc:0, rsc:1 ... add up)
                String who = target instanceof CloneRsc ? leaf.primitive.id() : leaf.id;
                representative.putIfAbsent(who, leaf);
                int[] sum = sums.computeIfAbsent(target.id + "\u0000" + who, k -> new int[1]);
                sum[0] = Score.add(sum[0], fc.count());
            }
            for (var e : sums.entrySet()) {
                String leafId = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
                PrimitiveRsc leaf = representative.get(leafId);
                if (leaf.failureIgnored) {
                    continue;
                }
                int threshold = leaf.meta.migrationThresholdOrDefault();
                if (threshold > 0 && e.getValue()[0] >= threshold) {
                    banTarget(leaf).ban(node.index, "migration-threshold reached (" + Score.toString(e.getValue()[0])
                            + " failures of " + leaf.id + ")");
                }
            }
        }
    }
}
