package io.vigil.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ConfigurationBuilder;
import io.vigil.core.model.Constraint;
import io.vigil.core.model.Order;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Invariants over random clusters: primitives, groups, clones and promotable clones with random locations,
 * colocations and orders, some resources already running, some nodes in standby.
 */
class SchedulerPropertiesTest {

    record Scenario(Configuration config, ClusterStatus status, Map<String, Integer> cloneNodeMax,
                    Map<String, Integer> promotedMax, Map<String, String> leafToClone) {
    }

    static Scenario scenario(long seed) {
        Random r = new Random(seed);
        int nodeCount = 2 + r.nextInt(4);
        String[] nodes = new String[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            nodes[i] = "node" + (i + 1);
        }
        ConfigurationBuilder b = Configuration.builder().properties(p -> p.stonithEnabled(false)).nodes(nodes);
        List<String> top = new ArrayList<>();
        List<String> primitives = new ArrayList<>();
        Map<String, Integer> cloneNodeMax = new HashMap<>();
        Map<String, Integer> promotedMax = new HashMap<>();
        Map<String, String> leafToClone = new HashMap<>();
        int count = 2 + r.nextInt(7);
        for (int i = 0; i < count; i++) {
            int kind = r.nextInt(10);
            if (kind < 5) {
                String id = "p" + i;
                int stickiness = r.nextInt(3) * 50;
                b.primitive(id, "ocf:pacemaker:Dummy", s -> s.stickiness(stickiness));
                top.add(id);
                primitives.add(id);
            } else if (kind < 7) {
                String id = "g" + i;
                int members = 2 + r.nextInt(2);
                b.group(id, g -> {
                    for (int m = 0; m < members; m++) {
                        g.primitive(id + "m" + m, "ocf:pacemaker:Dummy");
                    }
                });
                top.add(id);
            } else if (kind < 9) {
                String id = "c" + i;
                int nodeMax = 1 + r.nextInt(2);
                int max = 1 + r.nextInt(nodeCount * nodeMax);
                b.clone(id, c -> c.primitive(id + "p", "ocf:pacemaker:Dummy").cloneMax(max).cloneNodeMax(nodeMax)
                        .globallyUnique(nodeMax > 1));
                cloneNodeMax.put(id, nodeMax);
                leafToClone.put(id + "p", id);
                top.add(id);
            } else {
                String id = "m" + i;
                int pmax = 1 + r.nextInt(2);
                b.promotable(id, c -> c.primitive(id + "p", "ocf:pacemaker:Dummy").promotedMax(pmax));
                cloneNodeMax.put(id, 1);
                promotedMax.put(id, pmax);
                leafToClone.put(id + "p", id);
                top.add(id);
            }
        }
        int constraints = r.nextInt(top.size() * 2 + 1);
        for (int k = 0; k < constraints; k++) {
            String a = top.get(r.nextInt(top.size()));
            String c = top.get(r.nextInt(top.size()));
            switch (r.nextInt(3)) {
                case 0 -> {
                    int[] scores = {Score.MINUS_INFINITY, -100, 50, 100, Score.INFINITY};
                    b.location("loc" + k, a, nodes[r.nextInt(nodeCount)], scores[r.nextInt(scores.length)]);
                }
                case 1 -> {
                    // colocations only point back in configuration order: a cycle of contradicting INFINITY
                    // colocations cannot all hold (Pacemaker then breaks the loop and violates one too)
                    if (top.indexOf(a) > top.indexOf(c) && primitives.contains(a) && primitives.contains(c)) {
                        int[] scores = {Score.MINUS_INFINITY, -50, 50, Score.INFINITY};
                        b.colocation("col" + k, a, c, scores[r.nextInt(scores.length)]);
                    }
                }
                default -> {
                    // orders only go forward in configuration order, so constraints never form a cycle
                    int ia = top.indexOf(a);
                    int ic = top.indexOf(c);
                    if (ia < ic) {
                        b.order("ord" + k, a, c, o -> o.kind(r.nextBoolean() ? OrderKind.MANDATORY : OrderKind.OPTIONAL));
                    }
                }
            }
        }
        Configuration config = b.build();
        Clusters status = Clusters.status(nodes);
        for (String n : nodes) {
            if (r.nextInt(5) == 0) {
                status.node(n).standby();
            }
        }
        for (String p : primitives) {
            if (r.nextBoolean()) {
                status.running(p, nodes[r.nextInt(nodeCount)]);
            }
        }
        return new Scenario(config, status.build(), cloneNodeMax, promotedMax, leafToClone);
    }

