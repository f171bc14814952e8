package io.vigil.examples.cluster;

import io.vigil.core.cluster.jgroups.ClusterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A scripted three-node cluster, each node in its own JVM over TCP on 127.0.0.1: formation, a change forwarded
 * to the DC, kill -9 of the DC and the take-over, loss of quorum, and the nodes coming back. Prints what
 * happens as it happens, including the transition the DC plans after each change (where each resource would
 * start, what it would fence), and ends by itself (about 30-60 s). Run it with {@code bash examples/demo.sh}.
 */
public final class ClusterDemo {
    private static final long START = System.nanoTime();
    private static final List<String> NAMES = List.of("n1", "n2", "n3");

    /** The last plan printed, with its DC: a DC re-plans after every commit, but only a changed plan is news. */
    private static final java.util.concurrent.atomic.AtomicReference<String> LAST_PLAN =
            new java.util.concurrent.atomic.AtomicReference<>("");

    private final List<NodeProcess> nodes = new ArrayList<>();

    private ClusterDemo() {
    }

    public static void main(String[] args) throws Exception {
        ClusterDemo demo = new ClusterDemo();
        try {
            demo.run();
        } finally {
            demo.nodes.forEach(NodeProcess::close);
        }
        System.exit(0);
    }

    private static synchronized void say(String text) {
        System.out.printf(Locale.ROOT, "[%5.1fs] %s%n", (System.nanoTime() - START) / 1e9, text);
        System.out.flush();
    }

    private static void live(String event) {
        // "<node> <millis> <TYPE> <detail>"
        String[] p = event.split(" ", 4);
        if (p.length < 4) {
            return;
        }
        switch (p[2]) {
            case "QUORUM_GAINED", "QUORUM_LOST", "DC_ELECTED", "CIB_REPAIRED", "CIB_CONFLICT_RESOLVED",
                    "SCHEDULER_FAILED" ->
                    say("   live | " + p[0] + ": " + p[2].toLowerCase(Locale.ROOT).replace('_', ' ') + " - " + p[3]);
            case "TRANSITION_PLANNED" -> {
                if (!LAST_PLAN.getAndSet(p[0] + ": " + p[3]).equals(p[0] + ": " + p[3])) {
                    say("   live | DC " + p[0] + " plans: " + p[3]);
                }
            }
            default -> {
            }
        }
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("vigil-demo-");
        int port = NodeProcess.freePorts(NAMES.size() + 2);
        String cluster = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        String hosts = "127.0.0.1[" + port + "]";
        say("Vigil cluster demo: 3 nodes, each in its own JVM, TCP on 127.0.0.1:" + port + "-" + (port + 2)
                + ", profile 'fast'");
        say("Data and node logs in " + dir);
        Path keyFile = dir.resolve("cluster.key");
        ClusterKey key = ClusterKey.generate(keyFile);
        say("Generated cluster key " + key.fingerprint() + ": traffic is encrypted and authenticated");
        for (int i = 0; i < NAMES.size(); i++) {
            String n = NAMES.get(i);
            nodes.add(new NodeProcess(cluster, n, dir.resolve(n), NAMES, port + i, hosts, "fast", keyFile,
                    dir.resolve(n + ".log"), ClusterDemo::live));
        }

        say("");
        say("STEP 1  Start n1, n2 and n3. Quorum needs 2 of 3 votes; the coordinator of a quorate partition"
                + " becomes DC after its join round.");
        say("        After every CIB change it commits, the DC runs the scheduler and plans a transition (shown as"
                + " 'DC .. plans:'). No executor yet: plans are computed, not carried out.");
        for (NodeProcess n : nodes) {
            n.start();
        }
        waitFor(all(), "one DC, all quorate", 60_000);
        table();

        pause();
        say("");
        say("STEP 2  Add resource 'web' through n3: forwarded to the DC, validated, written, and acknowledged"
                + " once a majority has it on disk.");
        say("        n3 -> " + node("n3").add("web"));
        waitFor(all(), "every node holds the new CIB", 10_000);
        table();

        String dc = node("n1").status().get("dc");
        NodeProcess victim = node(dc);
        pause();
        say("");
        say("STEP 3  kill -9 the DC (" + dc + ", pid " + victim.pid() + "). The survivors detect it, the new"
                + " coordinator runs a join round and takes over.");
        long t0 = System.nanoTime();
        victim.kill9();
        List<NodeProcess> rest = nodes.stream().filter(n -> n != victim).toList();
        waitFor(rest, "a new DC among the survivors", 30_000);
        say(String.format(Locale.ROOT, "        new DC %s, %.0f ms after the kill; the CIB still holds [%s]",
                rest.get(0).status().get("dc"), (System.nanoTime() - t0) / 1e6, rest.get(0).status().get("resources")));
        table();

        pause();
        say("");
        say("STEP 4  Two of three nodes still have quorum: add 'db'.");
        say("        " + rest.get(1).name + " -> " + rest.get(1).add("db"));

        NodeProcess second = rest.get(1);
        NodeProcess lone = rest.get(0);
        pause();
        say("");
        say("STEP 5  kill -9 " + second.name + " too. " + lone.name + " alone has 1 of 3 votes: no quorum, no DC,"
                + " and changes are refused.");
        second.kill9();
        waitUntil(() -> "false".equals(lone.status().get("quorate")), lone.name + " loses quorum", 30_000);
        table();
        say("        " + lone.name + " -> " + lone.add("cache"));

        pause();
        say("");
        say("STEP 6  Bring " + victim.name + " and " + second.name + " back. They load their CIB from disk, rejoin,"
                + " and the cluster settles on one DC and one CIB.");
        victim.start();
        second.start();
        waitFor(all(), "one DC, all quorate, one CIB", 60_000);
        table();

        pause();
        say("");
        String finalDc = node("n1").status().get("dc");
        NodeProcess leaver = nodes.stream().filter(n -> !n.name.equals(finalDc)).findFirst().orElseThrow();
        say("STEP 7  Clean shutdown of " + leaver.name + ": it announces that it is leaving, so the DC marks it"
                + " offline (a crash would be unclean).");
        leaver.quit();
        List<NodeProcess> stay = nodes.stream().filter(n -> n != leaver).toList();
        waitFor(stay, "the DC has written the new membership", 30_000);
        waitUntil(() -> stay.get(0).status().getOrDefault("nodes", "").contains(leaver.name + ":offline"),
                leaver.name + " shown offline", 10_000);
        table();
        say("        ... and the others leave the same way.");
        for (NodeProcess n : stay) {
            n.quit();
        }
        say("Done. Acknowledged changes [db, web] survived a DC crash, a lost quorum and the restarts;"
                + " 'cache' was refused without quorum.");
    }

