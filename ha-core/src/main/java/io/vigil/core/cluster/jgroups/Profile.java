package io.vigil.core.cluster.jgroups;

import java.io.InputStream;

/**
 * Shipped timing profiles: complete, readable JGroups XML stacks under
 * {@code io/vigil/core/cluster/jgroups/<name>.xml} on the class path. Copy one to start your own.
 * Measured detection times are in docs/transport.md.
 */
public enum Profile {
    /**
     * {@code fast.xml}: a crashed peer on a LAN leaves the view within about 1 s (measured, 3 JVMs on loopback:
     * kill -9 median 0.4 s, worst 0.6 s; a hung peer median 1.0 s, worst 1.05 s). Heartbeats every 100 ms,
     * timeout 500 ms: meant for a handful of nodes on a quiet LAN.
     */
    FAST("fast.xml"),
    /**
     * {@code default.xml}: kill -9 median 1.4 s, worst 2.0 s; a hung peer or a cut link median 4.7 s, worst
     * 5.1 s (heartbeat 1 s, timeout 3 s, verify 1 s). Survives GC pauses up to ~3 s. The default.
     */
    DEFAULT("default.xml"),
    /**
     * {@code wan.xml}: slow and tolerant (heartbeat 4 s, timeout 20 s, verify 3 s, larger buffers): kill -9
     * median 3.7 s, worst 5.7 s; a hung peer median 26.6 s, worst 28.1 s.
     */
    WAN("wan.xml");

    private final String fileName;

    Profile(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Looks a profile up by its name as users write it in configuration files.
     *
     * @param name {@code fast}, {@code default} or {@code wan}, any case
     * @return the profile
     * @throws IllegalArgumentException naming the value and the choices if there is no such profile
     */
    public static Profile fromName(String name) {
        for (Profile p : values()) {
            if (p.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("profile: expected fast, default or wan but got '" + name + "'");
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
