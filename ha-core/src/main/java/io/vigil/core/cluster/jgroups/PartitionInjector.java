package io.vigil.core.cluster.jgroups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.protocols.DISCARD;

/**
 * Test hook: cuts and heals links between channels built with
 * {@link JGroupsStack.Builder#partitionInjection(boolean) partitionInjection(true)}, through the DISCARD
 * protocol that sits just above discovery.
 *
 * <p>A cut drops every message between the two sides in both directions, so failure detection goes the way
 * of a real network partition: FD_ALL3 misses heartbeats, VERIFY_SUSPECT2 confirms, GMS installs views
 * without the other side. FD_SOCK2's own TCP links are not cut (they do not go through the stack), which is
 * what a partition between hosts that still accept connections looks like. Healing lets MERGE3 merge the
 * sides again (a {@code MergeView}).
 */
public final class PartitionInjector {

    private PartitionInjector() {
    }

    /**
     * Splits the given channels into sides that cannot hear each other; links inside a side are untouched.
     *
     * @param sides two or more groups of connected channels
     * @throws IllegalStateException if a channel has no DISCARD protocol or is not connected
     */
    @SafeVarargs
    public static void partition(Collection<JChannel>... sides) {
        for (int i = 0; i < sides.length; i++) {
            for (int j = 0; j < sides.length; j++) {
                if (i == j) {
                    continue;
                }
                List<Address> others = addresses(sides[j]);
                for (JChannel ch : sides[i]) {
                    block(ch, others);
                }
            }
        }
    }

    /**
     * Makes {@code self} drop every message from and to the given members (one direction of a cut; call it on
     * both sides for a symmetric partition). Works across JVMs when the addresses are known.
     *
     * @param self a connected channel with DISCARD
     * @param peers the members to stop talking to
     */
    public static void block(JChannel self, Collection<Address> peers) {
        DISCARD discard = discard(self);
        for (Address a : peers) {
            discard.addIgnoreMember(a);
        }
    }

    /**
     * Removes every cut made on the given channels; MERGE3 then merges the sides within its check interval.
     *
     * @param channels the channels to heal
     */
    public static void heal(Collection<JChannel> channels) {
        for (JChannel ch : channels) {
            discard(ch).resetIgnoredMembers();
        }
    }

    private static DISCARD discard(JChannel ch) {
        DISCARD d = ch.getProtocolStack().findProtocol(DISCARD.class);
        if (d == null) {
            throw new IllegalStateException("channel " + ch.getName() + " has no DISCARD protocol; build it with "
                    + "JGroupsStack.builder().partitionInjection(true)");
        }
        return d;
    }

    private static List<Address> addresses(Collection<JChannel> side) {
        List<Address> out = new ArrayList<>();
        for (JChannel ch : side) {
            if (ch.getAddress() == null) {
                throw new IllegalStateException("channel " + ch.getName() + " is not connected");
            }
            out.add(ch.getAddress());
        }
        return out;
    }
}
