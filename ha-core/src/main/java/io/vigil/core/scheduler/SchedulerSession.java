package io.vigil.core.scheduler;

import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ResourceHistory;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler for a DC's successive runs: every result is exactly what {@link Scheduler#schedule} returns for
 * the same input, but what each node's operation history says about the configuration is read once and reused
 * while neither changes.
 *
 * <p>Reading the history is the part of a run that grows with nodes x resources (on 100 nodes x 10,000
 * resources the status holds a million entries, nearly all "probed: not running"). Between two runs of a DC
 * usually one node's state changes, and a node's state changing (it fails, joins, goes standby) rarely changes
 * its history. Because the model is immutable, "unchanged" is decided by identity, never by comparing contents:
 * a node's history is reused when the new status holds the very same history list
 * ({@link io.vigil.core.model.NodeStatus} keeps the list of the status it was derived from) and the
 * configuration is the very same object. Anything else is read afresh, so a session can never return a stale
 * result, only miss a chance to save time. What is reused depends on the configuration alone (which leaves
 * each entry shows probed, which entries need their operations replayed, which are not configured); the
 * replay of the operations themselves, which depends on the time and on the nodes' state, runs every time.
 *
 * <p>Memory: for each node of the last status, one bit per leaf resource plus an int per entry that is more
 * than a probe that found the resource stopped (about 130 KB on 100 nodes x 10,000 resources). Only the last
 * run's histories are kept.
 *
 * <p>Thread safety: runs are serialised (a DC runs one scheduler at a time); use one session per DC.
 */
public final class SchedulerSession {
    /** The configuration the remembered histories were read against (by identity). */
    private Configuration configuration;
    private Map<List<ResourceHistory>, History.NodeEntries> read = new IdentityHashMap<>();
    /** How many distinct history lists the last run reused (for tests). */
    private int reused;

    /** A session that remembers nothing yet; its first run costs what {@link Scheduler#schedule} costs. */
    public SchedulerSession() {
    }

    /**
     * Computes the next transition, like {@link Scheduler#schedule}.
     *
     * @param configuration a valid configuration
     * @param status        what the cluster observed
     * @param now           the time failure timeouts and time-based rules are evaluated against
     * @return the placement, the transition graph, the transition summary and the scores: equal to what
     *         {@link Scheduler#schedule} returns for the same arguments
     */
    public synchronized SchedulerResult schedule(Configuration configuration, ClusterStatus status, Instant now) {
        Map<List<ResourceHistory>, History.NodeEntries> previous = configuration == this.configuration
                ? read : null;
        Map<List<ResourceHistory>, History.NodeEntries> next = new IdentityHashMap<>();
        SchedulerResult result = Scheduler.run(configuration, status, now, previous, next);
        int same = 0;
        if (previous != null) {
            for (List<ResourceHistory> h : next.keySet()) {
                same += previous.get(h) == next.get(h) ? 1 : 0;
            }
        }
        this.reused = same;
        this.configuration = configuration;
        this.read = next; // only the histories of the last status: a node's old lists are dropped
        return result;
    }

    /** How many distinct history lists the last run reused instead of reading them. */
    synchronized int reusedLastRun() {
        return reused;
    }

    /** Forgets everything remembered (the next run reads every history afresh). */
    public synchronized void clear() {
        configuration = null;
        read = new IdentityHashMap<>();
    }
}
