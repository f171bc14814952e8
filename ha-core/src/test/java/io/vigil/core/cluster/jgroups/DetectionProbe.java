package io.vigil.core.cluster.jgroups;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.Receiver;
import org.jgroups.View;

/**
 * Measures how long the survivors of a cluster need to install a view without a peer that was killed
 * ({@code kill -9}) or frozen ({@code kill -STOP}), with every node in its own JVM on TCP 127.0.0.1, encrypted.
 * Not a test: a measurement tool for the benchmark script and for docs/transport.md.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; io.vigil.core.cluster.jgroups.DetectionProbe \
 *      [--profile fast|default|wan] [--nodes 3] [--trials 10] [--signals KILL,STOP[,STOPCONT]]
 *      [--victim alternate|coordinator|member]
 * </pre>
 *
 * Each trial waits for a full view, sends the signal to one node (alternately the coordinator and another
 * member), records the wall-clock time until every survivor has installed a view without it, then kills the victim
 * for good and starts a replacement JVM. Prints one line per trial ({@code TRIAL ...}) and per metric, in the
 * benchmark format:
 * {@code RESULT detect_<profile>_<kill9|sigstop> p50_ms=<x> p99_ms=<y> max_ms=<z> n=<trials>} (plus
 * {@code _coord}/{@code _member} breakdowns). Times are from the signal to the last survivor's new view.
 * {@code STOPCONT} resumes the frozen node instead of killing it and also reports
 * {@code merge_<profile>_after_sigcont}: from kill -CONT until every node is in one full view again.
 */
public final class DetectionProbe {

    private static final long VIEW_TIMEOUT_MS = 120_000;

