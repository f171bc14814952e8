package io.vigil.core.cluster.jgroups;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where and how the JGroups channel talks: the bottom two protocols of the stack (transport and discovery).
 * The layers above come from the {@link Profile} (or the user's XML) and are the same for every transport.
 *
 * <ul>
 *   <li>{@link Tcp}: TCP with a fixed list of initial hosts ({@code TCP} + {@code TCPPING}). The recommended
 *       choice for production and for tests that span several JVMs.</li>
 *   <li>{@link Udp}: IP multicast ({@code UDP} + {@code PING}). Needs a network where multicast works.</li>
 *   <li>{@link SharedLoopback}: members in the same JVM only ({@code SHARED_LOOPBACK} +
 *       {@code SHARED_LOOPBACK_PING}); no sockets apart from FD_SOCK2's. For in-JVM tests.</li>
 * </ul>
 *
 * <p>Every transport binds to an explicit address. Vigil's default is {@value #DEFAULT_BIND_ADDRESS}, so a
 * node that was not told otherwise is not reachable from the network at all; set the address of the cluster
 * interface for a real multi-host cluster.
 */
public sealed interface Transport permits Transport.Tcp, Transport.Udp, Transport.SharedLoopback {

    /** Default bind address of every transport and of FD_SOCK2: {@value}. */
    String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** Default TCP/UDP port: {@value}. */
    int DEFAULT_PORT = 7800;
    /** Default number of further ports tried when the port is taken, and probed on each initial host: {@value}. */
    int DEFAULT_PORT_RANGE = 10;

    /**
     * TCP with initial hosts, {@link #DEFAULT_PORT_RANGE} extra ports.
     *
     * @param bindAddress local address to listen on, e.g. {@code "10.0.0.5"}; never a wildcard
     * @param bindPort local port (1..65535); the next {@code portRange} ports are tried if it is taken
     * @param initialHosts the members to contact, as {@code host[port]} (JGroups syntax) or {@code host:port};
     *     include this node's own address so that a list is the same on every node
     * @return the transport
     */
    static Tcp tcp(String bindAddress, int bindPort, List<String> initialHosts) {
        return new Tcp(bindAddress, bindPort, DEFAULT_PORT_RANGE, initialHosts);
    }

    /**
     * IP multicast on the default group 228.8.8.8:45588 with TTL 1 (the local subnet only).
     *
     * @param bindAddress local address; never a wildcard
     * @param bindPort local unicast port, 0 for any free port
     * @return the transport
     */
    static Udp udp(String bindAddress, int bindPort) {
        return new Udp(bindAddress, bindPort, "228.8.8.8", 45588, 1);
    }

    /**
     * In-JVM transport for tests; members find each other by cluster name.
     *
     * @return the transport
     */
    static SharedLoopback sharedLoopback() {
        return new SharedLoopback();
    }

    /** @return the address this transport (and FD_SOCK2) binds to */
    String bindAddress();

    /**
     * TCP + TCPPING.
     *
     * @param bindAddress local address to listen on (not {@code 0.0.0.0}/{@code ::}); default
     *     {@value Transport#DEFAULT_BIND_ADDRESS}
     * @param bindPort local port, 1..65535; default {@value Transport#DEFAULT_PORT}
     * @param portRange further ports tried locally when {@code bindPort} is taken, and probed on each initial
     *     host, 0..1000; default {@value Transport#DEFAULT_PORT_RANGE}
     * @param initialHosts at least one {@code host[port]} or {@code host:port}; copied
     */
    record Tcp(String bindAddress, int bindPort, int portRange, List<String> initialHosts) implements Transport {
        private static final Pattern HOST_PORT = Pattern.compile("[^\\s,\\[\\]]+(\\[\\d{1,5}]|:\\d{1,5})");

        /** Checks every component and normalizes {@code host:port} to JGroups' {@code host[port]}. */
        public Tcp {
            bindAddress = checkBindAddress("tcp.bindAddress", bindAddress);
            checkPort("tcp.bindPort", bindPort, false);
            if (portRange < 0 || portRange > 1000) {
                throw new IllegalArgumentException("tcp.portRange: expected 0..1000 but got " + portRange);
            }
            if (initialHosts == null || initialHosts.isEmpty()) {
                throw new IllegalArgumentException("tcp.initialHosts: expected at least one host[port]");
            }
            List<String> normalized = new java.util.ArrayList<>();
            for (int i = 0; i < initialHosts.size(); i++) {
                String h = initialHosts.get(i) == null ? "" : initialHosts.get(i).trim();
                if (!HOST_PORT.matcher(h).matches() || h.endsWith(":")) {
                    throw new IllegalArgumentException("tcp.initialHosts[" + i + "]: expected host[port] or "
                            + "host:port but got '" + initialHosts.get(i) + "'");
                }
                if (!h.endsWith("]")) {
                    int colon = h.lastIndexOf(':');
                    h = h.substring(0, colon) + "[" + h.substring(colon + 1) + "]";
                }
                normalized.add(h);
            }
            initialHosts = List.copyOf(normalized);
        }

        /** @return the initial hosts joined the way TCPPING reads them */
        String initialHostsProperty() {
            return String.join(",", initialHosts);
        }
    }

    /**
     * UDP + PING (IP multicast).
     *
     * @param bindAddress local address (not a wildcard); default {@value Transport#DEFAULT_BIND_ADDRESS}
     * @param bindPort local unicast port, 0 for any free port
     * @param multicastAddress the IPv4 multicast group, e.g. {@code 228.8.8.8}; one per cluster is best
     * @param multicastPort the multicast port, 1..65535, e.g. 45588
     * @param ttl multicast time-to-live, 0..255: 0 stays on the host, 1 on the local subnet (default)
     */
    record Udp(String bindAddress, int bindPort, String multicastAddress, int multicastPort, int ttl)
            implements Transport {
        /** Checks every component. */
        public Udp {
            bindAddress = checkBindAddress("udp.bindAddress", bindAddress);
            checkPort("udp.bindPort", bindPort, true);
            checkPort("udp.multicastPort", multicastPort, false);
            if (multicastAddress == null || !multicastAddress.matches("2(2[4-9]|3\\d)(\\.\\d{1,3}){3}")) {
                throw new IllegalArgumentException("udp.multicastAddress: expected an IPv4 multicast address "
                        + "(224.0.0.0-239.255.255.255) but got '" + multicastAddress + "'");
            }
            if (ttl < 0 || ttl > 255) {
                throw new IllegalArgumentException("udp.ttl: expected 0..255 but got " + ttl);
            }
        }

        /**
         * @param group the multicast group for this cluster
         * @param port the multicast port
         * @return a copy using that group and port
         */
        public Udp withGroup(String group, int port) {
            return new Udp(bindAddress, bindPort, group, port, ttl);
        }
    }

    /** SHARED_LOOPBACK + SHARED_LOOPBACK_PING: members of the same JVM only. */
    record SharedLoopback() implements Transport {
        /** @return {@value Transport#DEFAULT_BIND_ADDRESS}, used by FD_SOCK2 */
        @Override
        public String bindAddress() {
            return DEFAULT_BIND_ADDRESS;
        }
    }

    private static String checkBindAddress(String field, String address) {
        String a = address == null ? "" : address.trim();
        if (a.isEmpty()) {
            throw new IllegalArgumentException(field + ": expected an address such as 127.0.0.1 but got '"
                    + address + "'");
        }
        if (a.equals("0.0.0.0") || a.equals("::") || a.equals("[::]")) {
            throw new IllegalArgumentException(field + ": '" + address + "' listens on every interface; give the "
                    + "address of the cluster interface");
        }
        return a;
    }

    private static void checkPort(String field, int port, boolean zeroAllowed) {
        if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
            throw new IllegalArgumentException(field + ": expected " + (zeroAllowed ? "0" : "1") + "..65535 but got "
                    + port);
        }
    }
}
