package io.vigil.core.cluster.jgroups;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.Address;
import org.jgroups.Message;
import org.jgroups.auth.AuthToken;
import org.jgroups.util.ByteArrayDataOutputStream;
import org.jgroups.util.Util;

/**
 * JGroups {@code AUTH} token proving that the sender of a join or merge request (and the coordinator's answer)
 * holds the cluster key, without ever putting the key on the wire.
 *
 * <p>On the wire: a timestamp (ms since the epoch), a fresh random 16-byte nonce and
 * {@code HMAC-SHA256(authKey, label | sender address | timestamp | nonce)}: 56 bytes. The receiver recomputes
 * the MAC with the address the message really came from and compares in constant time; it refuses a token
 * older or newer than {@link #MAX_CLOCK_SKEW_MS} and a nonce it has already seen, so a captured token can
 * neither be replayed nor reused from another address. (JGroups 5.5 ships no shared-secret token: X509Token
 * compares case-insensitively and its RSA ciphertext can be replayed, and header-only messages travel
 * unencrypted unless SERIALIZE sits above the encryption.)
 *
 * <p>Vigil creates this token itself when a {@link ClusterKey} is configured; JGroups instantiates it
 * reflectively (public no-argument constructor) only to read tokens received from peers.
 */
public final class HmacAuthToken extends AuthToken {

    /** Largest accepted difference between the sender's and the receiver's clocks: {@value} ms (5 min). */
    public static final long MAX_CLOCK_SKEW_MS = 5 * 60 * 1000L;

    private static final byte[] LABEL = "vigil-auth-token-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 16;
    private static final int MAC_BYTES = 32;
    private static final int MAX_REMEMBERED_NONCES = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The HMAC key; null in instances that were read from the wire. */
    private final byte[] key;

    /** Fields of a received token. */
    private long timestamp;
    private byte[] nonce;
    private byte[] mac;

    /** Nonces of accepted tokens with their timestamps, oldest first; guarded by itself. */
    private final LinkedHashMap<String, Long> seenNonces = new LinkedHashMap<>();

    /** Used by JGroups to read a token received from a peer; such a token cannot authenticate anything. */
    public HmacAuthToken() {
        this.key = null;
    }

    HmacAuthToken(byte[] authKey) {
        if (authKey == null || authKey.length < 16) {
            throw new IllegalArgumentException("auth key: expected at least 16 bytes");
        }
        this.key = authKey.clone();
    }

    @Override
    public String getName() {
        return HmacAuthToken.class.getName();
    }

    @Override
    public int size() {
        return Long.BYTES + NONCE_BYTES + MAC_BYTES;
    }

    /**
     * Writes a fresh token: every serialization gets its own timestamp and nonce. The instance is shared by all
     * outgoing AUTH headers (possibly from several threads), so nothing is stored in fields here.
     */
    @Override
    public void writeTo(DataOutput out) throws IOException {
        if (key == null || auth == null || auth.getAddress() == null) {
            throw new IOException("HmacAuthToken: cannot sign a token without key and local address");
        }
        long now = System.currentTimeMillis();
        byte[] freshNonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(freshNonce);
        out.writeLong(now);
        out.write(freshNonce);
        out.write(computeMac(key, auth.getAddress(), now, freshNonce));
    }

    @Override
    public void readFrom(DataInput in) throws IOException {
        timestamp = in.readLong();
        nonce = new byte[NONCE_BYTES];
        in.readFully(nonce);
        mac = new byte[MAC_BYTES];
        in.readFully(mac);
    }

    @Override
    public boolean authenticate(AuthToken token, Message msg) {
        if (token == this && key != null) {
            // A message this node sent to itself is looped back without serialization and still carries the
            // signing instance; a token read from the wire is always a new instance.
            return true;
        }
        if (key == null || !(token instanceof HmacAuthToken) || msg.src() == null) {
            return false;
        }
        HmacAuthToken received = (HmacAuthToken) token;
        if (received.mac == null || received.nonce == null) {
            return false;
        }
        long now = System.currentTimeMillis();
        if (Math.abs(now - received.timestamp) > MAX_CLOCK_SKEW_MS) {
            log.warn("%s: auth token from %s is %d ms off this node's clock (more than %d ms): rejected",
                    auth == null ? null : auth.getAddress(), msg.src(), now - received.timestamp, MAX_CLOCK_SKEW_MS);
            return false;
        }
        byte[] expected;
        try {
            expected = computeMac(key, msg.src(), received.timestamp, received.nonce);
        } catch (IOException e) {
            return false;
        }
        if (!MessageDigest.isEqual(expected, received.mac)) {
            return false;
        }
        return rememberNonce(HexFormat.of().formatHex(received.nonce), received.timestamp, now);
    }

    /** Returns false if the nonce was seen before (a replay); forgets nonces older than the skew window. */
    private boolean rememberNonce(String nonceHex, long tokenTime, long now) {
        synchronized (seenNonces) {
            for (Iterator<Map.Entry<String, Long>> it = seenNonces.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Long> e = it.next();
                if (now - e.getValue() > 2 * MAX_CLOCK_SKEW_MS || seenNonces.size() > MAX_REMEMBERED_NONCES) {
                    it.remove();
                } else {
                    break;
                }
            }
            return seenNonces.putIfAbsent(nonceHex, Math.max(tokenTime, now)) == null;
        }
    }

    private static byte[] computeMac(byte[] key, Address sender, long timestamp, byte[] nonce) throws IOException {
        ByteArrayDataOutputStream data = new ByteArrayDataOutputStream(128);
        data.write(LABEL);
        Util.writeAddress(sender, data);
        data.writeLong(timestamp);
        data.write(nonce);
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(data.buffer(), 0, data.position());
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JRE", e);
        }
    }

    @Override
    public String toString() {
        return "HmacAuthToken";
    }
}