    /** A short pause so a human can read along. */
    private static void pause() throws InterruptedException {
        Thread.sleep(1_500);
    }

    private NodeProcess node(String name) {
        return nodes.stream().filter(n -> n.name.equals(name)).findFirst().orElseThrow();
    }

    private List<NodeProcess> all() {
        return nodes;
    }

    private void table() {
        for (NodeProcess n : nodes) {
            if (!n.alive()) {
                say(String.format(Locale.ROOT, "        %-3s  DOWN", n.name));
                continue;
            }
            Map<String, String> s = n.status();
            say(String.format(Locale.ROOT, "        %-3s  members=%-9s %-12s votes=%-4s DC=%-4s CIB %-7s resources=[%s]"
                    + "  node states in its CIB: %s",
                    n.name, s.get("members"), "true".equals(s.get("quorate")) ? "quorate" : "NOT quorate",
                    s.get("votes"), s.get("dc"), s.get("version"), s.get("resources"), s.get("nodes")));
        }
    }

    private static void waitFor(List<NodeProcess> group, String what, long timeoutMs) throws InterruptedException {
        waitUntil(() -> {
            List<Map<String, String>> s = group.stream().map(NodeProcess::status).toList();
            Predicate<Map<String, String>> ready = m -> "true".equals(m.get("quorate")) && m.get("dc") != null
                    && !"null".equals(m.get("dc")) && m.get("members").split(",").length == group.size();
            return s.stream().allMatch(ready) && s.stream().map(m -> m.get("dc")).distinct().count() == 1
                    && s.stream().map(m -> m.get("version")).distinct().count() == 1;
        }, what, timeoutMs);
    }

    private static void waitUntil(java.util.function.BooleanSupplier cond, String what, long timeoutMs)
            throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
