package io.vigil.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Cluster-wide options ({@code crm_config}). {@link #DEFAULTS} holds Pacemaker's defaults; {@link #builder()}
 * starts from them.
 *
 * @param stonithEnabled         fence nodes that are lost (Pacemaker 3: {@code fencing-enabled}); default true
 * @param stonithAction          how to fence; default {@link FenceAction#REBOOT}
 * @param noQuorumPolicy         what a partition without quorum does; default {@link NoQuorumPolicy#STOP}
 * @param symmetricCluster       true: every node may run every resource unless banned (opt-out); false:
 *                               only nodes with a positive location score (opt-in); default true
 * @param stopAllResources       stop every resource; default false
 * @param maintenanceMode        the whole cluster is unmanaged, monitors are cancelled; default false
 * @param startFailureIsFatal    a failed start bans the resource from that node at once; default true
 * @param clusterRecheckInterval how often the DC re-runs the scheduler without an event (for failure
 *                               timeouts and time-based rules); default 15 min; zero disables
 * @param placementStrategy      how utilization is used; default {@link PlacementStrategy#DEFAULT}
 * @param batchLimit             how many actions run in parallel across the cluster; default 0 = unlimited
 * @param startupFencing         fence nodes never seen since the cluster started; default true
 * @param concurrentFencing      allow several fencing actions at once; default true
 * @param stopOrphanResources    stop resources that run but are no longer configured (Pacemaker 3:
 *                               {@code stop-removed-resources}); false leaves them running, unmanaged; default
 *                               true
 * @param nodeHealth             how node health attributes ({@code #health*}) score nodes; default
 *                               {@link NodeHealth#DEFAULTS} (strategy none)
 */
public record ClusterProperties(boolean stonithEnabled, FenceAction stonithAction, NoQuorumPolicy noQuorumPolicy,
                                boolean symmetricCluster, boolean stopAllResources, boolean maintenanceMode,
                                boolean startFailureIsFatal, Duration clusterRecheckInterval,
                                PlacementStrategy placementStrategy, int batchLimit, boolean startupFencing,
                                boolean concurrentFencing, boolean stopOrphanResources,
                                NodeHealth nodeHealth) {

    /** Pacemaker's defaults. */
    public static final ClusterProperties DEFAULTS = new ClusterProperties(true, FenceAction.REBOOT,
            NoQuorumPolicy.STOP, true, false, false, true, Duration.ofMinutes(15), PlacementStrategy.DEFAULT, 0,
            true, true, true, NodeHealth.DEFAULTS);

    /** Checks required components, copies collections and fills unset components with their defaults. */
    public ClusterProperties {
        Objects.requireNonNull(stonithAction, "stonithAction");
        Objects.requireNonNull(noQuorumPolicy, "noQuorumPolicy");
        Objects.requireNonNull(clusterRecheckInterval, "clusterRecheckInterval");
        Objects.requireNonNull(placementStrategy, "placementStrategy");
        Objects.requireNonNull(nodeHealth, "nodeHealth");
    }

    /** Properties with the default {@code stopOrphanResources} (true) and {@code nodeHealth} (none). */
    public ClusterProperties(boolean stonithEnabled, FenceAction stonithAction, NoQuorumPolicy noQuorumPolicy,
                             boolean symmetricCluster, boolean stopAllResources, boolean maintenanceMode,
                             boolean startFailureIsFatal, Duration clusterRecheckInterval,
                             PlacementStrategy placementStrategy, int batchLimit, boolean startupFencing,
                             boolean concurrentFencing) {
        this(stonithEnabled, stonithAction, noQuorumPolicy, symmetricCluster, stopAllResources, maintenanceMode,
                startFailureIsFatal, clusterRecheckInterval, placementStrategy, batchLimit, startupFencing,
                concurrentFencing, true, NodeHealth.DEFAULTS);
    }

    /** A builder starting from {@link #DEFAULTS}. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link ClusterProperties}; every setter checks its argument. */
    public static final class Builder {
        private boolean stonithEnabled;
        private FenceAction stonithAction;
        private NoQuorumPolicy noQuorumPolicy;
        private boolean symmetricCluster;
        private boolean stopAllResources;
        private boolean maintenanceMode;
        private boolean startFailureIsFatal;
        private Duration clusterRecheckInterval;
        private PlacementStrategy placementStrategy;
        private int batchLimit;
        private boolean startupFencing;
        private boolean concurrentFencing;
        private boolean stopOrphanResources;
        private NodeHealth nodeHealth;

        private Builder(ClusterProperties p) {
            stonithEnabled = p.stonithEnabled;
            stonithAction = p.stonithAction;
            noQuorumPolicy = p.noQuorumPolicy;
            symmetricCluster = p.symmetricCluster;
            stopAllResources = p.stopAllResources;
            maintenanceMode = p.maintenanceMode;
            startFailureIsFatal = p.startFailureIsFatal;
            clusterRecheckInterval = p.clusterRecheckInterval;
            placementStrategy = p.placementStrategy;
            batchLimit = p.batchLimit;
            startupFencing = p.startupFencing;
            concurrentFencing = p.concurrentFencing;
            stopOrphanResources = p.stopOrphanResources;
            nodeHealth = p.nodeHealth;
        }

        /** See {@link ClusterProperties#stonithEnabled()}. */
        public Builder stonithEnabled(boolean value) {
            stonithEnabled = value;
            return this;
        }

        /** See {@link ClusterProperties#stonithAction()}. */
        public Builder stonithAction(FenceAction value) {
            stonithAction = Objects.requireNonNull(value, "stonithAction");
            return this;
        }

        /** See {@link ClusterProperties#noQuorumPolicy()}. */
        public Builder noQuorumPolicy(NoQuorumPolicy value) {
            noQuorumPolicy = Objects.requireNonNull(value, "noQuorumPolicy");
            return this;
        }

        /** See {@link ClusterProperties#symmetricCluster()}. */
        public Builder symmetricCluster(boolean value) {
            symmetricCluster = value;
            return this;
        }

        /** See {@link ClusterProperties#stopAllResources()}. */
        public Builder stopAllResources(boolean value) {
            stopAllResources = value;
            return this;
        }

        /** See {@link ClusterProperties#maintenanceMode()}. */
        public Builder maintenanceMode(boolean value) {
            maintenanceMode = value;
            return this;
        }

        /** See {@link ClusterProperties#startFailureIsFatal()}. */
        public Builder startFailureIsFatal(boolean value) {
            startFailureIsFatal = value;
            return this;
        }

        /** See {@link ClusterProperties#clusterRecheckInterval()}; must not be negative. */
        public Builder clusterRecheckInterval(Duration value) {
            Objects.requireNonNull(value, "clusterRecheckInterval");
            if (value.isNegative()) {
                throw new IllegalArgumentException("clusterRecheckInterval must not be negative: " + value);
            }
            clusterRecheckInterval = value;
            return this;
        }

        /** See {@link ClusterProperties#placementStrategy()}. */
        public Builder placementStrategy(PlacementStrategy value) {
            placementStrategy = Objects.requireNonNull(value, "placementStrategy");
            return this;
        }

        /** See {@link ClusterProperties#batchLimit()}; must not be negative. */
        public Builder batchLimit(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("batchLimit must not be negative: " + value);
            }
            batchLimit = value;
            return this;
        }

        /** See {@link ClusterProperties#startupFencing()}. */
        public Builder startupFencing(boolean value) {
            startupFencing = value;
            return this;
        }

        /** See {@link ClusterProperties#concurrentFencing()}. */
        public Builder concurrentFencing(boolean value) {
            concurrentFencing = value;
            return this;
        }

        /** See {@link ClusterProperties#stopOrphanResources()}. */
        public Builder stopOrphanResources(boolean value) {
            stopOrphanResources = value;
            return this;
        }

        /** See {@link ClusterProperties#nodeHealth()}. */
        public Builder nodeHealth(NodeHealth value) {
            nodeHealth = Objects.requireNonNull(value, "nodeHealth");
            return this;
        }

        /** The properties. */
        public ClusterProperties build() {
            return new ClusterProperties(stonithEnabled, stonithAction, noQuorumPolicy, symmetricCluster,
                    stopAllResources, maintenanceMode, startFailureIsFatal, clusterRecheckInterval,
                    placementStrategy, batchLimit, startupFencing, concurrentFencing, stopOrphanResources,
                    nodeHealth);
        }
    }
}
