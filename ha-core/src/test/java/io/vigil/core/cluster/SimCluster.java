package io.vigil.core.cluster;

import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Configuration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A deterministic, single-threaded simulation of N nodes running {@link Engine}: virtual time, a seeded random
 * source, message delay and loss, partitions, crashes and restarts. It plays the part JGroups plays in
 * production: it computes views per connected component (coordinator = the longest-running member) and delivers
 * them, with a detection delay, to every member.
 *
 * <p>Same seed, same scenario: same run, event for event.
 */
final class SimCluster {
    /** One simulated node: its disk outlives its process. */
    final class SimNode implements Storage {
        final String name;
        byte[] disk;
        Engine engine;
        boolean up;
        int incarnation;
        ViewInfo lastView = ViewInfo.NONE;
        final List<ClusterEvent> events = new ArrayList<>();

        SimNode(String name) {
            this.name = name;
        }

        @Override
        public Loaded load() {
            if (disk == null) {
                return Loaded.fresh();
            }
            try {
                return new Loaded(FileStorage.decode(codec, disk), null);
            } catch (RuntimeException e) {
                return new Loaded(null, e.getMessage());
            }
        }

        @Override
        public void save(DurableState state) {
            disk = FileStorage.encode(codec, state);
        }

        ClusterSnapshot snapshot() {
            return engine.snapshot();
        }
    }

    /** The wall-clock time at virtual time 0, so time-based scheduler input is the same in every run. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private record Event(long time, long seq, Runnable task) {
    }

    private final Random rnd;
    private final CibCodec codec = CibCodec.standard();
    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final Map<String, SimNode> nodes = new TreeMap<>();
    private final List<String> joinOrder = new ArrayList<>();
    private final Map<String, Integer> partition = new HashMap<>();
    private final Map<String, Long> lastDelivery = new HashMap<>();
    private final Map<String, Integer> votes;
    private final boolean twoNode;
    private final Boolean waitForAll;
    private long now;
    private long seq;
    private long viewCounter;
    private boolean recomputeScheduled;

    /** Probability that a message is lost. */
    double dropRate;
    /** Message delay bounds, ms. */
    long minDelay = 1;
    long maxDelay = 15;
    /** How long the membership layer takes to notice a change, ms (plus up to 50% jitter). */
    long detectionMs = 200;
    Engine.Settings settings = Engine.Settings.DEFAULTS;
    /** How DCs compute transitions; null: the scheduler. */
    Engine.Planner planner;

    SimCluster(long seed, boolean twoNode, Boolean waitForAll, String... names) {
        this.rnd = new Random(seed);
        this.twoNode = twoNode;
        this.waitForAll = waitForAll;
        Map<String, Integer> v = new TreeMap<>();
        for (String n : names) {
            nodes.put(n, new SimNode(n));
            v.put(n, 1);
        }
        this.votes = v;
    }

    SimCluster(long seed, String... names) {
        this(seed, false, null, names);
    }

