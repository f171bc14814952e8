package io.vigil.core.model;

/**
 * Options of a clone; null fields take the default given here.
 *
 * @param cloneMax        how many instances run in total; default: the number of nodes
 * @param cloneNodeMax    how many instances one node may run; default 1
 * @param globallyUnique  whether instances are distinct (each with its own identity); default false, or
 *                        true when clone-node-max &gt; 1 (as Pacemaker 3)
 * @param interleave      whether orders/colocations with another clone apply per node instead of to the
 *                        whole clone; default false
 * @param notifications   whether instances receive pre/post notifications of their peers' actions; default false
 * @param ordered         whether instances start one after the other rather than in parallel; default false
 * @param promotable      whether instances can be promoted (primary/secondary); default false
 * @param promotedMax     how many instances may be promoted in total; default 1
 * @param promotedNodeMax how many promoted instances one node may run; default 1
 */
public record CloneOptions(Integer cloneMax, Integer cloneNodeMax, Boolean globallyUnique, boolean interleave,
                           boolean notifications, boolean ordered, boolean promotable, Integer promotedMax,
                           Integer promotedNodeMax) {
    /** An anonymous, non-promotable clone with every default. */
    public static final CloneOptions DEFAULTS =
            new CloneOptions(null, null, null, false, false, false, false, null, null);

    /** Effective clone-node-max. */
    public int cloneNodeMaxOrDefault() {
        return cloneNodeMax == null ? 1 : cloneNodeMax;
    }

    /** Effective clone-max, given the number of nodes in the cluster. */
    public int cloneMaxOrDefault(int nodeCount) {
        return cloneMax == null ? nodeCount : cloneMax;
    }

    /** Effective globally-unique. */
    public boolean globallyUniqueOrDefault() {
        return globallyUnique != null ? globallyUnique : cloneNodeMaxOrDefault() > 1;
    }

    /** Effective promoted-max. */
    public int promotedMaxOrDefault() {
        return promotedMax == null ? 1 : promotedMax;
    }

    /** Effective promoted-node-max. */
    public int promotedNodeMaxOrDefault() {
        return promotedNodeMax == null ? 1 : promotedNodeMax;
    }
}
