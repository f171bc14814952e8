package io.vigil.pacemaker.bench;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.AttributeExpression;
import io.vigil.core.model.BoolOp;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ConfigurationBuilder;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.ExpressionOperator;
import io.vigil.core.model.Membership;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.Role;
import io.vigil.core.model.Rule;
import io.vigil.core.model.Score;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Makes large, realistic clusters for benchmarks, deterministically from a seed.
 *
 * <p>Of the requested number of primitives, about 60% are standalone, 25% sit in groups of 2 to 4, 10% are
 * cloned (a few "infrastructure" clones on every node, the others on 2 to 6 nodes, some cloning a group of two)
 * and 5% are promotable clones (2 or 3 instances, one promoted). Constraints grow with the resources (about one
 * for every two primitives): node preferences below the default stickiness, rack rules, bans, mandatory and
 * anti colocations with ordering, services following a clone or a promoted instance, optional orders. Every
 * resource is sticky (rsc_defaults resource-stickiness=100, some 200). Fencing is disabled, so a lost node
 * simply goes offline.
 *
 * <p>Besides the configuration, the generator computes a converged placement that respects every constraint:
 * it is what {@link GeneratedCluster#nodeFailure()} reports as running (with one node then lost), so that a
 * scheduler only has to recover what ran on that node.
 */
public final class ClusterGenerator {
    /** Default stickiness of every resource ({@code rsc_defaults}). */
    public static final int DEFAULT_STICKINESS = 100;
    /** When every operation in the generated history last ran (2023-11-14T22:13:20Z). */
    public static final Instant LAST_RUN = Instant.ofEpochSecond(1_700_000_000L);
    /** The time the statuses are taken at: ten minutes after {@link #LAST_RUN}. */
    public static final Instant NOW = LAST_RUN.plusSeconds(600);

    static final String DUMMY = "ocf:pacemaker:Dummy";
    static final String STATEFUL = "ocf:pacemaker:Stateful";
    static final Duration MONITOR = Duration.ofSeconds(10);
    static final Duration MONITOR_UNPROMOTED = Duration.ofSeconds(11);
    private static final AgentType DUMMY_TYPE = AgentType.parse(DUMMY);
    private static final AgentType STATEFUL_TYPE = AgentType.parse(STATEFUL);

    private final int nodeCount;
    private final int primitives;
    private final Random random;
    private final List<String> nodes = new ArrayList<>();
    private final int[] load;
    private final ConfigurationBuilder builder = Configuration.builder();
    /** Every primitive, in configuration order, with its agent. */
    private final Map<String, AgentType> primitiveAgents = new LinkedHashMap<>();
    /** Per node: primitive id -> role it runs in, in the converged placement. */
    private final List<Map<String, Role>> running = new ArrayList<>();
    /** Where each top-level service (group or standalone primitive) runs. */
    private final List<Service> services = new ArrayList<>();
    /** Clones: id and the nodes their instances run on. */
    private final List<Placed> clones = new ArrayList<>();
    /** Promotable clones still without a service that follows their promoted instance. */
    private final List<Placed> promotablesWithoutDependent = new ArrayList<>();

    private record Service(String id, int node) {
    }

    private record Placed(String id, int[] nodes) {
    }

    private ClusterGenerator(int nodeCount, int primitives, long seed) {
        this.nodeCount = nodeCount;
        this.primitives = primitives;
        this.random = new Random(seed);
        this.load = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            nodes.add("node" + (i + 1));
            running.add(new HashMap<>());
        }
    }

    /**
     * Generates a cluster.
     *
     * @param nodes      number of nodes, at least 2
     * @param primitives number of configured primitives (group members and clone children included), at
     *                   least 20
     * @param seed       the random seed; the same arguments always give the same cluster
     * @throws IllegalArgumentException naming the argument when it is out of range
     */
    public static GeneratedCluster generate(int nodes, int primitives, long seed) {
        if (nodes < 2) {
            throw new IllegalArgumentException("nodes must be at least 2, was " + nodes);
        }
        if (primitives < 20) {
            throw new IllegalArgumentException("primitives must be at least 20, was " + primitives);
        }
        return new ClusterGenerator(nodes, primitives, seed).build();
    }

    private GeneratedCluster build() {
        builder.properties(p -> p.stonithEnabled(false));
        builder.resourceDefaults(d -> d.stickiness(DEFAULT_STICKINESS));
        int racks = Math.max(2, nodeCount / 8);
        for (int i = 0; i < nodeCount; i++) {
            String rack = "rack" + (i % racks + 1);
            builder.node(nodes.get(i), n -> n.attribute("rack", rack));
        }

        int promotablePrimitives = Math.max(1, Math.round(primitives * 0.05f));
        int clonePrimitives = Math.max(2, Math.round(primitives * 0.10f));
        int groupPrimitives = Math.round(primitives * 0.25f);
        int standalone = primitives - promotablePrimitives - clonePrimitives - groupPrimitives;

        for (int i = 1; i <= promotablePrimitives; i++) {
            addPromotable(i);
        }
        int infra = Math.max(1, primitives / 500);
        int cloneIndex = 0;
        List<Placed> infraClones = new ArrayList<>();
        while (clonePrimitives > 0) {
            cloneIndex++;
            boolean isInfra = cloneIndex <= infra;
            boolean ofGroup = !isInfra && cloneIndex % 5 == 0 && clonePrimitives >= 2;
            Placed c = addClone(cloneIndex, isInfra, ofGroup);
            clonePrimitives -= ofGroup ? 2 : 1;
            if (isInfra) {
                infraClones.add(c);
            } else if (random.nextDouble() < 0.5) {
                // An application clone that needs an infrastructure clone (think dlm or storage) on its node.
                Placed base = infraClones.get(random.nextInt(infraClones.size()));
                builder.order("order-" + base.id() + "-then-" + c.id(), base.id(), c.id());
                builder.colocation("col-" + c.id() + "-with-" + base.id(), c.id(), base.id());
            }
            clones.add(c);
        }

        int groupIndex = 0;
        int primitiveIndex = 0;
        while (groupPrimitives > 0 || standalone > 0) {
            boolean group = groupPrimitives >= 2
                    && random.nextInt(groupPrimitives + standalone) < groupPrimitives;
            if (group) {
                int size = Math.min(groupPrimitives, 2 + random.nextInt(3));
                if (groupPrimitives - size == 1) {
                    size++;
                }
                groupPrimitives -= size;
                addService("g" + (++groupIndex), size);
            } else if (standalone > 0) {
                standalone--;
                addService("p" + (++primitiveIndex), 0);
            } else {
                // A single group primitive left over: run it standalone.
                groupPrimitives--;
                addService("p" + (++primitiveIndex), 0);
            }
        }

        Configuration configuration = builder.build();
        int failed = random.nextInt(nodeCount);
        return new GeneratedCluster(configuration, scratchStatus(), convergedStatus(failed), nodes.get(failed), NOW);
    }

    // ---- resources -----------------------------------------------------------------------------------------

    private void addPromotable(int index) {
        String child = "ms" + index;
        String id = child + "-clone";
        int k = Math.min(nodeCount, 2 + random.nextInt(2));
        int[] on = leastLoaded(k, n -> true);
        builder.promotable(id, c -> c
                .primitive(child, STATEFUL, r -> r.monitor(MONITOR, Role.PROMOTED)
                        .monitor(MONITOR_UNPROMOTED, Role.UNPROMOTED))
                .cloneMax(k)
                .promotedMax(1)
                .interleave(true));
        primitiveAgents.put(child, STATEFUL_TYPE);
        for (int i = 0; i < on.length; i++) {
            place(child, on[i], i == 0 ? Role.PROMOTED : Role.UNPROMOTED);
        }
        if (random.nextDouble() < 0.5) {
            builder.location("loc-" + id + "-promoted", id, l -> l.role(Role.PROMOTED).node(nodes.get(on[0]), 50));
        }
        promotablesWithoutDependent.add(new Placed(id, on));
    }

    private Placed addClone(int index, boolean infra, boolean ofGroup) {
        String base = (infra ? "infra" : "c") + index;
        String id = base + "-clone";
        int k = infra ? nodeCount : 2 + random.nextInt(Math.min(nodeCount, 6) - 1);
        int[] on = infra ? leastLoaded(nodeCount, n -> true) : leastLoaded(k, n -> true);
        List<String> children = ofGroup ? List.of(base + "-a", base + "-b") : List.of(base);
        builder.clone(id, c -> {
            if (ofGroup) {
                c.group(base + "-g", g -> children.forEach(m -> g.primitive(m, DUMMY, r -> r.monitor(MONITOR))));
            } else {
                c.primitive(base, DUMMY, r -> r.monitor(MONITOR));
            }
            if (!infra) {
                c.cloneMax(k);
            }
            c.interleave(true);
        });
        for (String child : children) {
            primitiveAgents.put(child, DUMMY_TYPE);
            for (int n : on) {
                place(child, n, Role.STARTED);
            }
        }
        return new Placed(id, on);
    }

    /** Adds a standalone primitive ({@code members == 0}) or a group, with its constraints and its node. */
    private void addService(String id, int members) {
        List<String> prims = new ArrayList<>();
        if (members == 0) {
            prims.add(id);
        } else {
            for (int m = 1; m <= members; m++) {
                prims.add(id + "-m" + m);
            }
        }
        int stickiness = random.nextDouble() < 0.1 ? 2 * DEFAULT_STICKINESS : 0;
        int priority = random.nextDouble() < 0.05 ? 10 : 0;
        Consumer<ConfigurationBuilder.MetaSpec<?>> meta = m -> {
            if (stickiness > 0) {
                m.stickiness(stickiness);
            }
            if (priority > 0) {
                m.priority(priority);
            }
        };
        if (members == 0) {
            builder.primitive(id, DUMMY, r -> {
                r.monitor(MONITOR);
                meta.accept(r);
            });
        } else {
            builder.group(id, g -> {
                prims.forEach(p -> g.primitive(p, DUMMY, r -> r.monitor(MONITOR)));
                meta.accept(g);
            });
        }
        prims.forEach(p -> primitiveAgents.put(p, DUMMY_TYPE));

        int node = placeService(id);
        services.add(new Service(id, node));
        for (String p : prims) {
            place(p, node, Role.STARTED);
        }
        if (services.size() > 1 && random.nextDouble() < 0.05) {
            Service first = services.get(random.nextInt(services.size() - 1));
            builder.order("order-opt-" + first.id() + "-then-" + id, first.id(), id,
                    o -> o.kind(OrderKind.OPTIONAL));
        }
    }

    /** Chooses the node of a new service, adding the constraints that made the choice. */
    private int placeService(String id) {
        double r = random.nextDouble();
        if (!promotablesWithoutDependent.isEmpty() && r < 0.2) {
            // Like a virtual IP that follows the primary of a database.
            Placed ms = promotablesWithoutDependent.remove(0);
            builder.colocation("col-" + id + "-with-" + ms.id() + "-promoted", id, ms.id(),
                    c -> c.withRole(Role.PROMOTED));
            builder.order("order-" + ms.id() + "-promote-then-" + id, ms.id(), id,
                    o -> o.firstAction(ResourceAction.PROMOTE).thenAction(ResourceAction.START));
            return ms.nodes()[0];
        }
        r = random.nextDouble();
        if (!services.isEmpty() && r < 0.10) {
            Service with = services.get(random.nextInt(services.size()));
            builder.colocation("col-" + id + "-with-" + with.id(), id, with.id());
            builder.order("order-" + with.id() + "-then-" + id, with.id(), id);
            return with.node();
        }
        if (r < 0.14) {
            Placed clone = clones.get(random.nextInt(clones.size()));
            builder.colocation("col-" + id + "-with-" + clone.id(), id, clone.id());
            builder.order("order-" + clone.id() + "-then-" + id, clone.id(), id);
            int[] on = clone.nodes();
            return leastLoaded(1, n -> contains(on, n))[0];
        }
        if (!services.isEmpty() && r < 0.17) {
            Service away = services.get(random.nextInt(services.size()));
            builder.colocation("col-" + id + "-apart-" + away.id(), id, away.id(), Score.MINUS_INFINITY);
            return leastLoaded(1, n -> n != away.node())[0];
        }
        r = random.nextDouble();
        if (r < 0.30) {
            int node = random.nextInt(nodeCount);
            // Below the stickiness, so that a resource placed elsewhere would stay there.
            builder.location("loc-" + id + "-prefers-" + nodes.get(node), id, nodes.get(node),
                    10 * (1 + random.nextInt(9)));
            return node;
        }
        if (r < 0.35) {
            int racks = Math.max(2, nodeCount / 8);
            int rack = random.nextInt(racks);
            String loc = "loc-" + id + "-rack";
            builder.location(loc, id, l -> l.rule(new Rule(loc + "-rule", 50, null, BoolOp.AND, null,
                    List.of(new AttributeExpression("rack", ExpressionOperator.EQ, "rack" + (rack + 1), null)))));
            return leastLoaded(1, n -> n % racks == rack)[0];
        }
        if (r < 0.40) {
            int banned = random.nextInt(nodeCount);
            builder.location("loc-" + id + "-avoids-" + nodes.get(banned), id, nodes.get(banned),
                    Score.MINUS_INFINITY);
            return leastLoaded(1, n -> n != banned)[0];
        }
        return leastLoaded(1, n -> true)[0];
    }

    private void place(String primitive, int node, Role role) {
        running.get(node).put(primitive, role);
        load[node]++;
    }

    /** The {@code k} allowed nodes with the fewest instances, ties broken by node order. */
    private int[] leastLoaded(int k, IntPredicate allowed) {
        List<Integer> candidates = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            if (allowed.test(n)) {
                candidates.add(n);
            }
        }
        candidates.sort((a, b) -> load[a] != load[b] ? Integer.compare(load[a], load[b]) : Integer.compare(a, b));
        if (candidates.size() < k) {
            throw new IllegalStateException("only " + candidates.size() + " nodes allowed, need " + k);
        }
        return candidates.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    // ---- statuses ------------------------------------------------------------------------------------------

    private ClusterStatus scratchStatus() {
        return new ClusterStatus(true, nodes.get(0), nodes.stream().map(NodeStatus::online).toList());
    }

    /**
     * Every node has probed every primitive; running ones have their start (or promote) and recurring monitor
     * recorded, and promotable instances have set their promotion score (10 promoted, 5 unpromoted) like the
     * Stateful agent does.
     */
    private ClusterStatus convergedStatus(int failed) {
        List<NodeStatus> out = new ArrayList<>(nodeCount);
        Duration zero = Duration.ZERO;
        for (int n = 0; n < nodeCount; n++) {
            Map<String, Role> here = running.get(n);
            List<ResourceHistory> history = new ArrayList<>(primitiveAgents.size());
            Map<String, String> attributes = new TreeMap<>();
            long call = 1;
            for (Map.Entry<String, AgentType> e : primitiveAgents.entrySet()) {
                String p = e.getKey();
                Role role = here.get(p);
                List<OperationRecord> ops;
                if (role == null) {
                    ops = List.of(record("monitor", zero, call++, 7, 7));
                } else if (role == Role.PROMOTED) {
                    ops = List.of(record("promote", zero, call++, 0, 0), record("monitor", MONITOR, call++, 8, 8));
                    attributes.put("master-" + p, "10");
                } else if (role == Role.UNPROMOTED) {
                    ops = List.of(record("start", zero, call++, 0, 0),
                            record("monitor", MONITOR_UNPROMOTED, call++, 0, 0));
                    attributes.put("master-" + p, "5");
                } else {
                    ops = List.of(record("start", zero, call++, 0, 0), record("monitor", MONITOR, call++, 0, 0));
                }
                history.add(new ResourceHistory(p, e.getValue(), ops));
            }
            Membership membership = n == failed ? Membership.OFFLINE : Membership.ONLINE;
            out.add(new NodeStatus(nodes.get(n), membership, false, false, attributes, history, List.of()));
        }
        String dc = nodes.get(failed == 0 ? 1 : 0);
        return new ClusterStatus(true, dc, out);
    }

    private static OperationRecord record(String op, Duration interval, long call, int rc, int expected) {
        return new OperationRecord(op, interval, call, rc, expected, ExecStatus.DONE, LAST_RUN, LAST_RUN,
                Duration.ZERO);
    }
}
