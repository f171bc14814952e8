package io.vigil.pacemaker.cli.bench;

import io.vigil.pacemaker.bench.ClusterGenerator;
import io.vigil.pacemaker.bench.GeneratedCluster;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.scheduler.Scheduler;
import io.vigil.core.scheduler.SchedulerResult;
import io.vigil.core.scheduler.SchedulerSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times {@link Scheduler#schedule} in process on generated clusters ({@link ClusterGenerator}), from scratch and
 * after one node failed, and prints one line per case:
 *
 * <pre>
 * RESULT scheduler_&lt;nodes&gt;x&lt;resources&gt;_&lt;scratch|nodefail|nodefail-dc&gt; p50_ms=&lt;x&gt; p99_ms=&lt;y&gt; max_ms=&lt;z&gt; n=&lt;runs&gt;
 * </pre>
 *
 * <p>Options (all optional):
 * <ul>
 *   <li>{@code --sizes 16x500,32x2000,64x5000,100x10000} (default): nodes x primitives to generate</li>
 *   <li>{@code --scenarios scratch,nodefail,nodefail-dc} (default): from scratch; after one node failed, each
 *   run reading everything afresh ({@link Scheduler#schedule}); and after one node failed as the DC runs it, with a
 *   {@link SchedulerSession} that scheduled the cluster just before the failure (it reuses what it read of the
 *   nodes' unchanged histories; the result is the same)</li>
 *   <li>{@code --seed 42} (default): the generator's seed</li>
 *   <li>{@code --warmup-seconds 5} (default): time spent scheduling before measuring, at least 3 runs</li>
 *   <li>{@code --runs 30} (default): measured runs at most</li>
 *   <li>{@code --max-seconds 30} (default): measuring stops after this long, once 5 runs are done</li>
 *   <li>{@code --digest true}: also print {@code DIGEST <metric> <sha-256>} over the whole result (current state,
 *   placement, node states, every graph action with its edges, the summary and the score report with reasons),
 *   so a speed change can be shown to leave the output unchanged; default false</li>
 * </ul>
 * Progress and a short description of each result go to standard error. A case the scheduler refuses
 * (e.g. not implemented yet) prints {@code SKIP <metric> <reason>}; the exit code is then 1.
 */
public final class SchedulerBench {
    private SchedulerBench() {
    }

    /**
     * Entry point; see the class documentation for the options.
     *
     * @param args options
     */
    public static void main(String[] args) {
        String sizes = "16x500,32x2000,64x5000,100x10000";
        String scenarios = "scratch,nodefail,nodefail-dc";
        long seed = 42;
        double warmupSeconds = 5;
        int runs = 30;
        double maxSeconds = 30;
        boolean digest = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage("option " + a + " needs a value");
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--sizes" -> sizes = v;
                    case "--scenarios" -> scenarios = v;
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(v);
                    case "--runs" -> runs = Integer.parseInt(v);
                    case "--max-seconds" -> maxSeconds = Double.parseDouble(v);
                    case "--digest" -> digest = Boolean.parseBoolean(v);
                    default -> usage("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                usage("option " + a + ": '" + v + "' is not a number");
            }
        }
        boolean skipped = false;
        for (String size : sizes.split(",")) {
            String[] nr = size.trim().split("x");
            if (nr.length != 2) {
                usage("size '" + size + "' is not NODESxRESOURCES");
            }
            int nodes = Integer.parseInt(nr[0]);
            int resources = Integer.parseInt(nr[1]);
            long t0 = System.nanoTime();
            GeneratedCluster cluster = ClusterGenerator.generate(nodes, resources, seed);
            System.err.printf(Locale.ROOT, "generated %dx%d in %.1f s: %d top-level resources, %d constraints%n",
                    nodes, resources, (System.nanoTime() - t0) / 1e9, cluster.configuration().resources().size(),
                    cluster.configuration().constraints().size());
            for (String scenario : scenarios.split(",")) {
                String name = scenario.trim();
                ClusterStatus status = switch (name) {
                    case "scratch" -> cluster.scratch();
                    case "nodefail", "nodefail-dc" -> cluster.nodeFailure();
                    default -> {
                        usage("unknown scenario '" + scenario + "': expected scratch, nodefail or nodefail-dc");
                        yield null;
                    }
                };
                Planner planner;
                if (name.equals("nodefail-dc")) {
                    // The DC's session scheduled the converged cluster before the node failed (untimed).
                    SchedulerSession session = new SchedulerSession();
                    session.schedule(cluster.configuration(), cluster.beforeFailure(), cluster.now());
                    planner = session::schedule;
                } else {
                    planner = Scheduler::schedule;
                }
                String metric = "scheduler_" + nodes + "x" + resources + "_" + name;
                skipped |= !measure(metric, cluster, status, planner, warmupSeconds, runs, maxSeconds, digest);
            }
        }
        if (skipped) {
            System.exit(1);
        }
    }

    /** How a scenario runs the scheduler: statelessly, or through a DC's session. */
    @FunctionalInterface
    private interface Planner {
        SchedulerResult schedule(Configuration configuration, ClusterStatus status, java.time.Instant now);
    }

    private static boolean measure(String metric, GeneratedCluster cluster, ClusterStatus status, Planner planner,
                                   double warmupSeconds, int runs, double maxSeconds, boolean digest) {
        SchedulerResult result;
        try {
            result = planner.schedule(cluster.configuration(), status, cluster.now());
        } catch (RuntimeException e) {
            System.out.println("SKIP " + metric + " " + e);
            return false;
        }
        System.err.printf(Locale.ROOT, "%s: %d transition lines, %d graph actions, %d placed instances%n", metric,
                result.summary().size(), result.graph().actions().size(), result.placement().size());
        if (digest) {
            System.out.println("DIGEST " + metric + " " + digest(result));
        }
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warm = 1;
        while (warm < 3 || System.nanoTime() < warmupEnd) {
            planner.schedule(cluster.configuration(), status, cluster.now());
            warm++;
        }
        List<Long> samples = new ArrayList<>();
        long measureEnd = System.nanoTime() + (long) (maxSeconds * 1e9);
        while (samples.size() < runs && (samples.size() < 5 || System.nanoTime() < measureEnd)) {
            long start = System.nanoTime();
            SchedulerResult r = planner.schedule(cluster.configuration(), status, cluster.now());
            samples.add(System.nanoTime() - start);
            if (r.summary().size() != result.summary().size()) {
                throw new IllegalStateException(metric + ": the scheduler is not deterministic ("
                        + r.summary().size() + " transition lines, first run " + result.summary().size() + ")");
            }
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "RESULT %s p50_ms=%.1f p99_ms=%.1f max_ms=%.1f n=%d%n", metric,
                percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6,
                sorted.length);
        System.out.flush();
        return true;
    }

    /** A SHA-256 over everything a result holds, in a fixed order (the score report walked sorted by id). */
    static String digest(SchedulerResult result) {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.util.function.Consumer<Object> add =
                o -> md.update((String.valueOf(o) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        result.current().forEach(add);
        result.placement().forEach(add);
        new java.util.TreeMap<>(result.nodes()).forEach((k, v) -> add.accept(k + "=" + v));
        for (var a : result.graph().actions()) {
            add.accept(a.id() + " " + a.type() + " " + a.resource() + " " + a.node() + " " + a.interval() + " "
                    + a.after() + " " + a.runnable() + " " + a.detail());
        }
        result.summary().forEach(add);
        new java.util.TreeMap<>(result.scores()).forEach((rsc, byNode) ->
                new java.util.TreeMap<>(byNode).forEach((node, d) -> add.accept(rsc + " " + node + " " + d)));
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: SchedulerBench [--sizes 16x500,32x2000,64x5000,100x10000]"
                + " [--scenarios scratch,nodefail,nodefail-dc] [--seed 42] [--warmup-seconds 5] [--runs 30] [--max-seconds 30]"
                + " [--digest true]");
        System.exit(2);
    }
}
