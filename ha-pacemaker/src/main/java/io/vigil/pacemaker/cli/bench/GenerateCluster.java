package io.vigil.pacemaker.cli.bench;

import io.vigil.pacemaker.bench.ClusterGenerator;
import io.vigil.pacemaker.bench.GeneratedCluster;
import io.vigil.pacemaker.bench.CibXmlWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a generated cluster ({@link ClusterGenerator}) as a Pacemaker CIB XML file.
 *
 * <pre>
 * java -cp vigil-pacemaker.jar io.vigil.pacemaker.cli.bench.GenerateCluster NODES RESOURCES SEED OUT.xml [--failed-node]
 * </pre>
 *
 * <p>Without {@code --failed-node} the status is "from scratch": every node online, nothing probed or
 * running. With it, the status is the converged cluster right after one node was lost (offline, fencing
 * disabled). Prints one line describing the cluster on standard error. Exit code 2 on bad arguments.
 */
public final class GenerateCluster {
    private GenerateCluster() {
    }

    /**
     * Entry point.
     *
     * @param args NODES RESOURCES SEED OUT.xml [--failed-node]
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        boolean failed = false;
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--failed-node")) {
                failed = true;
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 4) {
            System.err.println("usage: GenerateCluster NODES RESOURCES SEED OUT.xml [--failed-node]");
            System.exit(2);
            return;
        }
        int nodes;
        int resources;
        long seed;
        try {
            nodes = Integer.parseInt(positional.get(0));
            resources = Integer.parseInt(positional.get(1));
            seed = Long.parseLong(positional.get(2));
        } catch (NumberFormatException e) {
            System.err.println("NODES, RESOURCES and SEED must be integers: " + e.getMessage());
            System.exit(2);
            return;
        }
        GeneratedCluster cluster;
        try {
            cluster = ClusterGenerator.generate(nodes, resources, seed);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path out = Path.of(positional.get(3));
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                StandardCharsets.UTF_8), 1 << 16)) {
            CibXmlWriter.write(cluster.configuration(), failed ? cluster.nodeFailure() : cluster.scratch(),
                    cluster.now(), w);
        }
        System.err.printf("%s: %d nodes, %d primitives, %d top-level resources, %d constraints, %s%n", out, nodes,
                cluster.primitiveCount(), cluster.configuration().resources().size(),
                cluster.configuration().constraints().size(),
                failed ? "converged, " + cluster.failedNode() + " offline" : "from scratch");
    }
}
