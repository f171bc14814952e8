package io.vigil.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * A seeded random fault schedule over the simulation: crashes, restarts, partitions, message loss and a steady
 * stream of changes from random nodes. After the faults stop, the cluster must converge to one DC and one CIB
 * that holds every acknowledged change.
 */
final class RandomFaults {
    private RandomFaults() {
    }

    static void run(long seed, int size, long faultMs) {
        Random rnd = new Random(seed);
        String[] names = SimCluster.names(size);
        SimCluster sim = new SimCluster(seed, names);
        sim.dropRate = 0.02;
        sim.startAll();
        sim.run(2_000);
        Map<String, CompletableFuture<CibVersion>> submitted = new TreeMap<>();
        int next = 0;
        long end = sim.now() + faultMs;
        while (sim.now() < end) {
            int action = rnd.nextInt(10);
            String victim = names[rnd.nextInt(size)];
            if (action == 0) {
                sim.crash(victim);
            } else if (action == 1) {
                sim.start(victim);
            } else if (action == 2) {
                Set<String> a = new TreeSet<>();
                for (String n : names) {
                    if (rnd.nextBoolean()) {
                        a.add(n);
                    }
                }
                Set<String> b = new TreeSet<>(List.of(names));
                b.removeAll(a);
                sim.partition(a, b);
            } else if (action == 3) {
                sim.heal();
            } else {
                List<SimCluster.SimNode> up = sim.upNodes();
                if (!up.isEmpty()) {
                    String on = up.get(rnd.nextInt(up.size())).name;
                    String id = "r" + (next++);
                    submitted.put(id, sim.submit(on, SimulationTest.addResource(id)));
                }
            }
            sim.run(100 + rnd.nextInt(1_500));
        }
        sim.dropRate = 0;
        sim.heal();
        sim.startAll();
        boolean converged = sim.runUntil(sim::converged, 60_000);
        if (!converged) {
            StringBuilder state = new StringBuilder();
            for (SimCluster.SimNode n : sim.upNodes()) {
                state.append("\n  ").append(n.snapshot().summary()).append(" activeDc=").append(n.engine.isActiveDc());
            }
            assertThat(converged).as("seed %d converges after the faults stop:%s", seed, state).isTrue();
        }
        sim.run(35_000); // let every pending request time out or complete
        Set<String> acknowledged = new TreeSet<>();
        submitted.forEach((id, f) -> {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                acknowledged.add(id);
            }
        });
        assertThat(sim.converged()).isTrue();
        for (SimCluster.SimNode n : sim.upNodes()) {
            Set<String> ids = new TreeSet<>();
            for (Resource r : n.snapshot().cib().configuration().resources()) {
                ids.add(r.id());
            }
            assertThat(ids).as("seed %d: %s holds every acknowledged change", seed, n.name)
                    .containsAll(acknowledged);
        }
        assertThat(acknowledged).as("seed %d: some changes were acknowledged", seed).isNotEmpty();
    }
}
