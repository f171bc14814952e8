package io.vigil.core.model;

import java.util.Comparator;

/**
 * The version of a CIB: compared by admin epoch, then epoch, then number of updates. The newest wins when
 * partitions merge.
 *
 * @param adminEpoch bumped only by an administrator (forces a version to win)
 * @param epoch      bumped on every configuration change
 * @param numUpdates bumped on every status change, reset when the epoch changes
 */
public record CibVersion(long adminEpoch, long epoch, long numUpdates) implements Comparable<CibVersion> {
    /** The version of an empty CIB. */
    public static final CibVersion ZERO = new CibVersion(0, 0, 0);

    private static final Comparator<CibVersion> ORDER = Comparator.comparingLong(CibVersion::adminEpoch)
            .thenComparingLong(CibVersion::epoch).thenComparingLong(CibVersion::numUpdates);

    /** The version after a configuration change. */
    public CibVersion nextEpoch() {
        return new CibVersion(adminEpoch, epoch + 1, 0);
    }

    /** The version after a status change. */
    public CibVersion nextUpdate() {
        return new CibVersion(adminEpoch, epoch, numUpdates + 1);
    }

    @Override
    public int compareTo(CibVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return adminEpoch + "." + epoch + "." + numUpdates;
    }
}
