package io.vigil.core.cluster;

import io.vigil.core.json.VigilJson;
import io.vigil.core.model.Cib;
import java.nio.charset.StandardCharsets;

/** The CIB as the project's JSON format ({@link VigilJson}, UTF-8), on the wire and on disk. */
final class VigilJsonCibCodec implements CibCodec {
    static final VigilJsonCibCodec INSTANCE = new VigilJsonCibCodec();

    private VigilJsonCibCodec() {
    }

    @Override
    public byte[] encode(Cib cib) {
        return VigilJson.writeCib(cib).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Cib decode(byte[] bytes) {
        try {
            return VigilJson.readCib(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a CIB: " + e.getMessage(), e);
        }
    }
}
