package io.vigil.core.cluster.jgroups;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.Address;
import org.jgroups.Header;
import org.jgroups.Message;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.stack.Protocol;
import org.jgroups.util.ByteArrayDataOutputStream;
import org.jgroups.util.MessageBatch;
import org.jgroups.util.Util;

/**
 * Encrypt-then-MAC for SYM_ENCRYPT, which by itself gives confidentiality only (AES/CBC has no integrity).
 * Sits directly below SYM_ENCRYPT: every outgoing message gets {@code HMAC-SHA256(macKey, label | src | dest |
 * SYM_ENCRYPT header (key version, IV) | payload)} in a {@link MacHeader}; an incoming message whose MAC is missing or wrong is
 * dropped before it is decrypted. Because SERIALIZE sits above SYM_ENCRYPT, the payload is the ciphertext of the
 * whole original message, so a bit flipped anywhere in it, in the IV or in the sender/destination is detected.
 * (SERIALIZE's outer copy of the GMS header is not covered: the receiver discards it and uses the encrypted
 * inner copy.)
 *
 * <p>Public only because JGroups instantiates its header reflectively; not part of Vigil's API. Created by
 * {@link JGroupsStack} with a key derived from the {@link ClusterKey}.
 */
public final class MessageMac extends Protocol {

    /** JGroups protocol id of this protocol (custom ids start above JGroups' own). */
    static final short PROTOCOL_ID = 1917;
    /** JGroups magic number of {@link MacHeader}. */
    static final short HEADER_MAGIC = 1918;
    private static final byte[] LABEL = "vigil-message-mac-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 32;
    private static final long DROP_LOG_INTERVAL_MS = 10_000;
    private static final short ENCRYPT_ID = ClassConfigurator.getProtocolId(org.jgroups.protocols.SYM_ENCRYPT.class);

    static {
        ClassConfigurator.addProtocol(PROTOCOL_ID, MessageMac.class);
        ClassConfigurator.add(HEADER_MAGIC, MacHeader.class);
    }

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private volatile long lastDropLog;

    MessageMac(byte[] macKey) {
        this.key = new SecretKeySpec(macKey.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JRE", e);
            }
        });
        setId(PROTOCOL_ID);
    }

    @Override
    public Object down(Message msg) {
        Address src = msg.src() != null ? msg.src() : getAddress();
        msg.putHeader(PROTOCOL_ID, new MacHeader(compute(src, msg.dest(), msg)));
        return down_prot.down(msg);
    }

    @Override
    public Object up(Message msg) {
        if (!verify(msg.src(), msg.dest(), msg)) {
            return null;
        }
        return up_prot.up(msg);
    }

    @Override
    public void up(MessageBatch batch) {
        for (Iterator<Message> it = batch.iterator(); it.hasNext(); ) {
            Message msg = it.next();
            if (!verify(msg.src() != null ? msg.src() : batch.sender(), msg.dest() != null ? msg.dest() : batch.dest(),
                    msg)) {
                it.remove();
            }
        }
        if (!batch.isEmpty()) {
            up_prot.up(batch);
        }
    }

    private boolean verify(Address src, Address dest, Message msg) {
        MacHeader hdr = msg.getHeader(PROTOCOL_ID);
        if (hdr == null || hdr.mac == null || !MessageDigest.isEqual(hdr.mac, compute(src, dest, msg))) {
            long now = System.currentTimeMillis();
            if (now - lastDropLog > DROP_LOG_INTERVAL_MS) {
                lastDropLog = now;
                log.warn("%s: dropped a message from %s with a %s MAC (wrong cluster key, or altered on the way); "
                        + "further drops are logged at most every %d s", getAddress(), src,
                        hdr == null ? "missing" : "wrong", DROP_LOG_INTERVAL_MS / 1000);
            }
            return false;
        }
        return true;
    }

    private byte[] compute(Address src, Address dest, Message msg) {
        try {
            ByteArrayDataOutputStream out = new ByteArrayDataOutputStream(256);
            out.write(LABEL);
            Util.writeAddress(src, out);
            Util.writeAddress(dest, out);
            Header encrypt = msg.getHeader(ENCRYPT_ID);
            out.writeBoolean(encrypt != null);
            if (encrypt != null) {
                encrypt.writeTo(out); // key version and IV
            }
            Mac mac = macs.get();
            mac.update(out.buffer(), 0, out.position());
            if (msg.hasArray()) {
                mac.update(msg.getArray(), msg.getOffset(), msg.getLength());
            } else if (msg.hasPayload()) {
                byte[] payload = Util.objectToByteBuffer(msg.getObject());
                mac.update(payload);
            }
            return mac.doFinal();
        } catch (Exception e) {
            throw new IllegalStateException("cannot compute message MAC", e);
        }
    }

    /** The MAC of one message. Public only for JGroups' reflective instantiation. */
    public static final class MacHeader extends Header {
        private byte[] mac;

        /** For JGroups: an empty header to read into. */
        public MacHeader() {
        }

        MacHeader(byte[] mac) {
            this.mac = mac;
        }

        @Override
        public short getMagicId() {
            return HEADER_MAGIC;
        }

        @Override
        public Supplier<? extends Header> create() {
            return MacHeader::new;
        }

        @Override
        public int serializedSize() {
            return MAC_BYTES;
        }

        @Override
        public void writeTo(DataOutput out) throws IOException {
            out.write(mac);
        }

        @Override
        public void readFrom(DataInput in) throws IOException {
            mac = new byte[MAC_BYTES];
            in.readFully(mac);
        }

        @Override
        public String toString() {
            return "MacHeader";
        }
    }
}
