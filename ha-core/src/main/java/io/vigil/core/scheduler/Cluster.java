package io.vigil.core.scheduler;

import io.vigil.core.model.Clone;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Group;
import io.vigil.core.model.Membership;
import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.NodeDefinition;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scheduler's working set for one run (Pacemaker's {@code pcmk_scheduler_t}): nodes, the resource tree with
 * scores and assignments, and the cluster-wide flags. Built fresh for every run and thrown away afterwards.
 */
final class Cluster {
    final Configuration config;
    final ClusterStatus status;
    final Instant now;
    final List<SchedNode> nodes = new ArrayList<>();
    final Map<String, SchedNode> nodeByName = new HashMap<>();
    /** Top-level resources in configuration order. */
    final List<Rsc> resources = new ArrayList<>();
    /** Every scheduler resource by id: configured ids, and instance ids ({@code rsc:N}) of clones. */
    final Map<String, Rsc> byId;
    /** Configured id of a resource inside a clone -> that clone (constraints on it apply to the clone). */
    final Map<String, Rsc> constraintTarget;
    /** Every leaf (primitive or primitive instance), in tree order. */
    final List<PrimitiveRsc> leaves;
    final boolean symmetric;
    final boolean stonith;
    final boolean quorate;
    final NoQuorumPolicy noQuorumPolicy;
    final boolean stopAll;
    final boolean maintenanceMode;
    /** Whether any node carries a promotion score attribute. */
    final boolean anyPromotionScores;
    /** Location constraints for the Promoted role of promotable clones. */
    final List<Locations.PromotedLocation> promotedLocations = new ArrayList<>();
    /**
     * Which nodes' state of each leaf is known: one bit matrix, a row of {@link #knownWords} words per
     * {@link PrimitiveRsc#knownRow}, bit = node index. One array rather than a set per leaf: the history marks
     * up to nodes x resources entries, and this keeps them close together in memory.
     */
    private final long[] knownBits;
    private final int knownWords;
    /** Resources the history shows active that are not configured, found by {@link History#apply}. */
    final Orphans orphans = new Orphans();
    /**
     * The nodes in the order Pacemaker reads their histories (unpack_node_history): the status section's order
     * ({@link ClusterStatus#nodesInStatusOrder()}), then nodes without a status entry by name. Active copies of an
     * anonymous clone take instance numbers in this order, so it breaks ties between equal instances.
     */
    final SchedNode[] historyOrder;
    /** Node index -> its position in {@link #historyOrder}. */
    final int[] historyRank;

    Cluster(Configuration config, ClusterStatus status, Instant now) {
        this.config = config;
        this.status = status;
        this.now = now;
        this.symmetric = config.properties().symmetricCluster();
        this.stonith = config.properties().stonithEnabled();
        this.quorate = status.quorate();
        this.noQuorumPolicy = config.properties().noQuorumPolicy();
        this.maintenanceMode = config.properties().maintenanceMode();
        this.stopAll = config.properties().stopAllResources()
;
        buildNodes();
        this.historyOrder = historyOrder(nodes, nodeByName, status);
        this.historyRank = new int[nodes.size()];
        for (int i = 0; i < historyOrder.length; i++) {
            historyRank[historyOrder[i].index] = i;
        }
        // Sized up front: on big clusters, growing these maps cost as much as filling them.
        int expected = expectedResources(config, nodes.size());
        this.byId = new HashMap<>((int) (expected / 0.75f) + 1);
        this.constraintTarget = new HashMap<>();
        this.leaves = new ArrayList<>(expected);
        buildResources();
        this.knownWords = (nodes.size() + 63) >>> 6;
        this.knownBits = new long[leaves.size() * knownWords];
        boolean promo = false;
        for (SchedNode n : nodes) {
            promo |= n.hasPromotionScores;
        }
        this.anyPromotionScores = promo;
    }

    /**
     * Marks the state of the leaves of some known-node rows as known on a node (the history shows them probed).
     *
     * @param rows bit set over {@link PrimitiveRsc#knownRow}
     */
    void markKnown(long[] rows, SchedNode node) {
        int word = node.index >>> 6;
        long bit = 1L << node.index;
        for (int w = 0; w < rows.length; w++) {
            long bits = rows[w];
            while (bits != 0) {
                int row = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                knownBits[row * knownWords + word] |= bit;
            }
        }
    }

