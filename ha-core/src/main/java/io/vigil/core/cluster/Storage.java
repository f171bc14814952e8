package io.vigil.core.cluster;

/** The node's durable state: one record, replaced atomically on every write. */
interface Storage {
    /** What is on disk at start. */
    Loaded load();

    /** Replaces the stored state; when this returns, the state survives a crash of the process or the host. */
    void save(DurableState state);

    /** The outcome of {@link #load()}: exactly one of fresh, intact (with state) or corrupt (with a reason). */
    record Loaded(DurableState state, String corruption) {
        static Loaded fresh() {
            return new Loaded(null, null);
        }

        boolean isCorrupt() {
            return corruption != null;
        }
    }
}
