package io.vigil.core.cluster.jgroups;

import java.io.InputStream;

/**
 * Shipped timing profiles: complete, readable JGroups XML stacks under
 * {@code io/vigil/core/cluster/jgroups/<name>.xml} on the class path. Copy one to start your own.
 * Measured detection times are in docs/transport.md.
 */
public enum Profile {
    /**
     * {@code fast.xml}: a crashed peer on a LAN leaves the view within about 1 s (kill -9 ≈ 0.4 s, a hung peer
     * ≈ 0.9 s). Heartbeats every 100 ms, timeout 500 ms: meant for a handful of nodes on a quiet LAN.
     */
    FAST("fast.xml"),
    /**
     * {@code default.xml}: kill -9 ≈ 1 s, a hung peer or a cut link ≈ 4-5 s (heartbeat 1 s, timeout 3 s,
     * verify 1 s). Survives GC pauses up to ~3 s. The default.
     */
    DEFAULT("default.xml"),
    /** {@code wan.xml}: slow and tolerant (heartbeat 4 s, timeout 20 s, verify 3 s, larger buffers). */
    WAN("wan.xml");

    private final String fileName;

    Profile(String fileName) {
        this.fileName = fileName;
    }

    /** @return the class-path resource of this profile, e.g. {@code io/vigil/core/cluster/jgroups/fast.xml} */
    public String resourceName() {
        return "io/vigil/core/cluster/jgroups/" + fileName;
    }

    /** Opens the profile's XML; the caller closes the stream. */
    InputStream open() {
        InputStream in = Profile.class.getClassLoader().getResourceAsStream(resourceName());
        if (in == null) {
            throw new IllegalStateException("profile " + name() + ": resource " + resourceName() + " is missing");
        }
        return in;
    }
}
