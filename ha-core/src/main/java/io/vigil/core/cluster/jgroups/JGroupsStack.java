package io.vigil.core.cluster.jgroups;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jgroups.JChannel;
import org.jgroups.conf.ProtocolConfiguration;
import org.jgroups.conf.XmlConfigurator;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.SERIALIZE;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.stack.Configurator;
import org.jgroups.stack.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the JGroups channel of a Vigil node: a shipped {@link Profile} (or the user's own XML), placed on a
 * {@link Transport}, secured with a {@link ClusterKey}.
 *
 * <pre>{@code
 * JChannel ch = JGroupsStack.builder()
 *         .profile(Profile.FAST)
 *         .transport(Transport.tcp("10.0.0.5", 7800, List.of("10.0.0.5[7800]", "10.0.0.6[7800]")))
 *         .key(ClusterKey.load(Path.of("/etc/vigil/authkey")))
 *         .nodeName("node-a")
 *         .build();          // not connected yet: ch.connect("my-cluster")
 * }</pre>
 *
 * <p>With a key, the stack becomes (bottom to top) transport, discovery, [DISCARD], {@link MessageMac} (an
 * HMAC-SHA256 over every encrypted message: encrypt-then-MAC), {@code SYM_ENCRYPT}
 * (AES/CBC/PKCS5Padding, random 16-byte IV per message, key derived from the cluster key), {@code SERIALIZE}
 * (so headers, including header-only control messages and the AUTH token, are encrypted too), the profile's
 * failure detection, reliability and flow control, and {@code AUTH} with an {@link HmacAuthToken} directly below
 * {@code GMS}. Only discovery (cluster name, addresses, logical names), FD_SOCK2's socket probes and a copy of the
 * GMS header (message type, member address) travel in clear. A node without the right key cannot join (its
 * JOIN_REQ fails the MAC, so it ends up alone in a singleton view: see {@link ViewCheck}) and cannot inject
 * messages (they are dropped before decryption). docs/transport.md has the whole security model.
 *
 * <p>Without a key the channel works but nothing is encrypted or authenticated; a WARN is logged once per JVM.
 *
 * <p><b>User XML</b> ({@link Builder#config(Path)}): Vigil checks that the protocols it relies on are present
 * (a transport, discovery, MERGE3, a failure detector, NAKACK2/NAKACK4, UNICAST3/UNICAST4, STABLE, GMS) and
 * refuses the file otherwise, naming what is missing. It then only inserts what it must: the security protocols
 * when a key is given (the file must then not contain its own SYM_ENCRYPT, ASYM_ENCRYPT, SERIALIZE or AUTH),
 * DISCARD when partition injection is asked for, FD_SOCK2's bind_addr when missing (copied from the transport,
 * since FD_SOCK2 would otherwise listen on every interface), and the transport when one is given explicitly.
 * Everything else is used as written.
 */
public final class JGroupsStack {

    private static final Logger LOG = LoggerFactory.getLogger(JGroupsStack.class);
    private static final AtomicBoolean INSECURE_WARNED = new AtomicBoolean();

    /** Transformation used by SYM_ENCRYPT; JGroups' own default ("AES") would mean ECB. */
    static final String SYM_ALGORITHM = "AES/CBC/PKCS5Padding";
    /** IV length for {@link #SYM_ALGORITHM}, bytes. */
    static final int SYM_IV_LENGTH = 16;

    private static final Set<String> SECURITY_PROTOCOLS = Set.of("SYM_ENCRYPT", "ASYM_ENCRYPT", "SERIALIZE", "AUTH",
            "SSL_KEY_EXCHANGE");
    private static final Set<String> TRANSPORTS = Set.of("TCP", "TCP_NIO2", "UDP", "SHARED_LOOPBACK", "TUNNEL");
    private static final Set<String> DISCOVERIES = Set.of("PING", "TCPPING", "MPING", "SHARED_LOOPBACK_PING",
            "FILE_PING", "JDBC_PING", "JDBC_PING2", "DNS_PING", "TCPGOSSIP", "KUBE_PING", "S3_PING", "NATIVE_S3_PING",
            "BPING", "LOCAL_PING", "RED_PING", "AZURE_PING", "GOOGLE_PING2");
    private static final Set<String> FAILURE_DETECTORS = Set.of("FD_ALL3", "FD_ALL", "FD_ALL2", "FD_SOCK",
            "FD_SOCK2", "FD_HOST");

    private JGroupsStack() {
    }

    /** Lets a test observe the once-per-JVM warning again. */
    static void forgetInsecureWarning() {
        INSECURE_WARNED.set(false);
    }

    /** @return a builder with the defaults described on each of its methods */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent, single-use builder; every argument is checked when given. */
    public static final class Builder {
        private Profile profile = Profile.DEFAULT;
        private String userXml;
        private String userXmlOrigin;
        private Transport transport;
        private ClusterKey key;
        private boolean partitionInjection;
        private String nodeName;

        private Builder() {
        }

        /**
         * @param profile the shipped stack to use; default {@link Profile#DEFAULT}. Replaces an earlier
         *     {@link #config(Path)}.
         * @return this
         */
        public Builder profile(Profile profile) {
            if (profile == null) {
                throw new IllegalArgumentException("profile: must not be null");
            }
            this.profile = profile;
            this.userXml = null;
            return this;
        }

        /**
         * Uses the user's own JGroups XML instead of a profile (see the class comment for what Vigil checks and
         * inserts).
         *
         * @param file a JGroups XML configuration
         * @return this
         * @throws IOException if the file cannot be read
         */
        public Builder config(Path file) throws IOException {
            if (file == null) {
                throw new IllegalArgumentException("config: file must not be null");
            }
            return configXml(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }

        /**
         * Like {@link #config(Path)}, from XML text.
         *
         * @param xml a JGroups XML configuration
         * @param origin where it came from, used in error messages
         * @return this
         */
        public Builder configXml(String xml, String origin) {
            if (xml == null || xml.isBlank()) {
                throw new IllegalArgumentException("config: the JGroups XML from " + origin + " is empty");
            }
            this.userXml = xml;
            this.userXmlOrigin = origin;
            return this;
        }

        /**
         * @param transport transport and discovery; default for a profile
         *     {@code Transport.tcp("127.0.0.1", 7800, ["127.0.0.1[7800]"])}; for user XML, default is the XML's
         *     own transport
         * @return this
         */
        public Builder transport(Transport transport) {
            if (transport == null) {
                throw new IllegalArgumentException("transport: must not be null");
            }
            this.transport = transport;
            return this;
        }

        /**
         * @param key the cluster key; every member needs the same one. Default none: traffic is neither
         *     encrypted nor authenticated (a WARN is logged once per JVM). Null means none.
         * @return this
         */
        public Builder key(ClusterKey key) {
            this.key = key;
            return this;
        }

        /**
         * @param enabled whether to insert a {@code DISCARD} protocol above discovery so that tests can cut links
         *     with {@link PartitionInjector}; default false. Never enable in production.
         * @return this
         */
        public Builder partitionInjection(boolean enabled) {
            this.partitionInjection = enabled;
            return this;
        }

        /**
         * @param name the logical name of the node in views and logs, e.g. {@code "node-a"}; default none
         *     (JGroups generates one)
         * @return this
         */
        public Builder nodeName(String name) {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("nodeName: must not be blank");
            }
            this.nodeName = name;
            return this;
        }

        /**
         * Builds the protocol list, bottom (transport) first, without creating a channel.
         *
         * @return the configured protocols; pass to {@code new JChannel(list)}
         * @throws IllegalArgumentException if the configuration is unusable (the message says why)
         * @throws Exception if JGroups cannot create or configure a protocol
         */
        public List<Protocol> buildProtocols() throws Exception {
            List<ProtocolConfiguration> configs = parse();
            String origin = userXml != null ? userXmlOrigin : profile.resourceName();
            checkRequired(configs, origin);
            if (userXml == null || transport != null) {
                placeTransport(configs, transport != null ? transport
                        : Transport.tcp(Transport.DEFAULT_BIND_ADDRESS, Transport.DEFAULT_PORT,
                                List.of(Transport.DEFAULT_BIND_ADDRESS + "[" + Transport.DEFAULT_PORT + "]")));
            }
            bindFdSock(configs, origin);
            warnAboutDiagnostics(configs, origin);
            if (key != null) {
                for (ProtocolConfiguration c : configs) {
                    if (SECURITY_PROTOCOLS.contains(simpleName(c))) {
                        throw new IllegalArgumentException("config " + origin + ": contains " + simpleName(c)
                                + " but a cluster key is configured; Vigil adds its own encryption and "
                                + "authentication, so remove " + simpleName(c) + " from the XML or configure no key");
                    }
                }
            }
            for (ProtocolConfiguration c : configs) {
                c.substituteVariables();
            }
            List<Protocol> protocols = new ArrayList<>(Configurator.createProtocolsAndInitializeAttrs(configs, null));
            int aboveDiscovery = 2;
            if (partitionInjection && indexOf(protocols, DISCARD.class) < 0) {
                protocols.add(aboveDiscovery++, new DISCARD());
            }
            if (key != null) {
                SYM_ENCRYPT encrypt = new SYM_ENCRYPT().symAlgorithm(SYM_ALGORITHM).symIvLength(SYM_IV_LENGTH);
                encrypt.setSecretKey(key.encryptionKey());
                protocols.add(aboveDiscovery++, new MessageMac(key.messageMacKey()));
                protocols.add(aboveDiscovery++, encrypt);
                protocols.add(aboveDiscovery, new SERIALIZE());
                int gms = indexOfName(protocols, "GMS");
                AUTH auth = new AUTH();
                HmacAuthToken token = new HmacAuthToken(key.authenticationKey());
                token.setAuth(auth);
                auth.setAuthToken(token);
                protocols.add(gms, auth);
                LOG.info("cluster traffic encrypted ({}), MAC'd and authenticated (HMAC-SHA256) with cluster key {}",
                        SYM_ALGORITHM, key.fingerprint());
            } else if (!hasEncryption(protocols) && INSECURE_WARNED.compareAndSet(false, true)) {
                LOG.warn("No cluster key configured: cluster traffic is NOT encrypted or authenticated. Any host "
                        + "that can reach this node's transport can join the cluster and read or inject "
                        + "messages. Generate a key with ClusterKey.generate (or the ClusterKeygen command), "
                        + "copy it to every node and configure it.");
            }
            return protocols;
        }

        /**
         * Builds the channel (not connected).
         *
         * @return a new channel; the caller connects it to the cluster name and closes it
         * @throws IllegalArgumentException if the configuration is unusable (the message says why)
         * @throws Exception if JGroups cannot create the channel
         */
        public JChannel build() throws Exception {
            JChannel channel = new JChannel(buildProtocols());
            if (nodeName != null) {
                channel.name(nodeName);
            }
            return channel;
        }

        private List<ProtocolConfiguration> parse() throws IOException {
            try (InputStream in = userXml != null
                    ? new ByteArrayInputStream(userXml.getBytes(StandardCharsets.UTF_8)) : profile.open()) {
                return new ArrayList<>(XmlConfigurator.getInstance(in).getProtocolStack());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("config " + (userXml != null ? userXmlOrigin
                        : profile.resourceName()) + ": not a readable JGroups XML stack: " + e.getMessage(), e);
            }
        }
    }

    private static void checkRequired(List<ProtocolConfiguration> configs, String origin) {
        List<String> names = new ArrayList<>();
        for (ProtocolConfiguration c : configs) {
            names.add(simpleName(c));
        }
        List<String> missing = new ArrayList<>();
        if (names.size() < 2 || !TRANSPORTS.contains(names.get(0))) {
            missing.add("a transport as the first protocol (one of " + sorted(TRANSPORTS) + ")");
        }
        if (names.size() < 2 || !DISCOVERIES.contains(names.get(1))) {
            missing.add("a discovery protocol as the second protocol (one of " + sorted(DISCOVERIES) + ")");
        }
        requireOne(names, missing, "MERGE3");
        requireOne(names, missing, "FD_ALL3", "FD_ALL", "FD_ALL2", "FD_SOCK", "FD_SOCK2", "FD_HOST");
        requireOne(names, missing, "NAKACK2", "NAKACK4");
        requireOne(names, missing, "UNICAST3", "UNICAST4");
        requireOne(names, missing, "STABLE");
        requireOne(names, missing, "GMS");
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("config " + origin + ": missing " + String.join("; ", missing)
                    + " (found " + names + ")");
        }
    }

    private static void requireOne(List<String> names, List<String> missing, String... anyOf) {
        for (String a : anyOf) {
            if (names.contains(a)) {
                return;
            }
        }
        missing.add(anyOf.length == 1 ? anyOf[0] : "one of " + List.of(anyOf));
    }

    /** Replaces (or, for the same protocol, re-addresses) the bottom two protocols with the given transport. */
    private static void placeTransport(List<ProtocolConfiguration> configs, Transport transport) {
        ProtocolConfiguration oldTransport = configs.get(0);
        Map<String, String> carried = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : oldTransport.getProperties().entrySet()) {
            String k = e.getKey();
            if (k.startsWith("thread_pool.") || k.equals("use_virtual_threads") || k.startsWith("diag.")) {
                carried.put(k, e.getValue());
            }
        }
        carried.put("diag.enabled", "false");
        String transportName;
        String discoveryName;
        Map<String, String> t = new LinkedHashMap<>();
        Map<String, String> d = new LinkedHashMap<>();
        if (transport instanceof Transport.Tcp) {
            Transport.Tcp tcp = (Transport.Tcp) transport;
            transportName = "TCP";
            discoveryName = "TCPPING";
            t.put("bind_addr", tcp.bindAddress());
            t.put("bind_port", Integer.toString(tcp.bindPort()));
            t.put("port_range", Integer.toString(tcp.portRange()));
            d.put("initial_hosts", tcp.initialHostsProperty());
            d.put("port_range", Integer.toString(tcp.portRange()));
            d.put("async_discovery", "true");
        } else if (transport instanceof Transport.Udp) {
            Transport.Udp udp = (Transport.Udp) transport;
            transportName = "UDP";
            discoveryName = "PING";
            t.put("bind_addr", udp.bindAddress());
            t.put("bind_port", Integer.toString(udp.bindPort()));
            t.put("mcast_addr", udp.multicastAddress());
            t.put("mcast_port", Integer.toString(udp.multicastPort()));
            t.put("ip_ttl", Integer.toString(udp.ttl()));
        } else {
            transportName = "SHARED_LOOPBACK";
            discoveryName = "SHARED_LOOPBACK_PING";
        }
        Map<String, String> transportProps = new LinkedHashMap<>();
        if (simpleName(oldTransport).equals(transportName)) {
            transportProps.putAll(oldTransport.getProperties());
        }
        transportProps.putAll(carried);
        transportProps.putAll(t);
        Map<String, String> discoveryProps = new LinkedHashMap<>();
        if (simpleName(configs.get(1)).equals(discoveryName)) {
            discoveryProps.putAll(configs.get(1).getProperties());
        }
        discoveryProps.putAll(d);
        configs.set(0, new ProtocolConfiguration(transportName, transportProps));
        configs.set(1, new ProtocolConfiguration(discoveryName, discoveryProps));
        for (int i = 2; i < configs.size(); i++) {
            if (simpleName(configs.get(i)).equals("FD_SOCK2")) {
                configs.get(i).getProperties().put("bind_addr", transport.bindAddress());
            }
        }
    }

    /** FD_SOCK2 listens on 0.0.0.0 unless told otherwise (JGROUPS-NOTES §6.2); bind it with the transport. */
    private static void bindFdSock(List<ProtocolConfiguration> configs, String origin) {
        String transportAddr = configs.get(0).getProperties().get("bind_addr");
        for (ProtocolConfiguration c : configs) {
            if (simpleName(c).equals("FD_SOCK2") && !c.getProperties().containsKey("bind_addr")) {
                String addr = transportAddr != null ? transportAddr : Transport.DEFAULT_BIND_ADDRESS;
                c.getProperties().put("bind_addr", addr);
                LOG.info("config {}: FD_SOCK2 has no bind_addr; binding it to {} like the transport", origin, addr);
            }
        }
    }

    private static void warnAboutDiagnostics(List<ProtocolConfiguration> configs, String origin) {
        String diag = configs.get(0).getProperties().get("diag.enabled");
        if (diag != null && diag.trim().toLowerCase(Locale.ROOT).equals("true")) {
            LOG.warn("config {}: the transport has diag.enabled=true: JGroups answers diagnostic probes "
                    + "(multicast 224.0.75.75:7500) from anyone on the network", origin);
        }
    }

    private static boolean hasEncryption(List<Protocol> protocols) {
        for (Protocol p : protocols) {
            String n = p.getClass().getSimpleName();
            if (n.equals("SYM_ENCRYPT") || n.equals("ASYM_ENCRYPT")) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<Protocol> protocols, Class<? extends Protocol> type) {
        for (int i = 0; i < protocols.size(); i++) {
            if (type.isInstance(protocols.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfName(List<Protocol> protocols, String simpleName) {
        for (int i = 0; i < protocols.size(); i++) {
            if (protocols.get(i).getClass().getSimpleName().equals(simpleName)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + simpleName + " in the stack");
    }

    /** {@code "pbcast.GMS"} and {@code "org.jgroups.protocols.pbcast.GMS"} are both {@code "GMS"}. */
    static String simpleName(ProtocolConfiguration c) {
        String n = c.getProtocolName();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(dot + 1);
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        java.util.Collections.sort(l);
        return l;
    }
}
