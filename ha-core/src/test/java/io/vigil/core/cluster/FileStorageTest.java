package io.vigil.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {
    @TempDir
    Path dir;

    private final DurableState state = new DurableState(4, "n2", 3,
            new Cib(new CibVersion(0, 9, 2), CibCodecTest.sample(), ClusterStatus.EMPTY),
            java.util.Map.of(8L, "2/n1", 9L, "3/n2"));

    @Test
    void a_missing_file_means_a_fresh_node() {
        assertThat(new FileStorage(dir, CibCodec.standard()).load()).isEqualTo(Storage.Loaded.fresh());
    }

    @Test
    void what_was_saved_is_loaded_back_and_no_temporary_file_is_left() throws Exception {
        FileStorage s = new FileStorage(dir, CibCodec.standard());
        s.save(state);
        assertThat(new FileStorage(dir, CibCodec.standard()).load().state()).isEqualTo(state);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(FileStorage.FILE);
        }
    }

    @Test
    void a_torn_file_is_reported_as_corrupt_kept_in_place_and_copied_aside() throws Exception {
        FileStorage s = new FileStorage(dir, CibCodec.standard());
        s.save(state);
        byte[] bytes = Files.readAllBytes(s.file());
        Files.write(s.file(), Arrays.copyOf(bytes, bytes.length - 20));
        Storage.Loaded loaded = s.load();
        assertThat(loaded.isCorrupt()).isTrue();
        assertThat(loaded.corruption()).contains("checksum mismatch");
        assertThat(s.file()).exists();
        assertThat(s.load().isCorrupt()).as("still corrupt on the next start").isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("cib.bin.corrupt-"))).isNotEmpty();
        }
    }

    @Test
    void a_single_flipped_byte_is_caught_by_the_checksum() throws Exception {
        FileStorage s = new FileStorage(dir, CibCodec.standard());
        s.save(state);
        byte[] bytes = Files.readAllBytes(s.file());
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(s.file(), bytes);
        assertThat(s.load().corruption()).contains("checksum mismatch");
    }

    @Test
    void a_file_cut_to_a_few_bytes_is_corrupt() throws Exception {
        FileStorage s = new FileStorage(dir, CibCodec.standard());
        Files.write(s.file(), new byte[] {0x56, 0x47});
        assertThat(s.load().corruption()).contains("too short");
    }
}
