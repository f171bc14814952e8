package io.vigil.core.scheduler;

/**
 * One action the scheduler considers for a leaf (start, stop, promote, demote on a node), with Pacemaker's two
 * flags: optional (nothing forces it) and runnable (it could run). Orderings flip these until nothing changes.
 */
final class Act {
    final String task;
    final PrimitiveRsc leaf;
    final SchedNode node;
    boolean optional;
    boolean runnable;
    String reason;
    /** Its slot in the graph being built (see Graphs), -1 while it has none. */
    int graphId = -1;

    Act(String task, PrimitiveRsc leaf, SchedNode node, boolean optional, boolean runnable) {
        this.task = task;
        this.leaf = leaf;
        this.node = node;
        this.optional = optional;
        this.runnable = runnable;
    }

    /** Will run in this transition. */
    boolean happens() {
        return !optional && runnable;
    }

    @Override
    public String toString() {
        return task + " " + leaf.id + (node == null ? "" : " on " + node.name) + (optional ? " (optional)" : "")
                + (runnable ? "" : " (unrunnable)");
    }
}