    /** A set of nodes as a mask over a known-node row (for {@link #knownOnAll}). */
    long[] nodeMask(SchedNode[] of) {
        long[] mask = new long[knownWords];
        for (SchedNode n : of) {
            mask[n.index >>> 6] |= 1L << n.index;
        }
        return mask;
    }

    /** Whether a leaf's state is known on every node of a mask made by {@link #nodeMask}. */
    boolean knownOnAll(PrimitiveRsc leaf, long[] mask) {
        int base = leaf.knownRow * knownWords;
        for (int w = 0; w < knownWords; w++) {
            if ((knownBits[base + w] & mask[w]) != mask[w]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a leaf's state on a node is known (probed); otherwise it needs a probe. */
    boolean isKnown(PrimitiveRsc leaf, SchedNode node) {
        return (knownBits[leaf.knownRow * knownWords + (node.index >>> 6)] & 1L << node.index) != 0;
    }

    /** Whether actions that need quorum may run (no-quorum-policy=ignore, or quorate). */
    boolean haveQuorum() {
        return quorate || noQuorumPolicy == NoQuorumPolicy.IGNORE;
    }

    private void buildNodes() {
        Map<String, NodeDefinition> defs = new TreeMap<>();
        for (NodeDefinition d : config.nodes()) {
            defs.put(d.name(), d);
        }
        Map<String, NodeStatus> states = new TreeMap<>();
        for (NodeStatus s : status.nodes()) {
            states.put(s.name(), s);
        }
        TreeMap<String, Boolean> names = new TreeMap<>();
        defs.keySet().forEach(n -> names.put(n, true));
        states.keySet().forEach(n -> names.put(n, true));
        int i = 0;
        for (String name : names.keySet()) {
            NodeDefinition d = defs.get(name);
            NodeStatus s = states.get(name);
            Map<String, String> attrs = new TreeMap<>();
            if (d != null) {
                attrs.putAll(d.attributes());
            }
            Membership membership;
            boolean standby = false;
            boolean maintenance = false;
            if (s != null) {
                attrs.putAll(s.attributes());
                membership = s.membership();
                standby = s.standby();
                maintenance = s.maintenance();
            } else {
                membership = stonith && config.properties().startupFencing() ? Membership.UNCLEAN : Membership.OFFLINE;
            }
            standby = standby || truthy(attrs.get("standby"));
            maintenance = maintenance || truthy(attrs.get("maintenance"));
            SchedNode node = new SchedNode(i++, name, d == null ? name : d.id(), membership, standby, maintenance,
                    attrs, d == null ? Map.of() : d.utilization(), s == null);
            node.dc = name.equals(status.dc());
            node.shuttingDown = s != null && s.shuttingDown();
            nodes.add(node);
            nodeByName.put(name, node);
        }
    }

    private static SchedNode[] historyOrder(List<SchedNode> nodes, Map<String, SchedNode> byName,
                                            ClusterStatus status) {
        SchedNode[] order = new SchedNode[nodes.size()];
        boolean[] placed = new boolean[nodes.size()];
        int next = 0;
        for (NodeStatus s : status.nodesInStatusOrder()) {
            SchedNode n = byName.get(s.name());
            if (n != null && !placed[n.index]) {
                placed[n.index] = true;
                order[next++] = n;
            }
        }
        for (SchedNode n : nodes) {
            if (!placed[n.index]) {
                order[next++] = n;
            }
        }
        return order;
    }

    static boolean truthy(String v) {
        if (v == null) {
            return false;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "y", "on", "1" -> true;
            default -> false;
        };
    }

    /** How many scheduler resources (configured ones and clone instances, with their members) a run makes. */
    private static int expectedResources(Configuration config, int nodeCount) {
        int n = 0;
        for (Resource r : config.resources()) {
            if (r instanceof Clone c) {
                int perInstance = 1 + (c.child() instanceof Group g ? g.members().size() : 0);
                n += 1 + c.options().cloneMaxOrDefault(nodeCount) * perInstance;
            } else {
                n += r instanceof Group g ? 1 + g.members().size() : 1;
            }
        }
        return n;
    }

    private void buildResources() {
        MetaAttributes defaults = config.resourceDefaults();
        int order = 0;
        for (Resource r : config.resources()) {
            Rsc rsc;
            if (r instanceof Primitive p) {
                rsc = primitive(p.id(), null, p, p.meta().inheriting(defaults));
            } else if (r instanceof Group g) {
                rsc = group(g.id(), null, g, g.meta().inheriting(defaults));
            } else {
                rsc = clone((Clone) r, defaults);
            }
            rsc.order = order++;
            resources.add(rsc);
        }
    }

    private PrimitiveRsc primitive(String id, Rsc parent, Primitive p, MetaAttributes meta) {
        PrimitiveRsc rsc = new PrimitiveRsc(id, parent, p, meta, nodes.size(), symmetric);
        if (parent != null) {
            System.arraycopy(parent.scores, 0, rsc.scores, 0, nodes.size());
        }
        byId.put(id, rsc);
        rsc.knownRow = leaves.size();
        rsc.leafIndex = leaves.size();
        leaves.add(rsc);
        return rsc;
    }

    private GroupRsc group(String id, Rsc parent, Group g, MetaAttributes meta) {
        GroupRsc rsc = new GroupRsc(id, parent, meta, nodes.size(), symmetric);
        byId.put(id, rsc);
        String suffix = id.equals(g.id()) ? "" : id.substring(g.id().length());
        for (Primitive m : g.members()) {
            rsc.members.add(primitive(m.id() + suffix, rsc, m, m.meta().inheriting(meta)));
        }
        return rsc;
    }

    private CloneRsc clone(Clone c, MetaAttributes defaults) {
        MetaAttributes meta = c.meta().inheriting(defaults);
        if (meta.resourceStickiness() == null) {
            // Pacemaker gives clones a stickiness of 1 unless configured, so instances do not shuffle.
            meta = meta.withResourceStickiness(1);
        }
        int nodeCount = nodes.size();
        var o = c.options();
        boolean unique = o.globallyUniqueOrDefault();
        int cloneMax = o.cloneMaxOrDefault(nodeCount);
        int nodeMax = o.cloneNodeMaxOrDefault();
        if (!unique) {
            nodeMax = Math.min(nodeMax, Math.max(1, nodeMax));
        }
        CloneRsc rsc = new CloneRsc(c.id(), meta, nodeCount, symmetric, cloneMax, nodeMax, unique,
                o.interleave(), o.promotable(), o.promotedMaxOrDefault(), o.promotedNodeMaxOrDefault());
        byId.put(c.id(), rsc);
        constraintTarget.put(c.child().id(), rsc);
        for (Primitive p : c.child().primitives()) {
            constraintTarget.put(p.id(), rsc);
        }
        MetaAttributes childMeta = c.child().meta().inheriting(meta);
        for (int i = 0; i < cloneMax; i++) {
            String suffix = ":" + i;
            Rsc inst;
            if (c.child() instanceof Primitive p) {
                inst = primitive(p.id() + suffix, rsc, p, childMeta);
            } else if (c.child() instanceof Group g) {
                inst = group(g.id() + suffix, rsc, g, childMeta);
            } else {
                throw new IllegalArgumentException("clone " + c.id() + ": a clone of a clone is not supported");
            }
            inst.order = i;
            rsc.instances.add(inst);
        }
        for (Primitive p : c.child().primitives()) {
            List<PrimitiveRsc> copies = rsc.leavesOf(p.id());
            for (PrimitiveRsc leaf : copies) {
                leaf.knownRow = copies.get(0).knownRow; // one row for all copies (the others' rows stay unused)
            }
        }
        return rsc;
    }

    /** The scheduler resource a constraint's resource id refers to. */
    Rsc constraintResource(String id) {
        Rsc r = constraintTarget.get(id);
        return r != null ? r : byId.get(id);
    }

    /** The members of a resource set that exist (ids naming nothing are skipped), in set order. */
    List<Rsc> setMembers(io.vigil.core.model.ResourceSet set) {
        List<Rsc> members = new ArrayList<>();
        for (String id : set.resources()) {
            Rsc r = constraintResource(id);
            if (r != null) {
                members.add(r);
            }
        }
        return members;
    }

    SchedNode node(String name) {
        return nodeByName.get(name);
    }
}