    private DetectionProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args);
            return;
        }
        Map<String, String> opts = options(args);
        Profile profile = Profile.valueOf(opts.getOrDefault("--profile", "fast").toUpperCase(Locale.ROOT));
        int nodes = Integer.parseInt(opts.getOrDefault("--nodes", "3"));
        int trials = Integer.parseInt(opts.getOrDefault("--trials", "10"));
        List<String> signals = Arrays.asList(opts.getOrDefault("--signals", "KILL,STOP").split(","));
        String victims = opts.getOrDefault("--victim", "alternate");
        if (!List.of("alternate", "coordinator", "member").contains(victims)) {
            throw new IllegalArgumentException("--victim: expected alternate, coordinator or member but got '"
                    + victims + "'");
        }
        Path work = Files.createTempDirectory("vigil-probe");
        Path keyFile = work.resolve("authkey");
        ClusterKey.generate(keyFile);
        Map<String, List<Long>> results = new TreeMap<>();
        for (String signal : signals) {
            try (Cluster cluster = new Cluster(profile, nodes, keyFile, work)) {
                cluster.startAll();
                for (int t = 0; t < trials; t++) {
                    boolean coord = victims.equals("coordinator") || (victims.equals("alternate") && t % 2 == 0);
                    long[] ms = cluster.trial(signal, coord);
                    String p = profile.name().toLowerCase(Locale.ROOT);
                    String metric = "detect_" + p + "_" + switch (signal) {
                        case "KILL" -> "kill9";
                        case "STOP" -> "sigstop";
                        default -> "sigstop_before_cont";
                    };
                    record(results, metric, coord, ms[0]);
                    if (ms[1] >= 0) {
                        record(results, "merge_" + p + "_after_sigcont", coord, ms[1]);
                    }
                }
            }
        }
        deleteRecursively(work); // only on success: after a failure the children's stderr stays for reading
        for (Map.Entry<String, List<Long>> e : results.entrySet()) {
            List<Long> v = new ArrayList<>(e.getValue());
            Collections.sort(v);
            System.out.println("RESULT " + e.getKey() + " p50_ms=" + percentile(v, 50) + " p99_ms=" + percentile(v, 99)
                    + " max_ms=" + v.get(v.size() - 1) + " n=" + v.size());
        }
    }

    private static void record(Map<String, List<Long>> results, String metric, boolean coord, long ms) {
        results.computeIfAbsent(metric, k -> new ArrayList<>()).add(ms);
        results.computeIfAbsent(metric + (coord ? "_coord" : "_member"), k -> new ArrayList<>()).add(ms);
        System.out.println("TRIAL " + metric + " victim=" + (coord ? "coordinator" : "member") + " ms=" + ms);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Nearest-rank percentile of a sorted list. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            m.put(args[i], args[i + 1]);
        }
        return m;
    }

    /** A set of child JVMs forming one cluster. */
    private static final class Cluster implements AutoCloseable {
        private final Profile profile;
        private final int size;
        private final Path keyFile;
        private final Path work;
        private final String name = Nodes.uniqueClusterName("probe");
        private final List<Integer> ports;
        private final List<String> hosts = new ArrayList<>();
        private final Map<String, Process> alive = new ConcurrentHashMap<>();
        private final Map<String, Integer> portOf = new ConcurrentHashMap<>();
        /** Views reported by each child: name -> list of (time, members). */
        private final Map<String, List<Object[]>> views = new ConcurrentHashMap<>();
        private int nextId;

        Cluster(Profile profile, int size, Path keyFile, Path work) throws IOException {
            this.profile = profile;
            this.size = size;
            this.keyFile = keyFile;
            this.work = work;
            this.ports = Nodes.freePorts(size);
            for (int p : ports) {
                hosts.add("127.0.0.1[" + p + "]");
            }
        }

        void startAll() throws Exception {
            for (int p : ports) {
                spawn(p);
                waitForFullView(VIEW_TIMEOUT_MS);
            }
        }

        private String spawn(int port) throws IOException {
            String node = "n" + (nextId++);
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.net.preferIPv4Stack=true", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), DetectionProbe.class.getName(), "child",
                    profile.name(), name, node, Integer.toString(port), String.join(",", hosts), keyFile.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(work.resolve(node + ".err").toFile());
            Process p = pb.start();
            alive.put(node, p);
            portOf.put(node, port);
            views.put(node, new CopyOnWriteArrayList<>());
            Thread reader = new Thread(() -> read(node, p), "probe-read-" + node);
            reader.setDaemon(true);
            reader.start();
            return node;
        }

        private void read(String node, Process p) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("VIEW ")) {
                        String[] f = line.split(" ");
                        long time = Long.parseLong(f[1]);
                        List<String> members = f.length > 2 ? Arrays.asList(f[2].split(",")) : List.of();
                        views.get(node).add(new Object[] {time, members});
                    }
                }
            } catch (IOException ignored) {
                // the child died
            }
        }

        @SuppressWarnings("unchecked")
        private List<String> lastView(String node) {
            List<Object[]> v = views.get(node);
            return v.isEmpty() ? List.of() : (List<String>) v.get(v.size() - 1)[1];
        }

        private void waitForFullView(long timeoutMs) throws Exception {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < deadline) {
                boolean ok = true;
                for (String n : alive.keySet()) {
                    List<String> v = lastView(n);
                    if (v.size() != alive.size() || !v.containsAll(alive.keySet())) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    return;
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("no full view of " + alive.keySet() + " within " + timeoutMs + " ms; see "
                    + work);
        }

        /**
         * One trial: {@code KILL} (kill -9), {@code STOP} (kill -STOP, then kill -9) or {@code STOPCONT} (kill -STOP,
         * then kill -CONT once the survivors dropped it, measuring the merge too).
         *
         * @return {detection ms, merge ms or -1}
         */
        long[] trial(String signal, boolean coordinator) throws Exception {
            waitForFullView(VIEW_TIMEOUT_MS);
            Thread.sleep(500); // let heartbeats settle after the last join
            String anyNode = alive.keySet().iterator().next();
            List<String> view = lastView(anyNode);
            String victim = coordinator ? view.get(0) : view.get(view.size() - 1);
            Process vp = alive.remove(victim);
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (String n : alive.keySet()) {
                seen.put(n, views.get(n).size());
            }
            long t0 = System.currentTimeMillis();
            if (signal.equals("KILL")) {
                vp.destroyForcibly();
            } else {
                signal("STOP", vp);
            }
            long last = 0;
            for (String n : alive.keySet()) {
                last = Math.max(last, awaitViewWithout(n, victim, seen.get(n), t0));
            }
            if (signal.equals("STOPCONT")) {
                long t1 = System.currentTimeMillis();
                signal("CONT", vp);
                alive.put(victim, vp);
                waitForFullView(VIEW_TIMEOUT_MS);
                long merged = 0;
                for (String n : alive.keySet()) {
                    List<Object[]> v = views.get(n);
                    merged = Math.max(merged, (Long) v.get(v.size() - 1)[0]);
                }
                return new long[] {last - t0, merged - t1};
            }
            vp.destroyForcibly();
            vp.waitFor(10, TimeUnit.SECONDS);
            spawn(portOf.get(victim));
            return new long[] {last - t0, -1};
        }

        private static void signal(String name, Process p) throws Exception {
            new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start().waitFor();
        }

        @SuppressWarnings("unchecked")
        private long awaitViewWithout(String node, String victim, int from, long t0) throws Exception {
            long deadline = t0 + VIEW_TIMEOUT_MS;
            while (System.currentTimeMillis() < deadline) {
                List<Object[]> v = views.get(node);
                for (int i = from; i < v.size(); i++) {
                    List<String> members = (List<String>) v.get(i)[1];
                    if (!members.contains(victim)) {
                        return (Long) v.get(i)[0];
                    }
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException(node + " never dropped " + victim + "; see " + work);
        }

        @Override
        public void close() throws InterruptedException {
            for (Process p : alive.values()) {
                p.destroyForcibly();
            }
            for (Process p : alive.values()) {
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A cluster member in its own JVM: reports every view on stdout as {@code VIEW <epoch ms> <names>}. */
    private static void child(String[] a) throws Exception {
        Profile profile = Profile.valueOf(a[1]);
        String cluster = a[2];
        String node = a[3];
        int port = Integer.parseInt(a[4]);
        List<String> hosts = Arrays.asList(a[5].split(","));
        ClusterKey key = ClusterKey.load(Path.of(a[6]));
        JChannel ch = JGroupsStack.builder().profile(profile).transport(new Transport.Tcp("127.0.0.1", port, 3, hosts))
                .key(key).nodeName(node).build();
        ch.setReceiver(new Receiver() {
            @Override
            public void viewAccepted(View view) {
                long now = System.currentTimeMillis();
                List<String> names = new ArrayList<>();
                for (Address m : view.getMembers()) {
                    names.add(m.toString());
                }
                synchronized (System.out) {
                    System.out.println("VIEW " + now + " " + String.join(",", names));
                    System.out.flush();
                }
            }
        });
        ch.connect(cluster);
        // live until the parent kills us or closes our stdin
        while (System.in.read() >= 0) {
            // ignore input
        }
        ch.close();
        System.exit(0);
    }
}
