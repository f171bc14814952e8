package io.vigil.core.cluster;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Corosync votequorum arithmetic. Expected votes are the votes of the configured node list plus one for every
 * other node ever seen in a view. A partition is quorate when its votes reach {@code expected / 2 + 1}; with
 * {@code two_node} and exactly two expected votes, one vote is enough. With {@code wait_for_all} (implied by
 * {@code two_node}) no partition is quorate until every expected node has been seen in one view at the same
 * time since this process started.
 */
final class Quorum {
    private final Map<String, Integer> configured;
    private final boolean twoNode;
    private final boolean waitForAll;
    private final Set<String> seen = new TreeSet<>();
    private boolean allSeen;

    Quorum(Map<String, Integer> configuredVotes, boolean twoNode, Boolean waitForAll) {
        this.configured = new TreeMap<>(configuredVotes);
        this.twoNode = twoNode;
        this.waitForAll = waitForAll == null ? twoNode : waitForAll;
    }

    /** Records a view: its members count as seen from now on. */
    void observe(Collection<String> members) {
        for (String m : members) {
            if (!configured.containsKey(m)) {
                seen.add(m);
            }
        }
        if (votes(members) >= expectedVotes()) {
            allSeen = true;
        }
    }

    /** The configured node names, sorted. */
    Set<String> configuredNodes() {
        return java.util.Collections.unmodifiableSet(configured.keySet());
    }

    int votesOf(String node) {
        return configured.getOrDefault(node, 1);
    }

    int votes(Collection<String> members) {
        int v = 0;
        for (String m : new TreeSet<>(members)) {
            v += votesOf(m);
        }
        return v;
    }

    int expectedVotes() {
        int e = seen.size();
        for (int v : configured.values()) {
            e += v;
        }
        return e;
    }

    /** Votes a partition needs: a majority of expected votes, or 1 in a two-node cluster. */
    int threshold() {
        int expected = expectedVotes();
        if (twoNode && expected == 2) {
            return 1;
        }
        return expected / 2 + 1;
    }

    boolean waitingForAll() {
        return waitForAll && !allSeen;
    }

    boolean isQuorate(Collection<String> members) {
        return !waitingForAll() && votes(members) >= threshold();
    }

    boolean twoNode() {
        return twoNode;
    }

    boolean waitForAll() {
        return waitForAll;
    }
}
