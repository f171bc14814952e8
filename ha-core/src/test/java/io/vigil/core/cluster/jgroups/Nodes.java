package io.vigil.core.cluster.jgroups;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jgroups.Address;

/** Helpers to start small test clusters on loopback. */
final class Nodes {
    static final String LOOPBACK = "127.0.0.1";

    private Nodes() {
    }

    static String uniqueClusterName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Free TCP ports on 127.0.0.1 whose FD_SOCK2 companion port (port + 100) is free too. */
    static List<Integer> freePorts(int n) throws IOException {
        List<Integer> ports = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            while (ports.size() < n) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                held.add(s);
                int p = s.getLocalPort();
                if (p + 200 < 65535 && isFree(p + 100)) {
                    ports.add(p);
                }
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return ports;
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One TCP transport per port, each listing all ports as initial hosts (no port ranges). */
    static List<Transport> tcpTransports(List<Integer> ports) {
        List<String> hosts = new ArrayList<>();
        for (int p : ports) {
            hosts.add(LOOPBACK + "[" + p + "]");
        }
        List<Transport> out = new ArrayList<>();
        for (int p : ports) {
            out.add(new Transport.Tcp(LOOPBACK, p, 0, hosts));
        }
        return out;
    }

    static void awaitSameView(Duration timeout, List<Node> nodes) {
        List<Address> expected = new ArrayList<>();
        for (Node n : nodes) {
            expected.add(n.address());
        }
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (Node n : nodes) {
                if (n.view() == null || n.view().size() != expected.size()
                        || !n.view().getMembers().containsAll(expected)) {
                    return false;
                }
            }
            return true;
        });
    }

    static void closeAll(List<Node> nodes) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }
}
