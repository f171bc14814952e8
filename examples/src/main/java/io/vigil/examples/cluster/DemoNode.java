package io.vigil.examples.cluster;

import io.vigil.core.cluster.ClusterEvent;
import io.vigil.core.cluster.ClusterNode;
import io.vigil.core.cluster.ClusterSnapshot;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Resource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One cluster node in its own JVM, driven over stdin/stdout by {@link ClusterDemo} and the cluster benchmark.
 *
 * <p>Arguments: cluster name, node name, data directory, node list (comma-separated), TCP port, initial hosts,
 * profile (fast/default/wan), and optionally a cluster key file. Commands on stdin: {@code status}, {@code add <id>}, {@code bench <n> <prefix>},
 * {@code quit}. Every output line starts with a keyword: {@code STARTED}, {@code EVENT <epoch-ms> <type> <text>},
 * {@code STATUS k=v ...}, {@code ADDED}, {@code FAILED}, {@code LATENCIES <ms,...>}, {@code BYE}.
 */
public final class DemoNode {
    private DemoNode() {
    }

    /** Adds a dummy resource with this id. */
    static UnaryOperator<Configuration> addResource(String id) {
        return c -> c.toBuilder().primitive(id, "ocf:heartbeat:Dummy").build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: DemoNode <cluster> <node> <dataDir> <n1,n2,..> <port> <initialHosts> <profile> [keyFile]");
            System.exit(2);
        }
        ClusterNode.Builder b = ClusterNode.builder().clusterName(args[0]).nodeName(args[1])
                .dataDirectory(Path.of(args[2])).nodes(args[3].split(","))
                .tcp("127.0.0.1", Integer.parseInt(args[4]), args[5]).profile(args[6]);
        if (args.length > 7) {
            b.clusterKey(Path.of(args[7]));
        }
        ClusterNode node = b.build();
        node.addListener(e -> {
            if (e.type() != ClusterEvent.Type.CIB_CHANGED) {
                out("EVENT " + System.currentTimeMillis() + " " + e.type() + " " + e.detail());
            }
        });
        node.start();
        out("STARTED " + args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] cmd = line.trim().split(" ");
            switch (cmd[0]) {
                case "status" -> out(status(node.snapshot()));
                case "add" -> {
                    try {
                        CibVersion v = node.updateConfiguration(addResource(cmd[1])).get(30, TimeUnit.SECONDS);
                        out("ADDED " + cmd[1] + " " + v);
                    } catch (Exception e) {
                        Throwable t = e.getCause() != null ? e.getCause() : e;
                        out("FAILED " + cmd[1] + " " + t.getClass().getSimpleName() + ": " + t.getMessage());
                    }
                }
                case "bench" -> out(bench(node, Integer.parseInt(cmd[1]), cmd[2]));
                case "quit" -> {
                    node.close();
                    out("BYE");
                    System.exit(0);
                }
                default -> out("UNKNOWN " + line);
            }
        }
        node.close();
    }

    private static String bench(ClusterNode node, int n, String prefix) {
        List<String> ms = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                node.updateConfiguration(addResource(prefix + i)).get(30, TimeUnit.SECONDS);
                ms.add(String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - t0) / 1e6));
            }
        } catch (Exception e) {
            return "FAILED bench " + e;
        }
        return "LATENCIES " + String.join(",", ms);
    }

    static String status(ClusterSnapshot s) {
        List<String> ids = new ArrayList<>();
        for (Resource r : s.cib().configuration().resources()) {
            ids.add(r.id());
        }
        Collections.sort(ids);
        StringJoiner j = new StringJoiner(",");
        ids.forEach(j::add);
        StringJoiner states = new StringJoiner(",");
        s.cib().status().nodes().forEach(n -> states.add(n.name() + ":" + n.state()));
        return "STATUS dc=" + s.dc() + " quorate=" + s.quorate() + " votes=" + s.votes() + "/" + s.expectedVotes()
                + " members=" + String.join(",", s.members()) + " version=" + s.cib().version() + " intact="
                + s.cibIntact() + " resources=" + j + " nodes=" + states;
    }

    private static synchronized void out(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
