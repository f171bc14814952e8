package io.vigil.core.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.util.NameCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin driver between JGroups and the {@link Engine}: JGroups callbacks become engine steps on one executor
 * thread; the engine's sends become JGroups messages; its timers become scheduled tasks.
 */
final class JGroupsAdapter implements Transport, Timers, Receiver {
    private static final Logger log = LoggerFactory.getLogger(JGroupsAdapter.class);

    private final ScheduledExecutorService loop;
    private final WireCodec wire;
    private volatile JChannel channel;
    private volatile View view;
    private Engine engine;

    JGroupsAdapter(ScheduledExecutorService loop, WireCodec wire) {
        this.loop = loop;
        this.wire = wire;
    }

    void bind(Engine engine, JChannel channel) {
        this.engine = engine;
        this.channel = channel;
    }

    // ---- Receiver: JGroups threads -> the loop

    @Override
    public void viewAccepted(View v) {
        view = v;
        List<String> names = new ArrayList<>();
        for (Address a : v.getMembers()) {
            names.add(name(a));
        }
        ViewInfo info = new ViewInfo(v.getViewId().getId(), names);
        execute(() -> engine.onView(info));
    }

    @Override
    public void receive(Message msg) {
        Msg m;
        try {
            m = wire.decode(msg.getArray());
        } catch (RuntimeException e) {
            log.warn("dropping an undecodable message from {}: {}", msg.getSrc(), e.getMessage());
            return;
        }
        String from = name(msg.getSrc());
        execute(() -> engine.onMessage(from, m));
    }

    private static String name(Address a) {
        String n = NameCache.get(a);
        return n != null ? n : String.valueOf(a);
    }

    private void execute(Runnable r) {
        try {
            loop.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.error("cluster protocol step failed: {}", e.toString(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("node stopped; dropping event");
        }
    }

    // ---- Transport: the loop -> JGroups

    @Override
    public void send(String to, Msg msg) {
        View v = view;
        if (v == null) {
            return;
        }
        for (Address a : v.getMembers()) {
            if (name(a).equals(to)) {
                doSend(a, msg);
                return;
            }
        }
    }

    /**
     * One unicast per member rather than a JGroups multicast: JGroups orders multicasts and unicasts from one
     * sender independently, and the protocol relies on a DC's CIB push reaching a member before the result of
     * the change that produced it.
     */
    @Override
    public void broadcast(Msg msg) {
        View v = view;
        JChannel ch = channel;
        if (v == null || ch == null) {
            return;
        }
        for (Address a : v.getMembers()) {
            if (!a.equals(ch.getAddress())) {
                doSend(a, msg);
            }
        }
    }

    private void doSend(Address to, Msg msg) {
        JChannel ch = channel;
        if (ch == null || !ch.isConnected()) {
            return;
        }
        try {
            ch.send(new BytesMessage(to, wire.encode(msg)));
        } catch (Exception e) {
            log.debug("send of {} to {} failed: {}", msg.getClass().getSimpleName(), to, e.toString());
        }
    }

    // ---- Timers

    @Override
    public long now() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public java.time.Instant wallClock() {
        return java.time.Instant.now();
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        try {
            ScheduledFuture<?> f = loop.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("cluster timer failed: {}", e.toString(), e);
                }
            }, delayMs, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return () -> { };
        }
    }
}
