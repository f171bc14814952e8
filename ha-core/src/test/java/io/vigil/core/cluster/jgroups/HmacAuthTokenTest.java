package io.vigil.core.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.Message;
import org.jgroups.protocols.AUTH;
import org.jgroups.util.ByteArrayDataInputStream;
import org.jgroups.util.ByteArrayDataOutputStream;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.Test;

/** The AUTH token proves possession of the key without revealing it and cannot be replayed. */
class HmacAuthTokenTest {

    private final Address alice = UUID.randomUUID();
    private final Address mallory = UUID.randomUUID();
    private final byte[] key = ClusterKey.random().authenticationKey();

    private HmacAuthToken signer(byte[] k, Address self) {
        AUTH auth = new AUTH();
        auth.setAddress(self);
        HmacAuthToken t = new HmacAuthToken(k);
        t.setAuth(auth);
        auth.setAuthToken(t);
        return t;
    }

    private static byte[] wire(HmacAuthToken t) throws Exception {
        ByteArrayDataOutputStream out = new ByteArrayDataOutputStream(64);
        t.writeTo(out);
        byte[] bytes = new byte[out.position()];
        System.arraycopy(out.buffer(), 0, bytes, 0, bytes.length);
        return bytes;
    }

    private static HmacAuthToken read(byte[] bytes) throws Exception {
        HmacAuthToken t = new HmacAuthToken();
        t.readFrom(new ByteArrayDataInputStream(bytes));
        return t;
    }

    private static Message from(Address src) {
        return new BytesMessage().setSrc(src);
    }

    @Test
    void a_token_signed_with_the_cluster_key_is_accepted_once() throws Exception {
        HmacAuthToken verifier = signer(key, UUID.randomUUID());
        byte[] bytes = wire(signer(key, alice));

        assertThat(bytes).hasSize(new HmacAuthToken().size());
        assertThat(verifier.authenticate(read(bytes), from(alice))).isTrue();
        assertThat(verifier.authenticate(read(bytes), from(alice))).as("replayed").isFalse();
    }

    @Test
    void a_token_signed_with_another_key_is_refused() throws Exception {
        HmacAuthToken verifier = signer(key, UUID.randomUUID());
        byte[] bytes = wire(signer(ClusterKey.random().authenticationKey(), alice));

        assertThat(verifier.authenticate(read(bytes), from(alice))).isFalse();
    }

    @Test
    void a_captured_token_is_refused_when_it_arrives_from_another_address() throws Exception {
        HmacAuthToken verifier = signer(key, UUID.randomUUID());
        byte[] bytes = wire(signer(key, alice));

        assertThat(verifier.authenticate(read(bytes), from(mallory))).isFalse();
    }

    @Test
    void a_token_whose_bytes_were_altered_is_refused() throws Exception {
        HmacAuthToken verifier = signer(key, UUID.randomUUID());
        byte[] bytes = wire(signer(key, alice));
        bytes[30] ^= 1; // inside the MAC

        assertThat(verifier.authenticate(read(bytes), from(alice))).isFalse();
    }

    @Test
    void the_key_is_not_on_the_wire_and_every_token_is_different() throws Exception {
        HmacAuthToken signer = signer(key, alice);
        byte[] first = wire(signer);
        byte[] second = wire(signer);

        assertThat(first).isNotEqualTo(second);
        assertThat(indexOf(first, key)).isEqualTo(-1);
    }

    @Test
    void a_token_read_from_the_wire_cannot_vouch_for_anything_itself() throws Exception {
        byte[] bytes = wire(signer(key, alice));
        assertThat(read(bytes).authenticate(read(bytes), from(alice))).isFalse();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
