package io.vigil.core.cluster.jgroups;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared secret of a cluster, like Corosync's {@code authkey}: 32 random bytes (256 bits) in a binary
 * file that only its owner may read.
 *
 * <p>Every member must hold the same key. From it Vigil derives independent sub-keys with HMAC-SHA256 (one
 * label each): an AES-256 key for {@code SYM_ENCRYPT}, an HMAC key for the per-message MAC
 * ({@link MessageMac}) and one for the join/merge authentication token ({@link HmacAuthToken}). The raw key
 * never leaves the process.
 *
 * <p>Create a key file with {@link #generate(Path)} or the command line
 * {@code java -cp ha-core.jar io.vigil.core.cluster.jgroups.cli.ClusterKeygen /etc/vigil/authkey}, then copy
 * that file to every node (scp keeps it secret; keep the mode 0600).
 *
 * <p>Instances are immutable and do not print their bytes ({@link #toString()} shows a short fingerprint).
 */
public final class ClusterKey {

    /** Size of a key file in bytes: {@value}. */
    public static final int KEY_BYTES = 32;

    private static final String ENCRYPTION_LABEL = "vigil/sym-encrypt/aes-256/v1";
    private static final String AUTH_LABEL = "vigil/auth/hmac-sha256/v1";
    private static final String MAC_LABEL = "vigil/message-mac/hmac-sha256/v1";
    private static final String FINGERPRINT_LABEL = "vigil/fingerprint/v1";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final byte[] key;

    private ClusterKey(byte[] key) {
        this.key = key.clone();
    }

    /**
     * Wraps key bytes that were obtained some other way (for example from a secret store).
     *
     * @param key exactly {@value #KEY_BYTES} bytes; copied
     * @return the key
     * @throws IllegalArgumentException if {@code key} is null or not {@value #KEY_BYTES} bytes long
     */
    public static ClusterKey of(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("cluster key: expected " + KEY_BYTES + " bytes but got "
                    + (key == null ? "null" : key.length + " bytes"));
        }
        return new ClusterKey(key);
    }

    /**
     * A fresh random key from {@link SecureRandom}, held only in memory (tests, or a caller that stores it
     * itself).
     *
     * @return a new random key
     */
    public static ClusterKey random() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new ClusterKey(bytes);
    }

    /**
     * Writes a new random key to {@code file}, created with mode 0600 (owner read/write only) so that the
     * secret is never readable by others, not even for a moment. Refuses to overwrite an existing file: a
     * cluster key is replaced only on purpose (delete the old file first; see docs/transport.md, key
     * rotation).
     *
     * @param file where to write; its parent directory must exist
     * @return the new key
     * @throws FileAlreadyExistsException if {@code file} exists
     * @throws IOException if the file cannot be written
     */
    public static ClusterKey generate(Path file) throws IOException {
        ClusterKey generated = random();
        boolean posix = isPosix(file.toAbsolutePath().getParent());
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel out = Files.newByteChannel(file,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC),
                attrs)) {
            ByteBuffer buffer = ByteBuffer.wrap(generated.key.clone());
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
        if (posix) {
            // the umask may have removed bits, never added any; set the mode explicitly anyway
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return generated;
    }

    /**
     * Reads a key file written by {@link #generate(Path)}.
     *
     * @param file the key file
     * @return the key
     * @throws IllegalArgumentException if the file is readable or writable by group or others (on file systems
     *     with POSIX permissions), or is not exactly {@value #KEY_BYTES} bytes long; the message names the file
     *     and the problem
     * @throws IOException if the file cannot be read
     */
    public static ClusterKey load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("cluster key file " + file + ": not a regular file (create one with "
                    + "ClusterKey.generate or the ClusterKeygen command)");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            Set<PosixFilePermission> tooOpen = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission p : perms) {
                if (!p.name().startsWith("OWNER_")) {
                    tooOpen.add(p);
                }
            }
            if (!tooOpen.isEmpty()) {
                throw new IllegalArgumentException("cluster key file " + file + ": permissions "
                        + PosixFilePermissions.toString(perms) + " let group or others access the secret; "
                        + "run chmod 600 " + file);
            }
        }
        long size = Files.size(file);
        if (size != KEY_BYTES) {
            throw new IllegalArgumentException("cluster key file " + file + ": expected " + KEY_BYTES
                    + " bytes but the file has " + size + " (not a Vigil key file, or truncated)");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("cluster key file " + file + ": expected " + KEY_BYTES
                    + " bytes but read " + bytes.length);
        }
        try {
            return new ClusterKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * A short, non-secret identifier of this key (first 8 bytes of an HMAC under a fixed label, hex), safe to
     * log and to compare between nodes when diagnosing "wrong key" problems.
     *
     * @return 16 hex digits
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(derive(FINGERPRINT_LABEL), 0, 8);
    }

    /** The AES-256 key for SYM_ENCRYPT, derived under its own label. */
    SecretKey encryptionKey() {
        return new SecretKeySpec(derive(ENCRYPTION_LABEL), "AES");
    }

    /** The HMAC-SHA256 key for {@link HmacAuthToken}, derived under its own label. */
    byte[] authenticationKey() {
        return derive(AUTH_LABEL);
    }

    /** The HMAC-SHA256 key for {@link MessageMac}, derived under its own label. */
    byte[] messageMacKey() {
        return derive(MAC_LABEL);
    }

    private byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JRE", e);
        }
    }

    private static boolean isPosix(Path dir) {
        Path probe = dir == null ? Path.of(".") : dir;
        return Files.getFileAttributeView(probe, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }

    /** Two keys are equal when their bytes are (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterKey && MessageDigest.isEqual(key, ((ClusterKey) o).key);
    }

    @Override
    public int hashCode() {
        return fingerprint().hashCode();
    }

    /** Shows only the fingerprint, never the key. */
    @Override
    public String toString() {
        return "ClusterKey[" + fingerprint() + "]";
    }
}
