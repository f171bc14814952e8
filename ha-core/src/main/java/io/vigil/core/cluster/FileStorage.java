package io.vigil.core.cluster;

import io.vigil.core.model.Cib;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's durable state in {@code <dataDir>/cib.bin}. Every save writes a temporary file, fsyncs it, renames
 * it over the old one and fsyncs the directory, so a crash leaves either the old or the new file.
 *
 * <p>Layout: magic {@code VGCB}, format version (int, 1), term (long), cibTerm (long), votedFor (UTF, "" for
 * none), CIB length (int), CIB bytes ({@link CibCodec}), lineage (int count, then epoch (long) and writer (UTF); see
 * {@link Lineage}), CRC32C (long) of everything before it. A short file, a
 * wrong magic, a checksum mismatch or an undecodable CIB is reported as corrupt. A corrupt file is left in place
 * (so a restart still sees it) and a copy is kept as {@code cib.bin.corrupt-<millis>}.
 */
final class FileStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(FileStorage.class);
    private static final int MAGIC = 0x56474342; // "VGCB"
    static final String FILE = "cib.bin";

    private final Path dir;
    private final Path file;
    private final CibCodec codec;

    FileStorage(Path dir, CibCodec codec) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.codec = codec;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Loaded load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Loaded.fresh();
        } catch (IOException e) {
            return corrupt("cannot read " + file + ": " + e.getMessage(), null);
        }
        try {
            return new Loaded(decode(bytes), null);
        } catch (RuntimeException e) {
            return corrupt(file + " is corrupt: " + e.getMessage(), bytes);
        }
    }

    private Loaded corrupt(String why, byte[] bytes) {
        if (bytes != null) {
            Path copy = dir.resolve(FILE + ".corrupt-" + System.currentTimeMillis());
            try {
                Files.write(copy, bytes);
                log.error("{}; a copy is kept in {}", why, copy);
            } catch (IOException e) {
                log.error("{}; could not keep a copy: {}", why, e.getMessage());
            }
        }
        return new Loaded(null, why);
    }

    DurableState decode(byte[] bytes) {
        return decode(codec, bytes);
    }

    /** Parses the file layout; throws IllegalArgumentException naming what is wrong. */
    static DurableState decode(CibCodec codec, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < 4 + 4 + 8 + 8 + 2 + 4 + 8) {
            throw new IllegalArgumentException("too short (" + bytes.length + " bytes): torn write?");
        }
        int magic = b.getInt();
        if (magic != MAGIC) {
            throw new IllegalArgumentException("wrong magic 0x" + Integer.toHexString(magic));
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        long expected = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (crc.getValue() != expected) {
            throw new IllegalArgumentException("checksum mismatch (stored " + Long.toHexString(expected)
                    + ", computed " + Long.toHexString(crc.getValue()) + "): torn or damaged write");
        }
        int format = b.getInt();
        if (format != 1) {
            throw new IllegalArgumentException("unknown format version " + format);
        }
        long term = b.getLong();
        long cibTerm = b.getLong();
        byte[] voted = new byte[b.getShort() & 0xffff];
        b.get(voted);
        byte[] cibBytes = new byte[b.getInt()];
        b.get(cibBytes);
        Cib cib = codec.decode(cibBytes);
        java.util.Map<Long, String> lineage;
        try {
            lineage = WireCodec.readLineage(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes,
                    b.position(), bytes.length - 8 - b.position())));
        } catch (IOException e) {
            throw new IllegalArgumentException("bad lineage: " + e.getMessage(), e);
        }
        String votedFor = new String(voted, StandardCharsets.UTF_8);
        return new DurableState(term, votedFor.isEmpty() ? null : votedFor, cibTerm, cib, lineage);
    }

    byte[] encode(DurableState s) {
        return encode(codec, s);
    }

    /** The file layout for {@code s}. */
    static byte[] encode(CibCodec codec, DurableState s) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(MAGIC);
            d.writeInt(1);
            d.writeLong(s.term());
            d.writeLong(s.cibTerm());
            byte[] voted = (s.votedFor() == null ? "" : s.votedFor()).getBytes(StandardCharsets.UTF_8);
            d.writeShort(voted.length);
            d.write(voted);
            byte[] cib = codec.encode(s.cib());
            d.writeInt(cib.length);
            d.write(cib);
            WireCodec.writeLineage(d, s.lineage());
            d.flush();
            CRC32C crc = new CRC32C();
            crc.update(out.toByteArray());
            d.writeLong(crc.getValue());
            d.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void save(DurableState state) {
        byte[] bytes = encode(state);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException e) {
                log.debug("cannot fsync directory {} ({}); relying on the file's fsync", dir, e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }
}