    @Property(tries = 300)
    void no_resource_is_placed_on_a_node_where_its_score_is_negative(@ForAll long seed) {
        Scenario s = scenario(seed);
        SchedulerResult result = Scheduler.schedule(s.config(), s.status(), Clusters.NOW);
        for (InstancePlacement p : result.placement()) {
            String id = s.leafToClone().getOrDefault(p.resource(), p.resource());
            ScoreDetail d = result.scores().getOrDefault(id, Map.of()).get(p.node());
            int score = d == null ? 0 : d.score();
            assertThat(score).as("%s on %s", p.instance(), p.node()).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 300)
    void clone_node_max_and_promoted_max_are_kept(@ForAll long seed) {
        Scenario s = scenario(seed);
        SchedulerResult result = Scheduler.schedule(s.config(), s.status(), Clusters.NOW);
        Map<String, Integer> perCloneNode = new HashMap<>();
        Map<String, Integer> promoted = new HashMap<>();
        for (InstancePlacement p : result.placement()) {
            String clone = s.leafToClone().get(p.resource());
            if (clone == null) {
                continue;
            }
            perCloneNode.merge(clone + "@" + p.node(), 1, Integer::sum);
            if (p.role() == Role.PROMOTED) {
                promoted.merge(clone, 1, Integer::sum);
            }
        }
        perCloneNode.forEach((k, v) -> assertThat(v).as(k)
                .isLessThanOrEqualTo(s.cloneNodeMax().get(k.substring(0, k.indexOf('@')))));
        promoted.forEach((k, v) -> assertThat(v).as(k).isLessThanOrEqualTo(s.promotedMax().get(k)));
    }

    @Property(tries = 300)
    void every_infinity_colocation_is_held_or_the_dependent_is_stopped(@ForAll long seed) {
        Scenario s = scenario(seed);
        SchedulerResult result = Scheduler.schedule(s.config(), s.status(), Clusters.NOW);
        Map<String, String> where = new HashMap<>();
        for (InstancePlacement p : result.placement()) {
            where.put(p.instance(), p.node());
        }
        for (Constraint c : s.config().constraints()) {
            if (c instanceof Colocation col && Math.abs(col.score()) >= Score.INFINITY) {
                String dep = where.get(col.resource());
                if (dep == null) {
                    continue;
                }
                String pri = where.get(col.withResource());
                if (col.score() > 0) {
                    assertThat(pri).as(col.id()).isEqualTo(dep);
                } else {
                    assertThat(pri).as(col.id()).isNotEqualTo(dep);
                }
            }
        }
    }

    @Property(tries = 300)
    void the_graph_is_acyclic_and_respects_every_order(@ForAll long seed) {
        Scenario s = scenario(seed);
        SchedulerResult result = Scheduler.schedule(s.config(), s.status(), Clusters.NOW);
        List<GraphAction> actions = result.graph().actions();
        // acyclic: repeatedly take actions whose prerequisites are all taken
        Set<Integer> done = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (GraphAction a : actions) {
                if (!done.contains(a.id()) && done.containsAll(a.after())) {
                    done.add(a.id());
                    progress = true;
                }
            }
        }
        assertThat(done).hasSize(actions.size());
        for (Constraint c : s.config().constraints()) {
            if (c instanceof Order o) {
                for (GraphAction then : actions) {
                    if (then.type() != ActionType.START || !belongsTo(s, then.resource(), o.then())) {
                        continue;
                    }
                    for (GraphAction first : actions) {
                        if (first.type() == ActionType.START && belongsTo(s, first.resource(), o.first())) {
                            assertThat(then.after()).as("%s: %s after %s", o.id(), then, first).contains(first.id());
                        }
                    }
                }
            }
        }
    }

    private static boolean belongsTo(Scenario s, String instance, String configured) {
        if (instance == null) {
            return false;
        }
        String base = instance.contains(":") ? instance.substring(0, instance.indexOf(':')) : instance;
        return base.equals(configured) || base.startsWith(configured + "m") && configured.startsWith("g")
                || configured.equals(s.leafToClone().get(base));
    }

    @Property(tries = 100)
    void the_same_input_gives_the_same_output(@ForAll long seed) {
        Scenario s = scenario(seed);
        SchedulerResult first = Scheduler.schedule(s.config(), s.status(), Clusters.NOW);
        SchedulerResult second = Scheduler.schedule(s.config(), s.status(), Clusters.NOW);
        assertThat(second).isEqualTo(first);
    }
}
