package io.vigil.examples.cluster;

import io.vigil.core.cluster.jgroups.ClusterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The cluster benchmark ({@code bench/run.sh cluster}): every node in its own JVM over TCP on 127.0.0.1.
 * <ul>
 *   <li>{@code dc_failover_<kill9|sigstop>_<profile>}: from kill -9 (or SIGSTOP) of the DC's JVM to the moment
 *   a new DC has finished its join round (the new DC's own DC_ELECTED event), 3 nodes, per profile.</li>
 *   <li>{@code cib_commit_<n>_nodes}: one configuration change submitted on a follower, until the future
 *   completes (forwarded to the DC, validated, fsynced and acknowledged by a majority), sequential.</li>
 * </ul>
 * Every cluster uses a generated cluster key (encrypted and authenticated traffic), as in production.
 * Prints {@code RESULT <metric> p50_ms=<x> p99_ms=<y> max_ms=<z> n=<trials>}. Environment: BENCH_TRIALS
 * (failover trials per metric, default 10), BENCH_COMMITS (default 200), BENCH_PROFILES (default
 * "fast default wan").
 */
public final class ClusterBench {
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final Path dir;

    private ClusterBench(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(System.getenv().getOrDefault("BENCH_TRIALS", "10"));
        int commits = Integer.parseInt(System.getenv().getOrDefault("BENCH_COMMITS", "200"));
        String[] profiles = System.getenv().getOrDefault("BENCH_PROFILES", "fast default wan").trim().split("\\s+");
        ClusterBench b = new ClusterBench(Files.createTempDirectory("vigil-bench-"));
        log("data and node logs in " + b.dir);
        List<String> results = new ArrayList<>();
        for (int n : new int[] {3, 5}) {
            results.add(b.commitLatency(n, commits));
        }
        for (String profile : profiles) {
            results.addAll(b.failover(profile, trials));
        }
        log("summary:");
        results.forEach(System.out::println);
        System.exit(0);
    }

    private static void log(String s) {
        System.out.println("# " + s);
        System.out.flush();
    }

    private List<NodeProcess> cluster(int size, String profile) throws Exception {
        int port = NodeProcess.freePorts(size + 2);
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            names.add("n" + i);
        }
        List<NodeProcess> ps = new ArrayList<>();
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Path keyFile = d.resolve("cluster.key");
        ClusterKey.generate(keyFile);
        for (int i = 0; i < size; i++) {
            String n = names.get(i);
            ps.add(new NodeProcess(name, n, d.resolve(n), names, port + i, "127.0.0.1[" + port + "]", profile,
                    keyFile, d.resolve(n + ".log"), events::add).start());
        }
        return ps;
    }

    private static String converge(List<NodeProcess> ps, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            List<Map<String, String>> s = ps.stream().map(NodeProcess::status).toList();
            boolean ok = s.stream().allMatch(m -> "true".equals(m.get("quorate")) && m.get("members") != null
                    && m.get("members").split(",").length == ps.size() && !"null".equals(m.get("dc")))
                    && s.stream().map(m -> m.get("dc")).distinct().count() == 1
                    && s.stream().map(m -> m.get("version")).distinct().count() == 1;
            if (ok) {
                return s.get(0).get("dc");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("cluster did not converge within " + timeoutMs + " ms");
    }

    private String commitLatency(int size, int commits) throws Exception {
        log("commit latency, " + size + " nodes, " + commits + " sequential changes submitted on a follower");
        List<NodeProcess> ps = cluster(size, "default");
        try {
            String dc = converge(ps, 90_000);
            NodeProcess follower = ps.stream().filter(p -> !p.name.equals(dc)).findFirst().orElseThrow();
            follower.ask("bench 20 warm", l -> l.startsWith("LATENCIES") || l.startsWith("FAILED"), 120_000);
            String line = follower.ask("bench " + commits + " r", l -> l.startsWith("LATENCIES")
                    || l.startsWith("FAILED"), 600_000);
            if (line == null || !line.startsWith("LATENCIES")) {
                throw new IllegalStateException("commit bench failed: " + line);
            }
            List<Double> ms = new ArrayList<>();
            for (String v : line.substring(10).split(",")) {
                ms.add(Double.parseDouble(v));
            }
            String r = result("cib_commit_" + size + "_nodes", ms);
            System.out.println(r);
            return r;
        } finally {
            for (NodeProcess p : ps) {
                p.close();
            }
        }
    }

    private List<String> failover(String profile, int trials) throws Exception {
        List<String> out = new ArrayList<>();
        List<NodeProcess> ps = cluster(3, profile);
        try {
            converge(ps, 120_000);
            for (String how : new String[] {"kill9", "sigstop"}) {
                log("DC failover after " + how + ", profile " + profile + ", " + trials + " trials");
                List<Double> ms = new ArrayList<>();
                for (int t = 0; t < trials; t++) {
                    String dc = converge(ps, 120_000);
                    NodeProcess victim = ps.stream().filter(p -> p.name.equals(dc)).findFirst().orElseThrow();
                    events.clear();
                    long t0 = System.currentTimeMillis();
                    if (how.equals("kill9")) {
                        victim.kill9();
                    } else {
                        victim.signal("STOP");
                    }
                    long elected = awaitNewDc(dc, t0, 120_000);
                    ms.add((double) (elected - t0));
                    log(String.format(Locale.ROOT, "  trial %d: %s of DC %s -> new DC after %d ms", t + 1, how, dc,
                            elected - t0));
                    victim.kill9();
                    victim.start();
                }
                String r = result("dc_failover_" + how + "_" + profile, ms);
                System.out.println(r);
                out.add(r);
            }
        } finally {
            for (NodeProcess p : ps) {
                p.close();
            }
        }
        return out;
    }

    /** The timestamp of the first DC_ELECTED event after {@code t0} that names a DC other than {@code old}. */
    private long awaitNewDc(String old, long t0, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            long best = Long.MAX_VALUE;
            for (String e : events) {
                // "<node> <millis> DC_ELECTED <dc> is DC (...)"
                String[] p = e.split(" ", 5);
                if (p.length >= 4 && p[2].equals("DC_ELECTED") && !p[3].equals(old)) {
                    long ms = Long.parseLong(p[1]);
                    if (ms >= t0) {
                        best = Math.min(best, ms);
                    }
                }
            }
            if (best != Long.MAX_VALUE) {
                return best;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no new DC within " + timeoutMs + " ms");
    }

    static String result(String metric, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        s.sort(Double::compare);
        return String.format(Locale.ROOT, "RESULT %s p50_ms=%.1f p99_ms=%.1f max_ms=%.1f n=%d", metric,
                rank(s, 0.50), rank(s, 0.99), s.get(s.size() - 1), s.size());
    }

    private static double rank(List<Double> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
