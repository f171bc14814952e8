package io.vigil.pacemaker.cli;

import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.Score;
import io.vigil.core.scheduler.Scheduler;
import io.vigil.core.scheduler.SchedulerResult;
import io.vigil.core.scheduler.ScoreDetail;
import io.vigil.pacemaker.CibImporter;
import io.vigil.pacemaker.ImportedCib;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code simulate FILE.xml}: like {@code crm_simulate -S -x FILE.xml}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Imports a Pacemaker CIB, runs the scheduler once and prints the current status, the "
                + "Transition Summary and the revised status.")
final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "FILE.xml", description = "the CIB to simulate")
    private Path file;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "run the scheduler N times on the parsed input and print the median time, and the "
                    + "time the import took (default 1)")
    private int repeat = 1;

    @Option(names = {"-s", "--scores"}, description = "also print the allocation scores with their reasons")
    private boolean scores;

    @Option(names = {"-q", "--quiet"},
            description = "print only the Transition Summary and timings, not the cluster status (for big CIBs)")
    private boolean quiet;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "schedule",
            description = "with --repeat: name of the metric in the machine-readable line "
                    + "'RESULT NAME p50_ms=.. p99_ms=.. max_ms=.. n=..' (default: schedule)")
    private String metric = "schedule";

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "the time to schedule at (ISO-8601, e.g. 2024-01-01T00:00:00Z); default: the CIB's "
                    + "execution-date, else the current time")
    private Instant now;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * The command for {@code args} (what follows {@code simulate}) when they use only the plain forms of its
     * options, else null, and picocli parses them (and reports what is wrong with them): {@code FILE},
     * {@code --repeat N}, {@code --metric NAME}, {@code --now INSTANT} (each also as {@code --name=value}), and
     * {@code -s}/{@code --scores}, {@code -q}/{@code --quiet}, each at most once. Building picocli's model of the
     * commands costs about 0.3 s of CPU at start-up, a fifth of a whole {@code simulate} run on 32 nodes x 2,000
     * resources; this is the only reason for this method.
     */
    static SimulateCommand plain(String[] args, int from) {
        SimulateCommand c = new SimulateCommand();
        Set<String> seen = new HashSet<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.charAt(0) == '@') {
                return null; // picocli expands @argument files
            }
            if (a.charAt(0) != '-') {
                if (c.file != null) {
                    return null;
                }
                try {
                    c.file = Path.of(a);
                } catch (InvalidPathException e) {
                    return null;
                }
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            String canonical = switch (name) {
                case "-s", "--scores" -> "--scores";
                case "-q", "--quiet" -> "--quiet";
                case "--repeat", "--metric", "--now" -> name;
                default -> null;
            };
            if (canonical == null || !seen.add(canonical)) {
                return null;
            }
            if (canonical.equals("--scores") || canonical.equals("--quiet")) {
                if (eq >= 0) {
                    return null;
                }
                if (canonical.equals("--scores")) {
                    c.scores = true;
                } else {
                    c.quiet = true;
                }
                continue;
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') {
                return null;
            }
            switch (canonical) {
                case "--repeat" -> {
                    // Only what every reading of an integer agrees on: no sign, no leading zero, no radix prefix.
                    if (value.length() > 9 || value.charAt(0) == '0') {
                        return null;
                    }
                    for (int k = 0; k < value.length(); k++) {
                        if (value.charAt(k) < '0' || value.charAt(k) > '9') {
                            return null;
                        }
                    }
                    c.repeat = Integer.parseInt(value);
                }
                case "--metric" -> c.metric = value;
                default -> {
                    try {
                        c.now = Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                }
            }
        }
        return c.file == null ? null : c;
    }

    /** Runs the command; returns the exit status. */
    int run(PrintWriter out, PrintWriter err) {
        if (repeat < 1) {
            err.println("--repeat must be at least 1, was " + repeat);
            return 2;
        }
        long importStart = System.nanoTime();
        ImportedCib imported = CibImporter.importFile(file);
        long importNanos = System.nanoTime() - importStart;
        imported.warnings().forEach(w -> err.println("warning: " + w));
        Configuration config = imported.cib().configuration();
        ClusterStatus status = imported.cib().status();
        Instant at = now != null ? now : imported.nowOr(Instant.now());
        if (now == null && imported.executionDate().isPresent()) {
            out.println("Using the original execution date of: " + DATE.format(at));
        }
        long[] nanos = new long[repeat];
        SchedulerResult result = null;
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            result = Scheduler.schedule(config, status, at);
            nanos[i] = System.nanoTime() - start;
        }
        if (!quiet) {
            out.println("Current cluster status:");
            Map<String, String> before = new LinkedHashMap<>();
            for (NodeStatus n : status.nodes()) {
                before.put(n.name(), n.state());
            }
            StatusPrinter.print(config, StatusPrinter.withHealth(config, status, before), result.current())
                    .forEach(out::println);
            out.println();
        }
        out.println("Transition Summary:");
        result.summary().forEach(l -> out.println("  * " + l));
        if (!quiet) {
            out.println();
            out.println("Revised Cluster Status:");
            StatusPrinter.print(config, StatusPrinter.withHealth(config, status, result.nodes()), result.placement())
                    .forEach(out::println);
        }
        if (scores) {
            out.println();
            out.println("Allocation scores:");
            new TreeMap<>(result.scores()).forEach((rsc, byNode) -> new TreeMap<>(byNode).forEach((node, d) ->
                    out.println(scoreLine(rsc, node, d))));
        }
        if (repeat > 1) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            out.println();
            out.println(String.format(Locale.ROOT, "Import time: %.3f ms", importNanos / 1e6));
            out.println(String.format(Locale.ROOT, "Scheduling time: median %.3f ms, min %.3f ms, max %.3f ms over %d runs",
                    median(sorted) / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, repeat));
            out.println(String.format(Locale.ROOT, "RESULT %s p50_ms=%.3f p99_ms=%.3f max_ms=%.3f n=%d", metric,
                    median(sorted) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6, repeat));
        }
        return 0;
    }

    private static String scoreLine(String rsc, String node, ScoreDetail d) {
        return "  " + rsc + " allocation score on " + node + ": " + Score.toString(d.score())
                + (d.reasons().isEmpty() ? "" : "  (" + String.join("; ", d.reasons()) + ")");
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
