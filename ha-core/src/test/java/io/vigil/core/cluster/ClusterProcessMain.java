package io.vigil.core.cluster;

import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Resource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * A cluster node in its own JVM, driven over stdin/stdout by {@link ClusterProcess} (multi-process tests).
 * Args: cluster name, node name, data dir, comma-separated node list, bind port, initial hosts.
 * Commands: {@code status}, {@code add <id>}, {@code quit}. Output lines start with a keyword.
 */
public final class ClusterProcessMain {
    private ClusterProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        ClusterNode node = ClusterNode.builder().clusterName(args[0]).nodeName(args[1]).dataDirectory(Path.of(args[2]))
                .nodes(args[3].split(",")).tcp("127.0.0.1", Integer.parseInt(args[4]), args[5]).profile("fast")
                .build();
        node.addListener(e -> {
            if (e.type() == ClusterEvent.Type.CIB_REPAIRED || e.type() == ClusterEvent.Type.DC_ELECTED) {
                out("EVENT " + e.type() + " " + e.detail());
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
                        CibVersion v = node.updateConfiguration(SimulationTest.addResource(cmd[1]))
                                .get(30, TimeUnit.SECONDS);
                        out("ADDED " + cmd[1] + " " + v);
                    } catch (Exception e) {
                        out("FAILED " + cmd[1] + " " + (e.getCause() != null ? e.getCause() : e));
                    }
                }
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

    static String status(ClusterSnapshot s) {
        StringJoiner ids = new StringJoiner(",");
        for (Resource r : s.cib().configuration().resources()) {
            ids.add(r.id());
        }
        return "STATUS dc=" + s.dc() + " quorate=" + s.quorate() + " members=" + String.join(",", s.members())
                + " version=" + s.cib().version() + " intact=" + s.cibIntact() + " resources=" + ids;
    }

    private static synchronized void out(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
