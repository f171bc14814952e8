package io.vigil.core.cluster;

import io.vigil.core.model.Cib;

/**
 * Turns a {@link Cib} into bytes and back, for the wire and for the CIB file. One seam so that the cluster layer
 * can switch to the project-wide JSON mapping without touching the protocol.
 */
interface CibCodec {
    /** The CIB as bytes. */
    byte[] encode(Cib cib);

    /**
     * The CIB back from {@link #encode} output.
     *
     * @throws IllegalArgumentException when the bytes are not a CIB
     */
    Cib decode(byte[] bytes);

    /** The codec in use today. */
    static CibCodec standard() {
        return VigilJsonCibCodec.INSTANCE;
    }
}
