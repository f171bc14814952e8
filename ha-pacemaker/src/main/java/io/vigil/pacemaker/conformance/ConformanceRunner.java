package io.vigil.pacemaker.conformance;

import io.vigil.core.model.Clone;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Resource;
import io.vigil.core.model.Role;
import io.vigil.core.scheduler.InstancePlacement;
import io.vigil.core.scheduler.Scheduler;
import io.vigil.core.scheduler.SchedulerResult;
import io.vigil.pacemaker.CibImporter;
import io.vigil.pacemaker.ImportedCib;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs conformance cases: imports the CIB, schedules once at the CIB's execution date (or a fixed instant when it
 * has none), and compares node states, final placement (leaf -> multiset of node and role) and transition lines
 * (as a multiset, normalised by {@link TransitionLines}) with the expectation. A case that throws or runs too long
 * fails with the error; it never stops the run.
 */
public final class ConformanceRunner {
    /**
     * "Now" for a CIB without an execution date. Pacemaker uses the wall clock, so any time after the cases were
     * recorded gives the same result; a fixed one keeps the run deterministic.
     */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** How long one case may take by default: 60 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Duration timeout;

    /** @param timeout how long one case may take before it fails */
    public ConformanceRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs every case at or below {@code dir} in name order, handing each result to {@code sink} as it is done. */
    public List<CaseResult> runAll(Path dir, Consumer<CaseResult> sink) {
        List<CaseResult> out = new ArrayList<>();
        for (Path caseDir : ConformanceCase.findAll(dir)) {
            CaseResult r = run(caseDir);
            sink.accept(r);
            out.add(r);
        }
        return out;
    }

    /** Runs one case folder. */
    public CaseResult run(Path caseDir) {
        String name = caseDir.getFileName().toString();
        ConformanceCase c;
        try {
            c = ConformanceCase.load(caseDir);
        } catch (RuntimeException e) {
            return new CaseResult(name, List.of(), List.of("cannot read case: " + describe(e)));
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-" + name);
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<String>> f = executor.submit(() -> compare(c));
            return new CaseResult(name, c.features(), f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return new CaseResult(name, c.features(), List.of("timed out after " + timeout.toSeconds() + " s"));
        } catch (ExecutionException e) {
            return new CaseResult(name, c.features(), List.of(describe(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CaseResult(name, c.features(), List.of("interrupted"));
        } finally {
            executor.shutdownNow();
        }
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.replace('\n', ' '));
    }

    /** Imports, schedules and lists every difference. */
    static List<String> compare(ConformanceCase c) {
        ImportedCib imported = CibImporter.importFile(c.cib());
        SchedulerResult result = Scheduler.schedule(imported.cib().configuration(), imported.cib().status(),
                imported.nowOr(DEFAULT_NOW));
        return differences(c, imported.cib().configuration(), result);
    }

    /** Every way {@code result} differs from the case's expectation; empty when it conforms. */
    public static List<String> differences(ConformanceCase c, Configuration config, SchedulerResult result) {
        List<String> diffs = new ArrayList<>();
        Set<String> names = new TreeSet<>(c.nodes().keySet());
        names.addAll(result.nodes().keySet());
        for (String n : names) {
            String want = c.nodes().get(n);
            String got = result.nodes().get(n);
            if (want == null || !want.equals(got)) {
                diffs.add("node " + n + " expected " + want + ", got " + got);
            }
        }
        Map<String, List<String>> actual = placement(config, result.placement());
        Set<String> leaves = new TreeSet<>(c.placement().keySet());
        leaves.addAll(actual.keySet());
        for (String leaf : leaves) {
            List<String> want = c.placement().getOrDefault(leaf, List.of());
            List<String> got = actual.getOrDefault(leaf, List.of());
            if (!want.equals(got)) {
                diffs.add("final " + leaf + " expected " + want + ", got " + got);
            }
        }
        List<String> got = TransitionLines.normalizeAll(result.summary());
        List<String> missing = multisetMinus(c.transitions(), got);
        List<String> unexpected = multisetMinus(got, c.transitions());
        if (!missing.isEmpty()) {
            diffs.add("missing transitions " + missing);
        }
        if (!unexpected.isEmpty()) {
            diffs.add("unexpected transitions " + unexpected);
        }
        return diffs;
    }

    /** Leaf -> sorted "node role"; an instance of a promotable clone that is merely started counts as Unpromoted. */
    static Map<String, List<String>> placement(Configuration config, List<InstancePlacement> placement) {
        Set<String> inPromotable = new HashSet<>();
        for (Resource r : config.allResources()) {
            if (r instanceof Clone clone && clone.isPromotable()) {
                clone.primitives().forEach(p -> inPromotable.add(p.id()));
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (Primitive p : config.allResources().stream().filter(Primitive.class::isInstance)
                .map(Primitive.class::cast).toList()) {
            out.put(p.id(), new ArrayList<>());
        }
        for (InstancePlacement i : placement) {
            Role role = i.role() == Role.STARTED && inPromotable.contains(i.resource()) ? Role.UNPROMOTED : i.role();
            out.computeIfAbsent(i.resource(), k -> new ArrayList<>()).add(i.node() + " " + role.text());
        }
        out.replaceAll((k, v) -> v.stream().sorted().toList());
        return out;
    }

    /** {@code a} minus {@code b}, counting duplicates; both sorted, result sorted. */
    static List<String> multisetMinus(List<String> a, List<String> b) {
        Map<String, Integer> counts = new TreeMap<>();
        b.forEach(x -> counts.merge(x, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String x : a) {
            Integer n = counts.get(x);
            if (n == null || n == 0) {
                out.add(x);
            } else {
                counts.put(x, n - 1);
            }
        }
        return out;
    }
}
