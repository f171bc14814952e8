package io.vigil.core.cluster.jgroups.cli;

/** Lets tests in the parent package call {@link ClusterKeygen#run} without System.exit. */
public final class ClusterKeygenAccess {
    private ClusterKeygenAccess() {
    }

    public static int run(String... args) {
        return ClusterKeygen.run(args);
    }
}
