package io.vigil.core.cluster;

import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Configuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import io.vigil.core.cluster.jgroups.ClusterKey;
import io.vigil.core.cluster.jgroups.Profile;
import org.jgroups.JChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a Vigil cluster: membership, quorum (Corosync votequorum semantics), DC election and the
 * replicated, durable CIB, on JGroups.
 *
 * <pre>{@code
 * try (ClusterNode node = ClusterNode.builder()
 *         .clusterName("shop").nodeName("n1").dataDirectory(Path.of("/var/lib/vigil"))
 *         .nodes("n1", "n2", "n3")
 *         .tcp("10.0.0.1", 7800, "10.0.0.1[7800],10.0.0.2[7800],10.0.0.3[7800]")
 *         .build().start()) {
 *     node.updateConfiguration(c -> c.toBuilder().primitive("ip", "ocf:heartbeat:IPaddr2").build()).join();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Events go to {@link ClusterListener}s on the node's protocol thread.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final Builder b;
    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor loop;
    private volatile Thread loopThread;
    private Engine engine;
    private JChannel channel;
    private volatile boolean started;
    private volatile boolean closed;

    private ClusterNode(Builder b) {
        this.b = b;
        this.loop = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vigil-cluster-" + b.nodeName);
            t.setDaemon(true);
            loopThread = t;
            return t;
        });
        loop.setRemoveOnCancelPolicy(true);
        loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Starts describing a node. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the stored CIB (a corrupt file is reported and left unused until a peer replaces it), joins the
     * cluster and returns this node. Returns once the channel is connected; quorum and a DC follow
     * asynchronously (watch {@link #snapshot()} or the events).
     *
     * @throws ClusterException when the channel cannot be created or connected
     */
    public synchronized ClusterNode start() {
        if (started) {
            throw new IllegalStateException("node " + b.nodeName + " is already started");
        }
        started = true;
        CibCodec codec = CibCodec.standard();
        JGroupsAdapter adapter = new JGroupsAdapter(loop, new WireCodec(codec));
        Quorum quorum = new Quorum(b.votes, b.twoNode, b.waitForAll);
        engine = new Engine(b.nodeName, quorum, adapter, adapter, new FileStorage(b.dataDirectory, codec),
                this::dispatch, new Engine.Settings(b.retry.toMillis(), b.joinTimeout.toMillis(),
                b.requestTimeout.toMillis(), 20));
        onLoop(() -> {
            engine.start();
            return null;
        });
        try {
            ClusterKey key = b.key;
            if (key == null && b.keyFile != null) {
                key = ClusterKey.load(b.keyFile);
            }
            channel = ChannelFactory.create(b.profile, b.xml, b.transport, key, b.partitionInjection, b.nodeName);
            channel.setDiscardOwnMessages(true);
            adapter.bind(engine, channel);
            channel.setReceiver(adapter);
            channel.connect(b.clusterName);
        } catch (Exception e) {
            loop.shutdownNow();
            if (channel != null) {
                channel.close();
            }
            throw new ClusterException("node " + b.nodeName + " cannot join cluster '" + b.clusterName + "': " + e);
        }
        return this;
    }

    private void dispatch(ClusterEvent e) {
        for (ClusterListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                log.warn("listener failed on {}: {}", e.type(), ex.toString(), ex);
            }
        }
    }

    /** Adds a listener; it sees every event from now on. */
    public ClusterNode addListener(ClusterListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** This node's view of the cluster now. */
    public ClusterSnapshot snapshot() {
        return onLoop(() -> engine.snapshot());
    }

    /**
     * The transition this node planned as the acting DC for its newest committed CIB (see
     * {@link PlannedTransition}); empty on followers, before the first plan and after a scheduler failure.
     */
    public java.util.Optional<PlannedTransition> plannedTransition() {
        return java.util.Optional.ofNullable(snapshot().plannedTransition());
    }

    /** This node's copy of the CIB (it may trail the DC's by a moment). */
    public Cib cib() {
        return snapshot().cib();
    }

    /** The node's name. */
    public String name() {
        return b.nodeName;
    }

    /**
     * Changes the configuration. {@code change} is applied to the newest configuration this node knows; the
     * result is validated here and again by the DC. If another change got in first, {@code change} is applied
     * again to the newer configuration (so it must be a pure function of its argument).
     *
     * @return completes with the new CIB version once the change is durable on nodes holding a quorum of votes;
     *         fails with {@link io.vigil.core.model.ConfigurationException} (listing every problem; nothing
     *         changed), {@link NoQuorumException} (this partition has no quorum and no-quorum-policy is not
     *         ignore), or {@link ClusterException} (no DC committed it within the request timeout)
     */
    public CompletableFuture<CibVersion> updateConfiguration(UnaryOperator<Configuration> change) {
        Objects.requireNonNull(change, "change");
        return submit(change, true);
    }

    /** Replaces the whole configuration, regardless of what changed meanwhile. Completes as for
     * {@link #updateConfiguration}. */
    public CompletableFuture<CibVersion> replaceConfiguration(Configuration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        return submit(c -> configuration, false);
    }

    private CompletableFuture<CibVersion> submit(UnaryOperator<Configuration> change, boolean conditional) {
        CompletableFuture<CibVersion> out = new CompletableFuture<>();
        if (closed || !started) {
            out.completeExceptionally(new ClusterException("node " + b.nodeName + " is not running"));
            return out;
        }
        try {
            loop.execute(() -> engine.submit(change, conditional).whenCompleteAsync((v, e) -> {
                if (e != null) {
                    out.completeExceptionally(e);
                } else {
                    out.complete(v);
                }
            }, ForkJoinPool.commonPool()));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            out.completeExceptionally(new ClusterException("node " + b.nodeName + " is closed"));
        }
        return out;
    }

    /**
     * Leaves cleanly: peers are told this is a shutdown (the node becomes offline, not unclean), then the
     * channel is closed. Pending changes fail.
     */
    @Override
    public synchronized void close() {
        if (closed || !started) {
            closed = true;
            return;
        }
        closed = true;
        try {
            onLoop(() -> {
                engine.leave();
                return null;
            });
        } catch (RuntimeException e) {
            log.debug("leave failed: {}", e.toString());
        }
        if (channel != null) {
            channel.close();
        }
        loop.shutdownNow();
        try {
            loop.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T onLoop(Callable<T> task) {
        if (Thread.currentThread() == loopThread) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return loop.submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new ClusterException(e.getCause().toString());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ClusterException("node " + b.nodeName + ": protocol thread did not answer within 10 s");
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ClusterException("node " + b.nodeName + " is closed");
        }
    }

    /** The JGroups channel, for tests (partition injection). */
    JChannel channel() {
        return channel;
    }

    /**
     * Describes a node. Every setter checks its argument and names it in the error.
     */
    public static final class Builder {
        private String clusterName;
        private String nodeName;
        private Path dataDirectory;
        private final Map<String, Integer> votes = new TreeMap<>();
        private boolean twoNode;
        private Boolean waitForAll;
        private io.vigil.core.cluster.jgroups.Transport transport;
        private String xml;
        private Profile profile = Profile.DEFAULT;
        private ClusterKey key;
        private Path keyFile;
        private boolean partitionInjection;
        private Duration retry = Duration.ofMillis(300);
        private Duration joinTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The JGroups cluster name; nodes with the same name (and transport) form one cluster. Required. */
        public Builder clusterName(String name) {
            this.clusterName = requireText("clusterName", name);
            return this;
        }

        /** This node's name, unique in the cluster. Required. */
        public Builder nodeName(String name) {
            this.nodeName = requireText("nodeName", name);
            return this;
        }

        /** Where the CIB file lives ({@code cib.bin}); created if missing. Required. */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = Objects.requireNonNull(dir, "dataDirectory");
            return this;
        }

        /**
         * The nodes the cluster expects, one vote each (like corosync's nodelist). Expected votes are their sum,
         * plus one for every other node ever seen. Default: just this node (then the first node to start is
         * quorate on its own, so give the full list in production).
         */
        public Builder nodes(String... names) {
            for (String n : names) {
                node(n, 1);
            }
            return this;
        }

        /** An expected node with {@code votes} quorum votes (0 or more). */
        public Builder node(String name, int votes) {
            requireText("node name", name);
            if (votes < 0) {
                throw new IllegalArgumentException("votes of node '" + name + "' must not be negative, was " + votes);
            }
            this.votes.put(name, votes);
            return this;
        }

        /**
         * votequorum {@code two_node}: with exactly two expected votes, one is enough for quorum (rely on fencing
         * to settle a split). Implies {@link #waitForAll(boolean)} unless that is set explicitly. Default false.
         */
        public Builder twoNode(boolean enabled) {
            this.twoNode = enabled;
            return this;
        }

        /**
         * votequorum {@code wait_for_all}: after start, no quorum until every expected node was seen in one view.
         * Default: same as {@link #twoNode(boolean)}.
         */
        public Builder waitForAll(boolean enabled) {
            this.waitForAll = enabled;
            return this;
        }

        /** All nodes in one JVM over JGroups SHARED_LOOPBACK (tests and demos). */
        public Builder loopback() {
            this.transport = io.vigil.core.cluster.jgroups.Transport.sharedLoopback();
            return this;
        }

        /**
         * TCP: bind {@code bindAddress:bindPort} (or one of the next 10 ports) and find peers at
         * {@code initialHosts} (comma-separated {@code host[port]} or {@code host:port}). Default transport: TCP on
         * 127.0.0.1:7800 with itself as the only initial host.
         */
        public Builder tcp(String bindAddress, int bindPort, String initialHosts) {
            requireText("initialHosts", initialHosts);
            this.transport = io.vigil.core.cluster.jgroups.Transport.tcp(bindAddress, bindPort,
                    List.of(initialHosts.split(",")));
            return this;
        }

        /** Any transport of {@code io.vigil.core.cluster.jgroups.Transport} (TCP, UDP multicast, loopback). */
        public Builder transport(io.vigil.core.cluster.jgroups.Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * A complete JGroups stack of your own (XML text) instead of a shipped profile. Vigil still inserts
         * encryption/authentication when a key is configured, and places the transport if one is given.
         */
        public Builder jgroupsXml(String xml) {
            this.xml = requireText("jgroupsXml", xml);
            return this;
        }

        /** A shipped timing profile (see {@link Profile}). Default {@link Profile#DEFAULT}. */
        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * The cluster key file (see {@link ClusterKey#generate(Path)}): traffic is then encrypted and
         * authenticated, and nodes without the key can neither join nor inject messages. Read at
         * {@link ClusterNode#start()}. Default: none (a warning is logged).
         */
        public Builder clusterKey(Path file) {
            this.keyFile = Objects.requireNonNull(file, "clusterKey");
            return this;
        }

        /** The cluster key itself, instead of a file. */
        public Builder clusterKey(ClusterKey key) {
            this.key = Objects.requireNonNull(key, "clusterKey");
            return this;
        }

        /**
         * Failure-detection profile: {@code fast} (a crashed or hung peer is out within about 1 s on a LAN),
         * {@code default} (a crash in about 1 s, a hang in 4-5 s) or {@code wan} (tens of seconds). Ignored with
         * {@link #jgroupsXml}. Default {@code default}.
         */
        public Builder profile(String name) {
            requireText("profile", name);
            for (Profile p : Profile.values()) {
                if (p.name().equalsIgnoreCase(name.trim())) {
                    this.profile = p;
                    return this;
                }
            }
            throw new IllegalArgumentException("profile must be one of fast, default, wan; was '" + name + "'");
        }

        /** How often the protocol retries unanswered messages. Default 300 ms. */
        public Builder retryInterval(Duration d) {
            this.retry = requirePositive("retryInterval", d);
            return this;
        }

        /** How long a new DC waits for silent members before finishing its join round. Default 2 s. */
        public Builder joinTimeout(Duration d) {
            this.joinTimeout = requirePositive("joinTimeout", d);
            return this;
        }

        /** How long a submitted change may wait for a DC to commit it. Default 30 s. */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = requirePositive("requestTimeout", d);
            return this;
        }

        /** Adds JGroups DISCARD to the stack so tests can cut links. */
        Builder partitionInjection(boolean enabled) {
            this.partitionInjection = enabled;
            return this;
        }

        /**
         * The node, not yet started.
         *
         * @throws IllegalStateException naming a missing required option
         */
        public ClusterNode build() {
            if (clusterName == null) {
                throw new IllegalStateException("clusterName is required");
            }
            if (nodeName == null) {
                throw new IllegalStateException("nodeName is required");
            }
            if (dataDirectory == null) {
                throw new IllegalStateException("dataDirectory is required");
            }
            if (votes.isEmpty()) {
                votes.put(nodeName, 1);
            }
            return new ClusterNode(this);
        }

        private static String requireText(String what, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank, was " + (value == null ? "null"
                        : "'" + value + "'"));
            }
            return value;
        }

        private static Duration requirePositive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }
    }
}
