package io.vigil.core.cluster.jgroups.cli;

import io.vigil.core.cluster.jgroups.ClusterKey;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/**
 * {@code vigil-keygen}, like {@code corosync-keygen}: writes a new random 256-bit cluster key with mode 0600.
 *
 * <pre>
 * java -cp ha-core.jar io.vigil.core.cluster.jgroups.cli.ClusterKeygen /etc/vigil/authkey
 * </pre>
 *
 * Exit status: 0 written, 1 the file exists or cannot be written, 2 usage error.
 */
public final class ClusterKeygen {

    private ClusterKeygen() {
    }

    /**
     * @param args exactly one argument: the key file to create (it must not exist)
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println("usage: ClusterKeygen <key-file>");
            System.err.println("  writes a new random " + ClusterKey.KEY_BYTES * 8 + "-bit cluster key, mode 0600;");
            System.err.println("  copy the file to every node of the cluster.");
            return 2;
        }
        Path file = Path.of(args[0]);
        try {
            ClusterKey key = ClusterKey.generate(file);
            System.out.println("wrote cluster key " + key.fingerprint() + " to " + file.toAbsolutePath()
                    + " (mode 0600); copy it to every node");
            return 0;
        } catch (FileAlreadyExistsException e) {
            System.err.println("ClusterKeygen: " + file + " already exists; not overwriting a cluster key "
                    + "(delete it first if you really mean to replace the key on every node)");
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("ClusterKeygen: cannot write " + file + ": " + e);
            return 1;
        }
    }
}
