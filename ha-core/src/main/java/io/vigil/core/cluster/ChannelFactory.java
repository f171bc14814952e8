package io.vigil.core.cluster;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.jgroups.JChannel;

/**
 * Builds the JGroups channel. The one place to switch to the shipped profiles (fast/default/wan, encryption and
 * authentication) of {@code io.vigil.core.cluster.jgroups} once they land; until then a tight-timing stack
 * measured on loopback (docs/cluster.md).
 */
final class ChannelFactory {
    private ChannelFactory() {
    }

    /**
     * Failure-detection timings, mirroring the shipped profiles (fast/default/wan) that the jgroups package
     * ships as XML; replaced by those once they land.
     */
    enum Timing {
        /** Heartbeat 100 ms, timeout 500 ms, verify 250 ms: a crashed or hung peer is out within ~1 s. */
        FAST(100, 500, 250, 500, 2_000, 500),
        /** Heartbeat 1 s, timeout 3 s, verify 1 s: a crash in ~1 s (socket), a hang in ~4-5 s. */
        DEFAULT(1_000, 3_000, 1_000, 1_000, 5_000, 1_000),
        /** Heartbeat 4 s, timeout 20 s, verify 3 s: tolerant of slow links. */
        WAN(4_000, 20_000, 3_000, 5_000, 20_000, 3_000);

        final int interval;
        final int timeout;
        final int verify;
        final int mergeMin;
        final int mergeMax;
        final int joinTimeout;

        Timing(int interval, int timeout, int verify, int mergeMin, int mergeMax, int joinTimeout) {
            this.interval = interval;
            this.timeout = timeout;
            this.verify = verify;
            this.mergeMin = mergeMin;
            this.mergeMax = mergeMax;
            this.joinTimeout = joinTimeout;
        }

        static Timing parse(String name) {
            for (Timing t : values()) {
                if (t.name().equalsIgnoreCase(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("profile must be one of fast, default, wan; was '" + name + "'");
        }
    }

    /** How nodes reach each other. */
    sealed interface TransportOption {
    }

    /** All nodes in one JVM, no sockets (tests). */
    record Loopback() implements TransportOption {
    }

    /**
     * TCP with a static list of initial hosts.
     *
     * @param bindAddress  address to bind, e.g. 127.0.0.1
     * @param bindPort     first port to try; the next {@code portRange} ports are tried too
     * @param portRange    how many ports above {@code bindPort} to try, and to probe on each initial host
     * @param initialHosts JGroups TCPPING syntax, e.g. {@code 10.0.0.1[7800],10.0.0.2[7800]}
     */
    record Tcp(String bindAddress, int bindPort, int portRange, String initialHosts) implements TransportOption {
    }

    /** The user's own JGroups XML. */
    record Xml(String xml) implements TransportOption {
    }

    static JChannel create(TransportOption transport, Timing timing, boolean partitionInjection) throws Exception {
        String xml;
        if (transport instanceof Xml x) {
            xml = x.xml();
        } else if (transport instanceof Tcp t) {
            xml = stack("<TCP bind_addr=\"" + t.bindAddress() + "\" bind_port=\"" + t.bindPort() + "\" port_range=\""
                    + t.portRange() + "\" sock_conn_timeout=\"300ms\" tcp_nodelay=\"true\" diag.enabled=\"false\""
                    + " thread_pool.min_threads=\"0\" thread_pool.max_threads=\"100\" use_virtual_threads=\"false\"/>"
                    + "<TCPPING async_discovery=\"true\" initial_hosts=\"" + t.initialHosts() + "\" port_range=\""
                    + t.portRange() + "\"/>", "<FD_SOCK2 bind_addr=\"" + t.bindAddress() + "\" port_range=\""
                    + Math.max(10, t.portRange()) + "\"/>", timing, partitionInjection);
        } else {
            xml = stack("<SHARED_LOOPBACK diag.enabled=\"false\" thread_pool.min_threads=\"0\""
                    + " use_virtual_threads=\"false\"/><SHARED_LOOPBACK_PING/>", "", timing, partitionInjection);
        }
        return new JChannel(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String stack(String transport, String fdSock, Timing t, boolean discard) {
        return "<config xmlns=\"urn:org:jgroups\">" + transport
                + (discard ? "<DISCARD/>" : "")
                + "<MERGE3 min_interval=\"" + t.mergeMin + "\" max_interval=\"" + t.mergeMax + "\"/>"
                + fdSock
                + "<FD_ALL3 interval=\"" + t.interval + "\" timeout=\"" + t.timeout + "\"/>"
                + "<VERIFY_SUSPECT2 timeout=\"" + t.verify + "\"/>"
                + "<BARRIER/>"
                + "<pbcast.NAKACK2 xmit_interval=\"200\" use_mcast_xmit=\"false\"/>"
                + "<UNICAST3 xmit_interval=\"200\"/>"
                + "<pbcast.STABLE desired_avg_gossip=\"5s\" max_bytes=\"4M\"/>"
                + "<pbcast.GMS print_local_addr=\"false\" join_timeout=\"" + t.joinTimeout + "\" leave_timeout=\"500\"/>"
                + "<UFC max_credits=\"4M\" min_threshold=\"0.4\"/>"
                + "<MFC max_credits=\"4M\" min_threshold=\"0.4\"/>"
                + "<FRAG2 frag_size=\"60K\"/>"
                + "</config>";
    }
}
