package io.vigil.core.cluster;

import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ConfigurationException;
import io.vigil.core.model.ConfigurationValidator;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.Problem;
import io.vigil.core.scheduler.Scheduler;
import io.vigil.core.scheduler.SchedulerResult;
import io.vigil.core.scheduler.SchedulerSession;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster protocol of one node, as step functions: {@link #onView}, {@link #onMessage}, timer ticks and
 * local requests go in; messages, storage writes and events come out through {@link Transport}, {@link Storage}
 * and {@link ClusterListener}. No threads, no clock of its own: every call must come from one thread (the
 * JGroups adapter's executor, or the simulation's loop).
 *
 * <p>The protocol, in short (docs/cluster.md has the long form):
 * <ul>
 *   <li>The coordinator of a quorate view (of any view when no-quorum-policy=ignore) opens a join round with a
 *   new term, higher than any term it has seen. Members promise the term (persisted) and answer with their CIB
 *   and their local state. Once every member answered (or after the join timeout, if members carrying quorum
 *   votes answered with intact CIBs) the DC adopts the newest CIB by (version, writer's term), bumps the epoch,
 *   rebuilds the status section, and replicates it. It then acts as DC.</li>
 *   <li>The DC is the only writer. Changes are validated as a whole, written one at a time, persisted and
 *   replicated; a change is committed when members holding a quorum of votes have acknowledged it.</li>
 *   <li>Members ignore messages from older views and older terms.</li>
 *   <li>After each commit that leaves no write queued (the join round's write included), the DC runs the
 *   scheduler on the committed CIB and publishes the {@link PlannedTransition}. The scheduler is a pure function,
 *   so it runs inside the step; for very large configurations it delays this node's protocol steps by its run
 *   time (JGroups failure detection runs on its own threads and is not affected).</li>
 * </ul>
 */
final class Engine {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    /**
     * Protocol timings, in milliseconds.
     *
     * @param retryMs          period of the retry tick (resend join requests, CIB pushes and submissions)
     * @param joinTimeoutMs    how long a DC waits for silent members before finishing its join round without them
     * @param requestTimeoutMs how long a submitted change may wait for a DC before it fails
     * @param maxConflicts     how often a conditional change is recomputed after concurrent changes
     */
    record Settings(long retryMs, long joinTimeoutMs, long requestTimeoutMs, int maxConflicts) {
        static final Settings DEFAULTS = new Settings(300, 2_000, 30_000, 20);
    }

    private enum Role { FOLLOWER, JOINING, ACTIVE }

    /**
     * A change waiting at the DC. {@code direct} is set for the DC's own join-round write; {@code joined} for a
     * member whose join reply came after the round finished (its state replaces "pending").
     */
    private record Write(String origin, String requestId, CibVersion base, Configuration configuration, Cib direct,
                         NodeStatus joined) {
    }

    /** A change submitted on this node, until its outcome is known. */
    private static final class Request {
        final String id;
        final UnaryOperator<Configuration> change;
        final boolean conditional;
        final CompletableFuture<CibVersion> future = new CompletableFuture<>();
        CibVersion base;
        Configuration configuration;
        long sentTerm = -1;
        long sentAt;
        int conflicts;
        Timers.Cancellable timeout;

        Request(String id, UnaryOperator<Configuration> change, boolean conditional) {
            this.id = id;
            this.change = change;
            this.conditional = conditional;
        }
    }

    private record Pending(String from, Msg msg) {
    }

    /**
     * How the DC computes a transition: its {@link SchedulerSession} (the results of {@link Scheduler#schedule},
     * reusing what it read of unchanged node histories) unless a test replaces it.
     */
    @FunctionalInterface
    interface Planner {
        SchedulerResult plan(Configuration configuration, ClusterStatus status, Instant now);
    }

    private final String self;
    private final Quorum quorum;
    private final Transport transport;
    private final Timers timers;
    private final Storage storage;
    private final ClusterListener listener;
    private final Settings settings;
    private Supplier<NodeStatus> localState;
    /** The DC's scheduler session; it remembers only while this node is the DC (cleared when it steps down). */
    private final SchedulerSession session = new SchedulerSession();
    private Planner planner = session::schedule;

    // durable
    private long term;
    private String votedFor;
    private long cibTerm;
    private Cib cib = new Cib(CibVersion.ZERO, Configuration.EMPTY, ClusterStatus.EMPTY);
    private Map<Long, String> lineage = Map.of();
    private boolean intact = true;

    // membership
    private ViewInfo view = ViewInfo.NONE;
    private boolean quorate;
    private final List<Pending> future = new ArrayList<>();
    private final Set<String> leftCleanly = new TreeSet<>();

    // the DC this node follows
    private String dc;
    private long dcTerm = -1;

    // DC role
    private Role role = Role.FOLLOWER;
    private final Map<String, Msg.JoinReply> replies = new TreeMap<>();
    private long joinStarted;
    private boolean warnedWaiting;
    private final Deque<Write> queue = new ArrayDeque<>();
    private Write inflight;
    private final Set<String> acks = new TreeSet<>();
    /** The newest version each member acknowledged in this term; the DC keeps pushing to those behind. */
    private final Map<String, CibVersion> memberVersion = new TreeMap<>();
    /** The transition planned for the newest committed CIB; null until then, after a failure, and off the DC role. */
    private PlannedTransition planned;
    /** The CIB version the scheduler last ran on in this term (also after a failure), so it runs once per version. */
    private CibVersion plannedVersion;
    private final Map<String, Msg.Result> recentResults = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Msg.Result> eldest) {
            return size() > 1_000;
        }
    };

    // changes submitted here
    /** In submission order; only the first one is in flight, so a node never races its own changes. */
    private final Map<String, Request> requests = new LinkedHashMap<>();
    private long nextRequest;
    private String requestPrefix;

    private boolean started;
    private boolean stopped;
    private Timers.Cancellable tick;

    Engine(String self, Quorum quorum, Transport transport, Timers timers, Storage storage, ClusterListener listener,
           Settings settings) {
        this.self = self;
        this.quorum = quorum;
        this.transport = transport;
        this.timers = timers;
        this.storage = storage;
        this.listener = listener;
        this.settings = settings;
    }

    /** Replaces how this node reports its own state in join rounds (default: its entry in its CIB copy). */
    void localState(Supplier<NodeStatus> supplier) {
        this.localState = supplier;
    }

    /** Replaces how the DC computes transitions (default: the DC's {@link SchedulerSession}). */
    void planner(Planner p) {
        this.planner = p;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Loads the durable state. A corrupt file is reported, never used: the node waits for a peer's copy. */
    void start() {
        Storage.Loaded loaded = storage.load();
        if (loaded.isCorrupt()) {
            intact = false;
            log.error("{}: the stored CIB is corrupt ({}); it will not be used and will be replaced by a peer's copy",
                    self, loaded.corruption());
        } else if (loaded.state() != null) {
            DurableState s = loaded.state();
            term = s.term();
            votedFor = s.votedFor();
            cibTerm = s.cibTerm();
            cib = s.cib();
            lineage = s.lineage();
        }
        requestPrefix = self + "@" + term + "." + timers.now() + ".";
        started = true;
        scheduleTick();
    }

    /** Announces a clean shutdown and stops reacting. Pending changes fail. */
    void leave() {
        if (stopped) {
            return;
        }
        transport.broadcast(new Msg.Leaving(view.id(), self));
        stop(new ClusterException(self + " is shutting down; the change may or may not have been applied"));
    }

    /** Stops without a word (a crash in the simulation). */
    void stop(RuntimeException reason) {
        stopped = true;
        if (tick != null) {
            tick.cancel();
        }
        for (Request r : new ArrayList<>(requests.values())) {
            fail(r, reason);
        }
    }

    private void scheduleTick() {
        tick = timers.schedule(settings.retryMs(), () -> {
            if (!stopped) {
                onTick();
                scheduleTick();
            }
        });
    }

    // ------------------------------------------------------------------ views

    /** A new membership view was installed. */
    void onView(ViewInfo v) {
        if (stopped || !started || v.id() <= view.id()) {
            return;
        }
        boolean wasQuorate = quorate;
        String oldDc = dc;
        view = v;
        quorum.observe(v.members());
        quorate = quorum.isQuorate(v.members());
        leftCleanly.removeAll(v.members());
        if (role != Role.FOLLOWER) {
            stepDown("view " + v.id() + " installed");
        }
        dc = null;
        emit(ClusterEvent.Type.VIEW_CHANGED, "view " + v.id() + " " + v.members());
        if (quorate && !wasQuorate) {
            emit(ClusterEvent.Type.QUORUM_GAINED, quorumText());
        } else if (!quorate && (wasQuorate || oldDc != null)) {
            emit(ClusterEvent.Type.QUORUM_LOST, quorumText());
        }
        if (!quorate && !ignoreQuorum()) {
            for (Request r : new ArrayList<>(requests.values())) {
                fail(r, new NoQuorumException("quorum lost before the change was acknowledged (" + quorumText()
                        + "); it may or may not have been applied"));
            }
        }
        if (self.equals(v.coordinator()) && (quorate || ignoreQuorum())) {
            startJoin();
        }
        List<Pending> replay = new ArrayList<>(future);
        future.clear();
        for (Pending p : replay) {
            onMessage(p.from(), p.msg());
        }
    }

    private boolean ignoreQuorum() {
        return cib.configuration().properties().noQuorumPolicy() == NoQuorumPolicy.IGNORE;
    }

    private String quorumText() {
        return "partition " + view.members() + " has " + quorum.votes(view.members()) + " of "
                + quorum.expectedVotes() + " expected votes, quorum needs " + quorum.threshold()
                + (quorum.waitingForAll() ? " and wait_for_all is still waiting for every node" : "");
    }

    private void stepDown(String why) {
        log.debug("{}: leaves the DC role of term {}: {}", self, term, why);
        role = Role.FOLLOWER;
        replies.clear();
        queue.clear();
        inflight = null;
        acks.clear();
        memberVersion.clear();
        planned = null;
        plannedVersion = null;
        session.clear();
    }

    // ------------------------------------------------------------------ messages

    /** A message arrived from {@code from}. */
    void onMessage(String from, Msg m) {
        if (stopped || !started) {
            return;
        }
        if (m instanceof Msg.Leaving l) {
            leftCleanly.add(l.node());
            return;
        }
        if (m.viewId() > view.id()) {
            if (future.size() < 10_000) {
                future.add(new Pending(from, m));
            }
            return;
        }
        if (m.viewId() < view.id() || !view.members().contains(from)) {
            log.debug("{}: ignores {} from {} of older view {}", self, m.getClass().getSimpleName(), from, m.viewId());
            return;
        }
        if (m instanceof Msg.JoinRequest jr) {
            onJoinRequest(from, jr);
        } else if (m instanceof Msg.JoinReply r) {
            onJoinReply(from, r);
        } else if (m instanceof Msg.Replicate r) {
            onReplicate(from, r);
        } else if (m instanceof Msg.Ack a) {
            onAck(from, a);
        } else if (m instanceof Msg.Submit s) {
            onSubmit(from, s);
        } else if (m instanceof Msg.Result r) {
            onResult(r);
        }
    }

    private void onTick() {
        if (role == Role.JOINING) {
            for (String m : view.members()) {
                if (!replies.containsKey(m)) {
                    transport.send(m, new Msg.JoinRequest(view.id(), term));
                }
            }
            checkJoin();
        } else if (role == Role.ACTIVE) {
            for (String m : view.members()) {
                if (!m.equals(self) && !cib.version().equals(memberVersion.get(m))) {
                    transport.send(m, new Msg.Replicate(view.id(), term, cib, lineage));
                }
                if (!replies.containsKey(m)) {
                    transport.send(m, new Msg.JoinRequest(view.id(), term)); // late member: still want its state
                }
            }
        }
        long now = timers.now();
        for (Request r : new ArrayList<>(requests.values())) {
            if (r.configuration != null && r.sentTerm >= 0 && now - r.sentAt >= 3 * settings.retryMs()) {
                r.sentTerm = -1;
                trySend(r);
            }
        }
    }

    // ------------------------------------------------------------------ join round (DC side)

    private void startJoin() {
        term = term + 1;
        votedFor = self;
        persist();
        role = Role.JOINING;
        warnedWaiting = false;
        replies.clear();
        replies.put(self, new Msg.JoinReply(view.id(), term, true, intact ? cib : null, cibTerm, localStatus(),
                lineage));
        joinStarted = timers.now();
        log.debug("{}: opens join round, term {}, view {}", self, term, view);
        transport.broadcast(new Msg.JoinRequest(view.id(), term));
        checkJoin();
    }

    private void onJoinReply(String from, Msg.JoinReply r) {
        if (role == Role.ACTIVE && r.term() > term) {
            // A member promised a higher term (a join round it saw elsewhere, e.g. while this DC finished its own
            // round by timeout without it). It drops this DC's pushes from now on, so only a new round above its
            // term brings it back.
            log.info("{}: {} answered with term {} above this DC's term {}; opening a new join round", self, from,
                    r.term(), term);
            term = r.term();
            stepDown("member " + from + " is at a higher term");
            startJoin();
            return;
        }
        if (role == Role.ACTIVE && r.ok() && r.term() == term && !replies.containsKey(from)) {
            replies.put(from, r);
            if (r.local() != null) {
                queue.add(new Write(self, null, null, null, null, r.local()));
                pump();
            }
            return;
        }
        if (role != Role.JOINING) {
            return;
        }
        if (!r.ok()) {
            if (r.term() >= term) {
                term = r.term();
                persist();
                startJoin();
            }
            return;
        }
        if (r.term() == term) {
            replies.put(from, r);
            checkJoin();
        }
    }

    private void checkJoin() {
        boolean all = replies.keySet().containsAll(view.members());
        boolean timedOut = timers.now() - joinStarted >= settings.joinTimeoutMs();
        if (!all && !timedOut) {
            return;
        }
        int intactCopies = 0;
        int intactVotes = 0;
        for (Map.Entry<String, Msg.JoinReply> e : replies.entrySet()) {
            if (e.getValue().cib() != null) {
                intactCopies++;
                intactVotes += quorum.votesOf(e.getKey());
            }
        }
        int needed = ignoreQuorum() ? 1 : quorum.threshold();
        if (intactCopies == 0 || intactVotes < needed) {
            if (!warnedWaiting) {
                warnedWaiting = true;
                log.warn("{}: cannot finish the join round of term {}: members with intact CIBs carry {} votes, "
                        + "{} needed; waiting", self, term, intactVotes, needed);
            }
            return;
        }
        finishJoin();
    }

    private static final Comparator<Map.Entry<String, Msg.JoinReply>> NEWEST =
            Comparator.<Map.Entry<String, Msg.JoinReply>, CibVersion>comparing(e -> e.getValue().cib().version())
                    .thenComparingLong(e -> e.getValue().cibTerm())
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());

    private void finishJoin() {
        Map.Entry<String, Msg.JoinReply> best = replies.entrySet().stream().filter(e -> e.getValue().cib() != null)
                .max(NEWEST).orElseThrow();
        Cib winner = best.getValue().cib();
        Map<Long, String> winnerLineage = best.getValue().lineage();
        Set<String> reported = new TreeSet<>();
        for (Map.Entry<String, Msg.JoinReply> e : replies.entrySet()) {
            Cib other = e.getValue().cib();
            if (other == null || other.configuration().equals(winner.configuration())) {
                continue;
            }
            if (Lineage.diverged(winnerLineage, e.getValue().lineage(), other.version().epoch())) {
                String detail = "diverged CIBs: " + best.getKey() + " had " + winner.version() + " (term "
                        + best.getValue().cibTerm() + "), " + e.getKey() + " had " + other.version() + " (term "
                        + e.getValue().cibTerm() + ") with a different configuration; " + best.getKey()
                        + "'s wins and the other configuration is dropped";
                if (reported.add(other.version() + "/" + e.getValue().cibTerm())) {
                    log.warn("{}: {}", self, detail);
                    emit(ClusterEvent.Type.CIB_CONFLICT_RESOLVED, detail);
                }
            } else {
                log.info("{}: {} had older configuration {}; replaced by {}", self, e.getKey(), other.version(),
                        winner.version());
            }
        }
        CibVersion v = winner.version();
        Cib adopted = new Cib(new CibVersion(v.adminEpoch(), v.epoch() + 1, 0), winner.configuration(),
                buildStatus(winner.status()));
        lineage = winnerLineage;
        role = Role.ACTIVE;
        boolean newDc = !self.equals(dc) || dcTerm != term;
        dc = self;
        dcTerm = term;
        log.debug("{}: DC of term {} adopts {} from {}", self, term, v, best.getKey());
        write(new Write(self, null, null, null, adopted, null), adopted);
        if (newDc) {
            emit(ClusterEvent.Type.DC_ELECTED, self + " is DC (term " + term + ", view " + view.id() + ")");
        }
        checkCommit(); // after DC_ELECTED: when this node's votes alone suffice, the commit plans a transition
        resendRequests();
    }

    private ClusterStatus buildStatus(ClusterStatus prev) {
        Set<String> names = new TreeSet<>(quorum.configuredNodes());
        names.addAll(view.members());
        for (NodeStatus n : prev.nodes()) {
            names.add(n.name());
        }
        List<NodeStatus> nodes = new ArrayList<>();
        for (String n : names) {
            Optional<NodeStatus> p = prev.node(n);
            if (view.members().contains(n)) {
                Msg.JoinReply r = replies.get(n);
                if (r != null && r.local() != null) {
                    nodes.add(withMembership(r.local(), n, Membership.ONLINE));
                } else {
                    nodes.add(withMembership(p.orElse(NodeStatus.online(n)), n, Membership.PENDING));
                }
            } else if (leftCleanly.contains(n)) {
                nodes.add(withMembership(p.orElse(NodeStatus.online(n)), n, Membership.OFFLINE));
            } else if (p.isPresent() && (p.get().membership() == Membership.ONLINE
                    || p.get().membership() == Membership.PENDING)) {
                nodes.add(withMembership(p.get(), n, Membership.UNCLEAN));
            } else {
                nodes.add(p.orElse(withMembership(NodeStatus.online(n), n, Membership.OFFLINE)));
            }
        }
        return new ClusterStatus(quorate, self, nodes);
    }

    private static NodeStatus withMembership(NodeStatus s, String name, Membership m) {
        return new NodeStatus(name, m, s.standby(), s.maintenance(), s.attributes(), s.history(), s.failCounts());
    }

    private NodeStatus localStatus() {
        if (localState != null) {
            return localState.get();
        }
        return cib.status().node(self).orElse(NodeStatus.online(self));
    }

    // ------------------------------------------------------------------ join round (member side)

    private void onJoinRequest(String from, Msg.JoinRequest jr) {
        if (from.equals(self)) {
            return;
        }
        if (jr.term() > term || (jr.term() == term && from.equals(votedFor))) {
            if (jr.term() > term) {
                term = jr.term();
                votedFor = from;
                persist();
            }
            if (role != Role.FOLLOWER) {
                stepDown("a join round of term " + jr.term() + " by " + from);
            }
            transport.send(from, new Msg.JoinReply(view.id(), term, true, intact ? cib : null, cibTerm,
                    localStatus(), lineage));
        } else {
            transport.send(from, new Msg.JoinReply(view.id(), term, false, null, 0, null, null));
        }
    }

    // ------------------------------------------------------------------ replication

    private void write(Write w, Cib next) {
        boolean wasCorrupt = !intact;
        String writer = Lineage.writer(term, self);
        if (!writer.equals(lineage.get(next.version().epoch()))) {
            lineage = Lineage.with(lineage, next.version().epoch(), writer);
        }
        cib = next;
        cibTerm = term;
        intact = true;
        persist();
        inflight = w;
        acks.clear();
        acks.add(self);
        transport.broadcast(new Msg.Replicate(view.id(), term, cib, lineage));
        emit(ClusterEvent.Type.CIB_CHANGED, "CIB " + cib.version() + " written by DC " + self);
        if (wasCorrupt) {
            emit(ClusterEvent.Type.CIB_REPAIRED, "corrupt CIB replaced by the join round's newest copy");
        }
    }

    private int commitVotes() {
        int threshold = quorum.threshold();
        if (ignoreQuorum()) {
            threshold = Math.min(threshold, quorum.votes(view.members()));
        }
        return Math.max(1, threshold);
    }

    private void checkCommit() {
        if (inflight == null || quorum.votes(acks) < commitVotes()) {
            return;
        }
        Write done = inflight;
        inflight = null;
        if (done.requestId() != null) {
            reply(done, new Msg.Result(view.id(), done.requestId(), Msg.Outcome.COMMITTED, cib.version(), null,
                    List.of(), null));
        }
        pump();
        if (inflight == null) {
            plan(); // when another write is already in flight, its commit plans for both
        }
    }

    /**
     * Runs the scheduler on the committed CIB, with the quorum state as this DC sees it now, and publishes the
     * result. A failing scheduler must not take the DC down: it is logged and reported, and no plan is kept.
     */
    private void plan() {
        if (role != Role.ACTIVE || cib.version().equals(plannedVersion)) {
            return;
        }
        plannedVersion = cib.version();
        Instant now = timers.wallClock();
        ClusterStatus status = new ClusterStatus(quorate, self, cib.status().nodes());
        try {
            planned = new PlannedTransition(self, term, cib.version(), quorate, now,
                    planner.plan(cib.configuration(), status, now));
        } catch (RuntimeException e) {
            planned = null;
            log.error("{}: the scheduler failed on CIB {} (term {}); no transition planned until the next change: {}",
                    self, cib.version(), term, e.toString(), e);
            emit(ClusterEvent.Type.SCHEDULER_FAILED, "the scheduler failed on CIB " + cib.version() + ": " + e);
            return;
        }
        log.info("{}: planned transition for CIB {}: {}", self, cib.version(), planned.summaryText());
        emit(ClusterEvent.Type.TRANSITION_PLANNED, planned.summaryText());
    }

    private void pump() {
        while (role == Role.ACTIVE && inflight == null && !queue.isEmpty()) {
            apply(queue.poll());
        }
    }

    private void apply(Write w) {
        if (w.joined() != null) {
            List<NodeStatus> nodes = new ArrayList<>();
            for (NodeStatus n : cib.status().nodes()) {
                if (!n.name().equals(w.joined().name())) {
                    nodes.add(n);
                }
            }
            nodes.add(withMembership(w.joined(), w.joined().name(), Membership.ONLINE));
            write(w, new Cib(cib.version().nextUpdate(), cib.configuration(),
                    new ClusterStatus(cib.status().quorate(), cib.status().dc(), nodes)));
            checkCommit();
            return;
        }
        if (!quorate && !ignoreQuorum()) {
            reply(w, result(w, Msg.Outcome.NO_QUORUM, null, List.of(), "change refused: no quorum ("
                    + quorumText() + ")"));
            return;
        }
        CibVersion now = cib.version();
        if (w.base() != null && (w.base().adminEpoch() != now.adminEpoch() || w.base().epoch() != now.epoch())) {
            reply(w, result(w, Msg.Outcome.CONFLICT, cib.configuration(), List.of(), "configuration moved from "
                    + w.base() + " to " + now));
            return;
        }
        List<Problem> problems = ConfigurationValidator.validate(w.configuration());
        if (!problems.isEmpty()) {
            reply(w, result(w, Msg.Outcome.REJECTED, null, problems, "invalid configuration"));
            return;
        }
        if (w.configuration().equals(cib.configuration())) {
            reply(w, result(w, Msg.Outcome.COMMITTED, null, List.of(), null));
            return;
        }
        write(w, new Cib(now.nextEpoch(), w.configuration(), cib.status()));
        checkCommit();
    }

    private Msg.Result result(Write w, Msg.Outcome outcome, Configuration current, List<Problem> problems,
                              String error) {
        return new Msg.Result(view.id(), w.requestId(), outcome, cib.version(), current, problems, error);
    }

    private void reply(Write w, Msg.Result r) {
        if (r.outcome() == Msg.Outcome.COMMITTED || r.outcome() == Msg.Outcome.REJECTED) {
            // final outcomes only: a conflict is answered by a resubmission under the same id
            recentResults.put(w.requestId(), r);
        }
        if (w.origin().equals(self)) {
            onResult(r);
        } else {
            transport.send(w.origin(), r);
        }
    }

    private void onAck(String from, Msg.Ack a) {
        if (role == Role.ACTIVE && a.term() == term) {
            memberVersion.merge(from, a.version(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
        }
        if (role == Role.ACTIVE && a.term() == term && inflight != null && a.version().equals(cib.version())) {
            acks.add(from);
            checkCommit();
        }
    }

    private void onSubmit(String from, Msg.Submit s) {
        if (role != Role.ACTIVE) {
            return;
        }
        Msg.Result done = recentResults.get(s.requestId());
        if (done != null) {
            transport.send(from, new Msg.Result(view.id(), done.requestId(), done.outcome(), done.version(),
                    done.current(), done.problems(), done.error()));
            return;
        }
        if (inflight != null && s.requestId().equals(inflight.requestId())) {
            return;
        }
        for (Write w : queue) {
            if (s.requestId().equals(w.requestId())) {
                return;
            }
        }
        queue.add(new Write(from, s.requestId(), s.base(), s.configuration(), null, null));
        pump();
    }

    private void onReplicate(String from, Msg.Replicate r) {
        if (from.equals(self) || r.term() < term) {
            return;
        }
        boolean persistNeeded = false;
        if (r.term() > term) {
            term = r.term();
            votedFor = from;
            persistNeeded = true;
        }
        if (role != Role.FOLLOWER) {
            stepDown("DC " + from + " of term " + r.term() + " is replicating");
        }
        boolean newDc = !from.equals(dc) || dcTerm != r.term();
        dc = from;
        dcTerm = r.term();
        boolean accept = !intact || r.term() > cibTerm
                || (r.term() == cibTerm && r.cib().version().compareTo(cib.version()) > 0);
        if (accept) {
            boolean wasCorrupt = !intact;
            cib = r.cib();
            cibTerm = r.term();
            lineage = r.lineage();
            intact = true;
            persist();
            emit(ClusterEvent.Type.CIB_CHANGED, "CIB " + cib.version() + " from DC " + from);
            if (wasCorrupt) {
                log.warn("{}: corrupt CIB replaced by {} from {}", self, cib.version(), from);
                emit(ClusterEvent.Type.CIB_REPAIRED, "corrupt CIB replaced by " + cib.version() + " from " + from);
            }
        } else if (persistNeeded) {
            persist();
        }
        transport.send(from, new Msg.Ack(view.id(), term, r.cib().version()));
        if (newDc) {
            emit(ClusterEvent.Type.DC_ELECTED, from + " is DC (term " + r.term() + ", view " + view.id() + ")");
            resendRequests();
        }
    }

    // ------------------------------------------------------------------ changes submitted here

    /**
     * Submits a change. With {@code conditional}, {@code change} is applied to this node's CIB copy and refused
     * as a conflict (then recomputed on the DC's newer configuration) if another change got in first; without,
     * its result replaces whatever the DC has.
     */
    CompletableFuture<CibVersion> submit(UnaryOperator<Configuration> change, boolean conditional) {
        Request r = new Request(requestPrefix + (nextRequest++), change, conditional);
        if (stopped) {
            r.future.completeExceptionally(new ClusterException(self + " is stopped"));
            return r.future;
        }
        requests.put(r.id, r);
        r.timeout = timers.schedule(settings.requestTimeoutMs(), () -> fail(r, new ClusterException(
                "no DC committed the change within " + settings.requestTimeoutMs() + " ms (" + quorumText()
                        + ", DC " + (dc == null ? "none" : dc) + "); it may or may not have been applied")));
        if (requests.size() == 1) {
            prepare(r, cib.configuration(), cib.version());
        }
        return r.future;
    }

    private void prepare(Request r, Configuration current, CibVersion base) {
        Configuration next;
        try {
            next = r.change.apply(current);
        } catch (RuntimeException e) {
            fail(r, e);
            return;
        }
        if (next == null) {
            fail(r, new IllegalArgumentException("the change returned no configuration (null)"));
            return;
        }
        List<Problem> problems = ConfigurationValidator.validate(next);
        if (!problems.isEmpty()) {
            fail(r, new ConfigurationException(problems));
            return;
        }
        if (!quorate && !ignoreQuorum()) {
            fail(r, new NoQuorumException("change refused: no quorum (" + quorumText() + ")"));
            return;
        }
        r.base = r.conditional ? base : null;
        r.configuration = next;
        r.sentTerm = -1;
        trySend(r);
    }

    private void resendRequests() {
        for (Request r : new ArrayList<>(requests.values())) {
            if (r.configuration != null && r.sentTerm != dcTerm) {
                trySend(r);
            }
        }
    }

    private void trySend(Request r) {
        if (dc == null || r.configuration == null) {
            return;
        }
        r.sentTerm = dcTerm;
        r.sentAt = timers.now();
        Msg.Submit s = new Msg.Submit(view.id(), r.id, r.base, r.configuration);
        if (dc.equals(self)) {
            onSubmit(self, s);
        } else {
            transport.send(dc, s);
        }
    }

    private void onResult(Msg.Result m) {
        Request r = requests.get(m.requestId());
        if (r == null) {
            return;
        }
        switch (m.outcome()) {
            case COMMITTED -> complete(r, m.version());
            case REJECTED -> fail(r, new ConfigurationException(m.problems()));
            case NO_QUORUM -> fail(r, new NoQuorumException(m.error()));
            case CONFLICT -> {
                if (++r.conflicts > settings.maxConflicts()) {
                    fail(r, new ClusterException("gave up after " + settings.maxConflicts()
                            + " concurrent changes got in first; last: " + m.error()));
                } else {
                    prepare(r, m.current(), m.version());
                }
            }
            default -> throw new IllegalStateException("unknown outcome " + m.outcome());
        }
    }

    private void complete(Request r, CibVersion v) {
        requests.remove(r.id);
        if (r.timeout != null) {
            r.timeout.cancel();
        }
        r.future.complete(v);
        startNext();
    }

    private void fail(Request r, Throwable t) {
        requests.remove(r.id);
        if (r.timeout != null) {
            r.timeout.cancel();
        }
        r.future.completeExceptionally(t);
        startNext();
    }

    /** Prepares the oldest waiting request once none is in flight. */
    private void startNext() {
        if (stopped || requests.isEmpty()) {
            return;
        }
        Request head = requests.values().iterator().next();
        if (head.configuration == null) {
            prepare(head, cib.configuration(), cib.version());
        }
    }

    // ------------------------------------------------------------------ state

    private void persist() {
        if (intact) {
            storage.save(new DurableState(term, votedFor, cibTerm, cib, lineage));
        }
    }

    private void emit(ClusterEvent.Type type, String detail) {
        if (listener == null) {
            return;
        }
        try {
            listener.onEvent(new ClusterEvent(type, detail, snapshot()));
        } catch (RuntimeException e) {
            log.warn("{}: cluster listener failed on {}: {}", self, type, e.toString(), e);
        }
    }

    /** This node's state now. */
    ClusterSnapshot snapshot() {
        return new ClusterSnapshot(self, view.id(), view.members(), quorate, quorum.votes(view.members()),
                quorum.expectedVotes(), quorum.threshold(), quorum.waitingForAll(), dc, term, cib, intact,
                role == Role.ACTIVE ? planned : null);
    }

    String name() {
        return self;
    }

    boolean isActiveDc() {
        return role == Role.ACTIVE;
    }

    /** The term of the CIB's writer, for tests. */
    long cibTerm() {
        return cibTerm;
    }
}
