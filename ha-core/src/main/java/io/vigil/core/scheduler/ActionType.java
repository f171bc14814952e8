package io.vigil.core.scheduler;

/** The kinds of action a transition graph holds. */
public enum ActionType {
    /** Ask a node whether a resource runs there (a monitor with interval 0). */
    PROBE,
    /** Start a resource instance. */
    START,
    /** Stop a resource instance. */
    STOP,
    /** Promote an instance. */
    PROMOTE,
    /** Demote an instance. */
    DEMOTE,
    /** A recurring monitor to schedule. */
    MONITOR,
    /** Cancel a recurring monitor. */
    CANCEL,
    /** Notify clone instances (pre/post an action). */
    NOTIFY,
    /** Fence a node. */
    FENCE,
    /** A synchronisation point with no work of its own (e.g. "clone started"). */
    PSEUDO,
    /** Have the agent reload changed parameters of a running resource (Pacemaker's reload-agent). */
    RELOAD
}
