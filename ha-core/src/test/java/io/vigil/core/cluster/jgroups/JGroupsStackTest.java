package io.vigil.core.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.EncryptHeader;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.stack.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JGroupsStackTest {

    @TempDir
    Path dir;

    private static List<String> names(List<Protocol> protocols) {
        List<String> names = new ArrayList<>();
        for (Protocol p : protocols) {
            names.add(p.getClass().getSimpleName());
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Protocol> T find(List<Protocol> protocols, Class<T> type) {
        for (Protocol p : protocols) {
            if (type.isInstance(p)) {
                return (T) p;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + names(protocols));
    }

    @Test
    void with_a_key_encryption_sits_above_discovery_and_auth_directly_below_gms() throws Exception {
        List<Protocol> stack = JGroupsStack.builder().profile(Profile.FAST).key(ClusterKey.random())
                .partitionInjection(true).buildProtocols();

        assertThat(names(stack)).containsExactly("TCP", "TCPPING", "DISCARD", "MessageMac", "SYM_ENCRYPT", "SERIALIZE", "MERGE3",
                "FD_SOCK2", "FD_ALL3", "VERIFY_SUSPECT2", "BARRIER", "NAKACK2", "UNICAST3", "STABLE", "AUTH", "GMS",
                "UFC", "MFC", "FRAG2");
        SYM_ENCRYPT encrypt = find(stack, SYM_ENCRYPT.class);
        assertThat(encrypt.symAlgorithm()).isEqualTo("AES/CBC/PKCS5Padding");
        assertThat(encrypt.simIvLength()).isEqualTo(16);
        assertThat(find(stack, AUTH.class).getAuthToken()).isInstanceOf(HmacAuthToken.class);
    }

    @Test
    void without_a_key_the_stack_has_no_security_protocols() throws Exception {
        assertThat(names(JGroupsStack.builder().profile(Profile.DEFAULT).buildProtocols()))
                .doesNotContain("MessageMac", "SYM_ENCRYPT", "SERIALIZE", "AUTH", "DISCARD");
    }

    @Test
    void without_a_key_building_works_and_warns_exactly_once() throws Exception {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        JGroupsStack.forgetInsecureWarning();
        try {
            System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            JGroupsStack.builder().buildProtocols();
            JGroupsStack.builder().transport(Transport.sharedLoopback()).buildProtocols();
            JGroupsStack.builder().key(ClusterKey.random()).buildProtocols();
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log.split("NOT encrypted", -1)).as(log).hasSize(2);
        assertThat(log).contains("WARN").contains("No cluster key configured");
    }

    @Test
    void by_default_everything_binds_to_loopback_with_diagnostics_off() throws Exception {
        List<Protocol> stack = JGroupsStack.builder().buildProtocols();
        TCP tcp = find(stack, TCP.class);

        assertThat(tcp.getBindAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(tcp.getBindPort()).isEqualTo(7800);
        assertThat(tcp.getDiagnosticsHandler() == null || !tcp.getDiagnosticsHandler().isEnabled()).isTrue();
        assertThat(find(stack, FD_SOCK2.class).getBindAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void the_transport_given_replaces_address_port_and_initial_hosts_of_the_profile() throws Exception {
        List<Protocol> stack = JGroupsStack.builder().profile(Profile.WAN)
                .transport(Transport.tcp("127.0.0.2", 9000, List.of("127.0.0.2:9000", "127.0.0.3[9000]")))
                .buildProtocols();

        TCP tcp = find(stack, TCP.class);
        assertThat(tcp.getBindAddress()).isEqualTo(InetAddress.getByName("127.0.0.2"));
        assertThat(tcp.getBindPort()).isEqualTo(9000);
        String hosts = org.jgroups.stack.Configurator.getValueFromObject(find(stack, TCPPING.class), "initial_hosts_str");
        assertThat(hosts).isEqualTo("127.0.0.2[9000],127.0.0.3[9000]");
        assertThat(find(stack, FD_SOCK2.class).getBindAddress()).isEqualTo(InetAddress.getByName("127.0.0.2"));
    }

    @Test
    void udp_and_shared_loopback_get_their_own_discovery() throws Exception {
        assertThat(names(JGroupsStack.builder().transport(Transport.udp("127.0.0.1", 0)).buildProtocols())
                .subList(0, 2)).containsExactly("UDP", "PING");
        assertThat(names(JGroupsStack.builder().transport(Transport.sharedLoopback()).buildProtocols())
                .subList(0, 2)).containsExactly("SHARED_LOOPBACK", "SHARED_LOOPBACK_PING");
    }

    @Test
    void profiles_are_found_by_name_in_any_case_and_an_unknown_name_lists_the_choices() {
        assertThat(Profile.fromName("Fast")).isEqualTo(Profile.FAST);
        assertThat(Profile.fromName(" wan ")).isEqualTo(Profile.WAN);
        assertThatThrownBy(() -> Profile.fromName("turbo")).hasMessageContaining("'turbo'")
                .hasMessageContaining("fast, default or wan");
    }

    @Test
    void bad_transport_settings_are_refused_naming_the_field() {
        assertThatThrownBy(() -> Transport.tcp("0.0.0.0", 7800, List.of("a[1]")))
                .hasMessageContaining("tcp.bindAddress").hasMessageContaining("every interface");
        assertThatThrownBy(() -> Transport.tcp("127.0.0.1", 0, List.of("a[1]"))).hasMessageContaining("tcp.bindPort");
        assertThatThrownBy(() -> Transport.tcp("127.0.0.1", 7800, List.of("a[1]", "b")))
                .hasMessageContaining("tcp.initialHosts[1]").hasMessageContaining("'b'");
        assertThatThrownBy(() -> Transport.tcp("127.0.0.1", 7800, List.of()))
                .hasMessageContaining("tcp.initialHosts");
        assertThatThrownBy(() -> new Transport.Udp("127.0.0.1", 0, "10.0.0.1", 45588, 1))
                .hasMessageContaining("udp.multicastAddress");
    }

    private static final String USER_XML = """
            <config xmlns="urn:org:jgroups">
              <TCP bind_addr="127.0.0.1" bind_port="7811" diag.enabled="false"/>
              <TCPPING initial_hosts="127.0.0.1[7811]"/>
              %s
              <FD_SOCK2/>
              <FD_ALL3/>
              <VERIFY_SUSPECT2/>
              <pbcast.NAKACK2/>
              <UNICAST3/>
              <pbcast.STABLE/>
              %s
              <pbcast.GMS/>
              <FRAG2/>
            </config>
            """;

    @Test
    void user_xml_is_used_as_written_apart_from_fd_sock2_bind_addr_and_the_security_protocols() throws Exception {
        Path file = dir.resolve("mine.xml");
        Files.writeString(file, USER_XML.formatted("<MERGE3/>", ""), StandardCharsets.UTF_8);

        List<Protocol> stack = JGroupsStack.builder().config(file).key(ClusterKey.random()).buildProtocols();

        assertThat(names(stack)).containsExactly("TCP", "TCPPING", "MessageMac", "SYM_ENCRYPT", "SERIALIZE", "MERGE3", "FD_SOCK2",
                "FD_ALL3", "VERIFY_SUSPECT2", "NAKACK2", "UNICAST3", "STABLE", "AUTH", "GMS", "FRAG2");
        assertThat(find(stack, TCP.class).getBindPort()).isEqualTo(7811);
        assertThat(find(stack, FD_SOCK2.class).getBindAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void user_xml_without_the_protocols_vigil_relies_on_is_refused_listing_all_of_them() {
        String xml = USER_XML.formatted("", "").replace("<pbcast.GMS/>", "");
        assertThatThrownBy(() -> JGroupsStack.builder().configXml(xml, "mine.xml").buildProtocols())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mine.xml").hasMessageContaining("MERGE3").hasMessageContaining("GMS");
    }

    @Test
    void user_xml_with_its_own_encryption_is_refused_when_a_key_is_also_given() {
        String xml = USER_XML.formatted("<MERGE3/>", "<AUTH auth_class=\"org.jgroups.auth.X509Token\"/>");
        assertThatThrownBy(() -> JGroupsStack.builder().configXml(xml, "mine.xml").key(ClusterKey.random())
                .buildProtocols())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains AUTH");
    }

    /** Records what passes down below the security protocols, i.e. what goes to the network. */
    static final class WireSpy extends Protocol {
        final List<Message> sent = new CopyOnWriteArrayList<>();

        @Override
        public Object down(Message msg) {
            sent.add(msg.copy(true, true));
            return down_prot.down(msg);
        }
    }

    @Test
    void with_a_key_payloads_and_protocol_headers_never_reach_the_network_in_clear() throws Exception {
        ClusterKey key = ClusterKey.random();
        String cluster = Nodes.uniqueClusterName("wire");
        List<Node> nodes = new ArrayList<>();
        List<WireSpy> spies = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                List<Protocol> stack = JGroupsStack.builder().profile(Profile.FAST)
                        .transport(Transport.sharedLoopback()).key(key).buildProtocols();
                WireSpy spy = new WireSpy();
                stack.add(names(stack).indexOf("MessageMac"), spy);
                spies.add(spy);
                nodes.add(new Node(new JChannel(stack)).connect(cluster));
            }
            Nodes.awaitSameView(Duration.ofSeconds(10), nodes);
            nodes.get(0).send(null, "TOP-SECRET-PAYLOAD");
            await().atMost(Duration.ofSeconds(5)).until(() -> nodes.get(1).delivered.contains("TOP-SECRET-PAYLOAD"));
        } finally {
            Nodes.closeAll(nodes);
        }

        byte[] marker = "TOP-SECRET-PAYLOAD".getBytes(StandardCharsets.UTF_8);
        int checked = 0;
        for (WireSpy spy : spies) {
            for (Message m : spy.sent) {
                // SERIALIZE leaves a copy of the GMS header (message type and member address) outside for the
                // transport; the receiver uses the encrypted inner copy. Everything else is inside the ciphertext.
                List<String> clearHeaders = new ArrayList<>();
                for (org.jgroups.Header h : m.getHeaders().values()) {
                    clearHeaders.add(h.getClass().getSimpleName());
                }
                assertThat(clearHeaders).as("headers in clear of %s", m).contains("EncryptHeader")
                        .contains("MacHeader").isSubsetOf("EncryptHeader", "GmsHeader", "MacHeader");
                Object encryptHeader = m.getHeader(ClassConfigurator.getProtocolId(SYM_ENCRYPT.class));
                assertThat(encryptHeader).as("SYM_ENCRYPT header").isNotNull();
                assertThat(m.hasArray() ? new String(m.getArray(), StandardCharsets.ISO_8859_1) : "")
                        .doesNotContain(new String(marker, StandardCharsets.ISO_8859_1));
                checked++;
            }
        }
        assertThat(checked).as("messages seen on the wire").isGreaterThan(3);
    }

    /** Flips a bit of the IV of outgoing unicasts while enabled: CBC alone would decrypt them, altered. */
    static final class IvFlipper extends Protocol {
        volatile boolean enabled;

        @Override
        public Object down(Message msg) {
            EncryptHeader h = msg.getHeader(ClassConfigurator.getProtocolId(SYM_ENCRYPT.class));
            if (!enabled || h == null || h.iv() == null || msg.dest() == null) {
                return down_prot.down(msg);
            }
            byte[] iv = h.iv().clone();
            // Without MessageMac, this one-bit change made the receiver deliver the message with a null payload.
            iv[1] ^= 1;
            Message altered = msg.copy(true, true).putHeader(h.getProtId(),
                    new EncryptHeader((byte) 0, h.version(), iv).needsDeserialization(h.needsDeserialization()));
            return down_prot.down(altered);
        }
    }

    @Test
    void a_message_altered_on_the_way_is_dropped_and_its_retransmission_delivered() throws Exception {
        ClusterKey key = ClusterKey.random();
        String cluster = Nodes.uniqueClusterName("tamper");
        List<Node> nodes = new ArrayList<>();
        IvFlipper flipper = new IvFlipper();
        try {
            for (int i = 0; i < 2; i++) {
                List<Protocol> stack = JGroupsStack.builder().profile(Profile.FAST)
                        .transport(Transport.sharedLoopback()).key(key).buildProtocols();
                if (i == 0) {
                    stack.add(names(stack).indexOf("MessageMac"), flipper); // on the wire, below the MAC
                }
                nodes.add(new Node(new JChannel(stack)).connect(cluster));
            }
            Nodes.awaitSameView(Duration.ofSeconds(10), nodes);

            flipper.enabled = true;
            nodes.get(0).send(nodes.get(1).address(), "transfer 100 to alice");
            Thread.sleep(600); // several retransmission rounds (xmit_interval 200 ms), all altered
            assertThat(nodes.get(1).delivered).isEmpty();

            flipper.enabled = false;
            await().atMost(Duration.ofSeconds(5)).until(() -> !nodes.get(1).delivered.isEmpty());
            assertThat(nodes.get(1).delivered).containsExactly("transfer 100 to alice");
        } finally {
            Nodes.closeAll(nodes);
        }
    }
}
