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

    static JChannel create(TransportOption transport, boolean partitionInjection) throws Exception {
        String xml;
        if (transport instanceof Xml x) {
            xml = x.xml();
        } else if (transport instanceof Tcp t) {
            xml = stack("<TCP bind_addr=\"" + t.bindAddress() + "\" bind_port=\"" + t.bindPort() + "\" port_range=\""
                    + t.portRange() + "\" sock_conn_timeout=\"300ms\" tcp_nodelay=\"true\" diag.enabled=\"false\""
                    + " thread_pool.min_threads=\"0\" thread_pool.max_threads=\"100\" use_virtual_threads=\"false\"/>"
                    + "<TCPPING async_discovery=\"true\" initial_hosts=\"" + t.initialHosts() + "\" port_range=\""
                    + t.portRange() + "\"/>", "<FD_SOCK2 bind_addr=\"" + t.bindAddress() + "\" port_range=\""
                    + Math.max(10, t.portRange()) + "\"/>", partitionInjection);
        } else {
            xml = stack("<SHARED_LOOPBACK diag.enabled=\"false\" thread_pool.min_threads=\"0\""
                    + " use_virtual_threads=\"false\"/><SHARED_LOOPBACK_PING/>", "", partitionInjection);
        }
        return new JChannel(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String stack(String transport, String fdSock, boolean discard) {
        return "<config xmlns=\"urn:org:jgroups\">" + transport
                + (discard ? "<DISCARD/>" : "")
                + "<MERGE3 min_interval=\"500\" max_interval=\"2000\"/>"
                + fdSock
                + "<FD_ALL3 interval=\"100\" timeout=\"500\"/>"
                + "<VERIFY_SUSPECT2 timeout=\"250\"/>"
                + "<BARRIER/>"
                + "<pbcast.NAKACK2 xmit_interval=\"200\" use_mcast_xmit=\"false\"/>"
                + "<UNICAST3 xmit_interval=\"200\"/>"
                + "<pbcast.STABLE desired_avg_gossip=\"5s\" max_bytes=\"4M\"/>"
                + "<pbcast.GMS print_local_addr=\"false\" join_timeout=\"500\" leave_timeout=\"500\"/>"
                + "<UFC max_credits=\"4M\" min_threshold=\"0.4\"/>"
                + "<MFC max_credits=\"4M\" min_threshold=\"0.4\"/>"
                + "<FRAG2 frag_size=\"60K\"/>"
                + "</config>";
    }
}