    static String[] names(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "n" + (i + 1);
        }
        return names;
    }

    long now() {
        return now;
    }

    SimNode node(String name) {
        SimNode n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return n;
    }

    List<SimNode> upNodes() {
        return nodes.values().stream().filter(n -> n.up).toList();
    }

    // ------------------------------------------------------------------ faults

    void startAll() {
        for (String n : nodes.keySet()) {
            start(n);
        }
    }

    void start(String name) {
        SimNode n = node(name);
        if (n.up) {
            return;
        }
        n.up = true;
        n.incarnation++;
        n.lastView = ViewInfo.NONE;
        int inc = n.incarnation;
        Transport t = new Transport() {
            @Override
            public void send(String to, Msg msg) {
                if (n.up && n.incarnation == inc) {
                    deliver(n.name, to, msg);
                }
            }

            @Override
            public void broadcast(Msg msg) {
                for (String m : n.lastView.members()) {
                    if (!m.equals(n.name)) {
                        send(m, msg);
                    }
                }
            }
        };
        Timers timers = new Timers() {
            @Override
            public long now() {
                return now;
            }

            @Override
            public Instant wallClock() {
                return EPOCH.plusMillis(now);
            }

            @Override
            public Cancellable schedule(long delayMs, Runnable task) {
                boolean[] cancelled = {false};
                at(now + delayMs, () -> {
                    if (!cancelled[0] && n.up && n.incarnation == inc) {
                        task.run();
                    }
                });
                return () -> cancelled[0] = true;
            }
        };
        n.engine = new Engine(name, new Quorum(votes, twoNode, waitForAll), t, timers, n, n.events::add, settings);
        if (planner != null) {
            n.engine.planner(planner);
        }
        n.engine.start();
        joinOrder.remove(name);
        joinOrder.add(name);
        membershipChanged();
    }

    /** kill -9: no goodbye, the disk stays. */
    void crash(String name) {
        SimNode n = node(name);
        if (!n.up) {
            return;
        }
        n.engine.stop(new ClusterException("crashed"));
        n.up = false;
        joinOrder.remove(name);
        membershipChanged();
    }

    /** A clean shutdown: the node says goodbye first. */
    void stop(String name) {
        SimNode n = node(name);
        if (!n.up) {
            return;
        }
        n.engine.leave();
        n.up = false;
        joinOrder.remove(name);
        membershipChanged();
    }

    /** Damages the node's file like a torn write: the second half is gone. */
    void tearDisk(String name) {
        SimNode n = node(name);
        if (n.disk != null) {
            n.disk = Arrays.copyOf(n.disk, n.disk.length / 2);
        }
    }

    /** Splits the cluster: each group only reaches its own members. */
    @SafeVarargs
    final void partition(Set<String>... groups) {
        partition.clear();
        for (int i = 0; i < groups.length; i++) {
            for (String n : groups[i]) {
                partition.put(n, i);
            }
        }
        membershipChanged();
    }

    void heal() {
        partition.clear();
        membershipChanged();
    }

    private boolean connected(String a, String b) {
        return partition.getOrDefault(a, -1).equals(partition.getOrDefault(b, -1));
    }

    // ------------------------------------------------------------------ the network

    private void deliver(String from, String to, Msg msg) {
        if (rnd.nextDouble() < dropRate) {
            return;
        }
        String pair = from + ">" + to;
        long t = Math.max(now + minDelay + (long) (rnd.nextDouble() * (maxDelay - minDelay)),
                lastDelivery.getOrDefault(pair, 0L));
        lastDelivery.put(pair, t);
        SimNode target = nodes.get(to);
        if (target == null) {
            return;
        }
        int inc = target.incarnation;
        at(t, () -> {
            if (target.up && target.incarnation == inc && connected(from, to)) {
                target.engine.onMessage(from, msg);
            }
        });
    }

    private void membershipChanged() {
        if (recomputeScheduled) {
            return;
        }
        recomputeScheduled = true;
        at(now + detectionMs + (long) (rnd.nextDouble() * detectionMs / 2), () -> {
            recomputeScheduled = false;
            installViews();
        });
    }

    private void installViews() {
        Map<Integer, List<String>> components = new TreeMap<>();
        for (String n : joinOrder) {
            components.computeIfAbsent(partition.getOrDefault(n, -1), k -> new ArrayList<>()).add(n);
        }
        for (List<String> members : components.values()) {
            boolean changed = members.stream().anyMatch(m -> !node(m).lastView.members().equals(members));
            if (!changed) {
                continue;
            }
            ViewInfo v = new ViewInfo(++viewCounter, members);
            for (String m : members) {
                SimNode n = node(m);
                n.lastView = v;
                int inc = n.incarnation;
                at(now + (long) (rnd.nextDouble() * 10), () -> {
                    if (n.up && n.incarnation == inc) {
                        n.engine.onView(v);
                    }
                });
            }
        }
    }

    // ------------------------------------------------------------------ time

    void at(long time, Runnable task) {
        queue.add(new Event(time, seq++, task));
    }

    /** Runs every event up to {@code now + ms}. */
    void run(long ms) {
        long end = now + ms;
        while (!queue.isEmpty() && queue.peek().time <= end) {
            Event e = queue.poll();
            now = e.time;
            e.task.run();
        }
        now = end;
    }

    /** Runs until {@code done} holds (checked after every event) or {@code maxMs} passed; true if it held. */
    boolean runUntil(BooleanSupplier done, long maxMs) {
        long end = now + maxMs;
        while (!done.getAsBoolean()) {
            if (queue.isEmpty() || queue.peek().time > end) {
                now = end;
                return done.getAsBoolean();
            }
            Event e = queue.poll();
            now = e.time;
            e.task.run();
        }
        return true;
    }

    /** Submits a change on {@code name}; the future completes as the simulation runs. */
    CompletableFuture<CibVersion> submit(String name, UnaryOperator<Configuration> change) {
        return node(name).engine.submit(change, true);
    }

    // ------------------------------------------------------------------ observations

    /** The active DCs among running nodes. */
    List<String> activeDcs() {
        return upNodes().stream().filter(n -> n.engine.isActiveDc()).map(n -> n.name).toList();
    }

    /** True when every running node is in one view, quorate, follows the same single DC and holds its CIB. */
    boolean converged() {
        List<SimNode> up = upNodes();
        if (up.isEmpty()) {
            return false;
        }
        List<String> dcs = activeDcs();
        if (dcs.size() != 1) {
            return false;
        }
        ClusterSnapshot dc = node(dcs.get(0)).snapshot();
        Set<String> names = new TreeSet<>();
        up.forEach(n -> names.add(n.name));
        for (SimNode n : up) {
            ClusterSnapshot s = n.snapshot();
            if (!new TreeSet<>(s.members()).equals(names) || !dc.dc().equals(s.dc()) || !s.cibIntact()
                    || !s.cib().equals(dc.cib())) {
                return false;
            }
        }
        return true;
    }
}
