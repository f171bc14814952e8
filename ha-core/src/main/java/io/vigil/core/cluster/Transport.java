package io.vigil.core.cluster;

/**
 * How the protocol talks to its peers. Within one view, messages between two members arrive at most once and
 * in order, or not at all; the protocol retries what it must. Implemented over JGroups and in the simulation.
 */
interface Transport {
    /** Sends to one member of the current view; silently dropped if it is not there. */
    void send(String to, Msg msg);

    /** Sends to every member of the current view except this node. */
    void broadcast(Msg msg);
}
