package io.vigil.core.scheduler;

/** The kinds of action a transition graph holds. */
public enum ActionType {
    /** Ask a node whether a resource runs there (a monitor with interval 0). */
    PROBE,
    START,
    STOP,
    PROMOTE,
    DEMOTE,
    /** A recurring monitor to schedule. */
    MONITOR,
    /** Cancel a recurring monitor. */
    CANCEL,
    NOTIFY,
    /** Fence a node. */
    FENCE,
    /** A synchronisation point with no work of its own (e.g. "clone started"). */
    PSEUDO
}
