package io.vigil.core.cluster;

import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Msg} to bytes and back: a type byte, then the fields in declaration order. Model payloads (CIBs,
 * configurations, node states) go through the {@link CibCodec}.
 */
final class WireCodec {
    private static final int VERSION = 1;
    private final CibCodec codec;

    WireCodec(CibCodec codec) {
        this.codec = codec;
    }

    byte[] encode(Msg m) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            if (m instanceof Msg.JoinRequest j) {
                out.writeByte(1);
                out.writeLong(j.viewId());
                out.writeLong(j.term());
            } else if (m instanceof Msg.JoinReply r) {
                out.writeByte(2);
                out.writeLong(r.viewId());
                out.writeLong(r.term());
                out.writeBoolean(r.ok());
                writeCib(out, r.cib());
                out.writeLong(r.cibTerm());
                writeCib(out, r.local() == null ? null
                        : new Cib(CibVersion.ZERO, Configuration.EMPTY, new ClusterStatus(true, null, List.of(r.local()))));
                writeLineage(out, r.lineage());
            } else if (m instanceof Msg.Replicate r) {
                out.writeByte(3);
                out.writeLong(r.viewId());
                out.writeLong(r.term());
                writeCib(out, r.cib());
                writeLineage(out, r.lineage());
            } else if (m instanceof Msg.Ack a) {
                out.writeByte(4);
                out.writeLong(a.viewId());
                out.writeLong(a.term());
                writeVersion(out, a.version());
            } else if (m instanceof Msg.Submit s) {
                out.writeByte(5);
                out.writeLong(s.viewId());
                out.writeUTF(s.requestId());
                writeVersion(out, s.base());
                writeConfig(out, s.configuration());
            } else if (m instanceof Msg.Result r) {
                out.writeByte(6);
                out.writeLong(r.viewId());
                out.writeUTF(r.requestId());
                out.writeUTF(r.outcome().name());
                writeVersion(out, r.version());
                writeConfig(out, r.current());
                out.writeInt(r.problems().size());
                for (Problem p : r.problems()) {
                    out.writeUTF(p.path());
                    out.writeUTF(p.message());
                }
                writeString(out, r.error());
            } else if (m instanceof Msg.Leaving l) {
                out.writeByte(7);
                out.writeLong(l.viewId());
                out.writeUTF(l.node());
            } else {
                throw new IllegalArgumentException("unknown message " + m);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Msg decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown wire version " + version);
            }
            int type = in.readUnsignedByte();
            switch (type) {
                case 1:
                    return new Msg.JoinRequest(in.readLong(), in.readLong());
                case 2: {
                    long viewId = in.readLong();
                    long term = in.readLong();
                    boolean ok = in.readBoolean();
                    Cib cib = readCib(in);
                    long cibTerm = in.readLong();
                    Cib local = readCib(in);
                    NodeStatus status = local == null ? null : local.status().nodes().get(0);
                    return new Msg.JoinReply(viewId, term, ok, cib, cibTerm, status, readLineage(in));
                }
                case 3:
                    return new Msg.Replicate(in.readLong(), in.readLong(), readCib(in), readLineage(in));
                case 4:
                    return new Msg.Ack(in.readLong(), in.readLong(), readVersion(in));
                case 5:
                    return new Msg.Submit(in.readLong(), in.readUTF(), readVersion(in), readConfig(in));
                case 6: {
                    long viewId = in.readLong();
                    String id = in.readUTF();
                    Msg.Outcome outcome = Msg.Outcome.valueOf(in.readUTF());
                    CibVersion v = readVersion(in);
                    Configuration current = readConfig(in);
                    int n = in.readInt();
                    List<Problem> problems = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        problems.add(new Problem(in.readUTF(), in.readUTF()));
                    }
                    return new Msg.Result(viewId, id, outcome, v, current, problems, readString(in));
                }
                case 7:
                    return new Msg.Leaving(in.readLong(), in.readUTF());
                default:
                    throw new IllegalArgumentException("unknown message type " + type);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated message: " + e.getMessage(), e);
        }
    }

    private void writeCib(DataOutputStream out, Cib cib) throws IOException {
        if (cib == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = codec.encode(cib);
        out.writeInt(b.length);
        out.write(b);
    }

    private Cib readCib(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return codec.decode(b);
    }

    private void writeConfig(DataOutputStream out, Configuration c) throws IOException {
        writeCib(out, c == null ? null : new Cib(CibVersion.ZERO, c, ClusterStatus.EMPTY));
    }

    private Configuration readConfig(DataInputStream in) throws IOException {
        Cib c = readCib(in);
        return c == null ? null : c.configuration();
    }

    private static void writeVersion(DataOutputStream out, CibVersion v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v.adminEpoch());
            out.writeLong(v.epoch());
            out.writeLong(v.numUpdates());
        }
    }

    private static CibVersion readVersion(DataInputStream in) throws IOException {
        return in.readBoolean() ? new CibVersion(in.readLong(), in.readLong(), in.readLong()) : null;
    }

    static void writeLineage(DataOutputStream out, Map<Long, String> lineage) throws IOException {
        out.writeInt(lineage.size());
        for (Map.Entry<Long, String> e : new TreeMap<>(lineage).entrySet()) {
            out.writeLong(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    static Map<Long, String> readLineage(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("bad lineage size " + n);
        }
        Map<Long, String> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put(in.readLong(), in.readUTF());
        }
        return m;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
