package io.vigil.core.cluster.jgroups;

import org.jgroups.Address;
import org.jgroups.View;

/**
 * Recognises views that must not be trusted at face value.
 *
 * <p>JGroups never tells a node that it failed to join: a node whose JOIN_REQ goes unanswered (wrong or missing
 * cluster key, peers unreachable, a firewall) retries {@code max_join_attempts} times and then becomes the
 * coordinator of a cluster of one, exactly like the first node of a new cluster. The cluster layer must
 * therefore treat "alone while peers are expected" as not ready / no quorum, and must not act as DC on it
 * (Corosync's votequorum does the same through expected votes).
 */
public final class ViewCheck {

    private ViewCheck() {
    }

    /**
     * @param view the current view
     * @param self this node's address
     * @param expectedNodes how many nodes the configuration lists (including this one), at least 1
     * @return true when the view holds only this node although other nodes are expected; such a node may be
     *     isolated, misconfigured (wrong key) or simply the first to start, and cannot tell which
     */
    public static boolean isAloneWhilePeersExpected(View view, Address self, int expectedNodes) {
        if (expectedNodes < 1) {
            throw new IllegalArgumentException("expectedNodes: expected at least 1 but got " + expectedNodes);
        }
        if (view == null) {
            return expectedNodes > 1;
        }
        return expectedNodes > 1 && view.size() == 1 && view.containsMember(self);
    }
}
