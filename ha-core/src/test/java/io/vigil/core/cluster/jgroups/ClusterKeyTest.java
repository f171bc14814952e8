package io.vigil.core.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterKeyTest {

    @TempDir
    Path dir;

    @Test
    void a_generated_key_file_holds_32_random_bytes_readable_only_by_its_owner() throws Exception {
        Path file = dir.resolve("authkey");
        ClusterKey generated = ClusterKey.generate(file);

        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ClusterKey.load(file)).isEqualTo(generated);
        assertThat(ClusterKey.generate(dir.resolve("other"))).isNotEqualTo(generated);
    }

    @Test
    void generating_never_overwrites_an_existing_key() throws Exception {
        Path file = dir.resolve("authkey");
        ClusterKey first = ClusterKey.generate(file);

        assertThatThrownBy(() -> ClusterKey.generate(file)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(ClusterKey.load(file)).isEqualTo(first);
    }

    @Test
    void a_key_file_readable_by_group_or_others_is_refused_with_the_fix_in_the_message() throws Exception {
        Path file = dir.resolve("authkey");
        ClusterKey.generate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ClusterKey.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(() -> ClusterKey.load(file)).hasMessageContaining("group or others");
    }

    @Test
    void a_key_file_of_the_wrong_size_is_refused() throws Exception {
        Path file = dir.resolve("authkey");
        Files.write(file, new byte[16]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> ClusterKey.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 32 bytes but the file has 16");
    }

    @Test
    void a_missing_key_file_is_reported_by_name() {
        Path file = dir.resolve("nope");
        assertThatThrownBy(() -> ClusterKey.load(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("not a regular file");
    }

    @Test
    void the_key_never_shows_up_in_its_string_form() throws Exception {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0xA0 + i);
        }
        ClusterKey key = ClusterKey.of(bytes);

        assertThat(key.toString()).doesNotContain("a0a1a2").doesNotContain("A0A1A2")
                .contains(key.fingerprint());
        assertThat(key.fingerprint()).hasSize(16);
        assertThatThrownBy(() -> ClusterKey.of(new byte[31])).hasMessageContaining("expected 32 bytes");
    }

    @Test
    void derived_encryption_and_authentication_keys_differ_from_each_other() {
        ClusterKey key = ClusterKey.random();
        assertThat(key.encryptionKey().getEncoded()).hasSize(32).isNotEqualTo(key.authenticationKey());
        assertThat(key.encryptionKey().getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void the_keygen_command_writes_a_loadable_key_and_refuses_to_overwrite_it() throws Exception {
        Path file = dir.resolve("authkey");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true));
            System.setErr(new PrintStream(captured, true));
            assertThat(io.vigil.core.cluster.jgroups.cli.ClusterKeygenAccess.run(file.toString())).isZero();
            assertThat(io.vigil.core.cluster.jgroups.cli.ClusterKeygenAccess.run(file.toString())).isEqualTo(1);
            assertThat(io.vigil.core.cluster.jgroups.cli.ClusterKeygenAccess.run()).isEqualTo(2);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString()).contains("wrote cluster key " + ClusterKey.load(file).fingerprint())
                .contains("already exists").contains("usage: ClusterKeygen <key-file>");
    }
}
