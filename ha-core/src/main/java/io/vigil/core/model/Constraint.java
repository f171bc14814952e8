package io.vigil.core.model;

import java.util.List;

/**
 * A rule about where and in which order resources run: {@link Location}, {@link Colocation}, {@link Order}, and
 * the resource-set forms {@link ColocationSet} and {@link OrderSet}.
 */
public sealed interface Constraint permits Location, Colocation, Order, ColocationSet, OrderSet {
    /** Unique id across every resource and constraint. */
    String id();

    /** Every resource id this constraint refers to, in order of appearance. */
    List<String> resourceIds();
}
