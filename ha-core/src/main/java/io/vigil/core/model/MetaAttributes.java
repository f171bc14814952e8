package io.vigil.core.model;

import java.time.Duration;
import java.util.Map;

/**
 * A resource's meta attributes: how the cluster treats it, as opposed to the parameters its agent reads.
 *
 * <p>Every field is nullable: null means "not set here", so the value comes from the parent resource (a
 * group or clone), then from the resource defaults ({@code rsc_defaults}), then from Pacemaker's default
 * (given per field). {@link #inheriting(MetaAttributes)} does that lookup.
 *
 * @param priority           when not every resource can run, higher priority ones are placed first; default 0
 * @param targetRole         the role the cluster should bring the resource to; default {@link Role#STARTED}
 *                           (for a promotable clone: as many promoted instances as allowed)
 * @param isManaged          false: the cluster observes but never starts or stops the resource; default true
 * @param maintenance        true: as unmanaged, and recurring monitors are cancelled; default false
 * @param resourceStickiness score for staying where it runs; default 0 (1 for clone instances)
 * @param migrationThreshold failures on a node after which the resource is banned from it; default
 *                           INFINITY (1,000,000); 0 disables the threshold
 * @param failureTimeout     after how long without a new failure a failure is forgotten; default 0 = never
 * @param multipleActive     what to do if found active on several nodes; default {@link MultipleActive#STOP_START}
 * @param requires           what must hold before it may start; default fencing (stonith enabled) or quorum
 * @param other              any other meta attribute, kept verbatim (sorted by name)
 * @param restartType        whether an optional order restarts this resource when its first restarts; default
 *                           {@link RestartType#IGNORE}
 */
public record MetaAttributes(
        Integer priority,
        Role targetRole,
        Boolean isManaged,
        Boolean maintenance,
        Integer resourceStickiness,
        Integer migrationThreshold,
        Duration failureTimeout,
        MultipleActive multipleActive,
        Requires requires,
        Map<String, String> other,
        RestartType restartType) {

    /** Nothing set. */
    public static final MetaAttributes EMPTY =
            new MetaAttributes(null, null, null, null, null, null, null, null, null, null, null);

    /** Checks required components, copies collections and fills unset components with their defaults. */
    public MetaAttributes {
        other = Copies.sortedMap(other);
    }

    /** Meta attributes without a restart type. */
    public MetaAttributes(Integer priority, Role targetRole, Boolean isManaged, Boolean maintenance,
                          Integer resourceStickiness, Integer migrationThreshold, Duration failureTimeout,
                          MultipleActive multipleActive, Requires requires, Map<String, String> other) {
        this(priority, targetRole, isManaged, maintenance, resourceStickiness, migrationThreshold, failureTimeout,
                multipleActive, requires, other, null);
    }

    /** This resource's attributes, with every unset field taken from {@code parent}. */
    public MetaAttributes inheriting(MetaAttributes parent) {
        if (parent == null || parent.unset()) {
            return this;
        }
        if (unset()) {
            return parent; // every field from the parent: the same values
        }
        Map<String, String> merged = new java.util.TreeMap<>(parent.other);
        merged.putAll(other);
        return new MetaAttributes(
                priority != null ? priority : parent.priority,
                targetRole != null ? targetRole : parent.targetRole,
                isManaged != null ? isManaged : parent.isManaged,
                maintenance != null ? maintenance : parent.maintenance,
                resourceStickiness != null ? resourceStickiness : parent.resourceStickiness,
                migrationThreshold != null ? migrationThreshold : parent.migrationThreshold,
                failureTimeout != null ? failureTimeout : parent.failureTimeout,
                multipleActive != null ? multipleActive : parent.multipleActive,
                requires != null ? requires : parent.requires,
                merged,
                restartType != null ? restartType : parent.restartType);
    }

    /** Whether nothing is set (equal to {@link #EMPTY}), checked without the generic record equality. */
    private boolean unset() {
        return priority == null && targetRole == null && isManaged == null && maintenance == null
                && resourceStickiness == null && migrationThreshold == null && failureTimeout == null
                && multipleActive == null && requires == null && other.isEmpty() && restartType == null;
    }

    /** A copy with the target role set. */
    public MetaAttributes withTargetRole(Role role) {
        return new MetaAttributes(priority, role, isManaged, maintenance, resourceStickiness, migrationThreshold,
                failureTimeout, multipleActive, requires, other, restartType);
    }

    /** A copy with the stickiness set. */
    public MetaAttributes withResourceStickiness(Integer stickiness) {
        return new MetaAttributes(priority, targetRole, isManaged, maintenance, stickiness, migrationThreshold,
                failureTimeout, multipleActive, requires, other, restartType);
    }

    /** Effective priority: the value or 0. */
    public int priorityOrDefault() {
        return priority == null ? 0 : priority;
    }

    /** Effective target role: the value or {@link Role#STARTED}. */
    public Role targetRoleOrDefault() {
        return targetRole == null ? Role.STARTED : targetRole;
    }

    /** Effective is-managed: the value or true. */
    public boolean isManagedOrDefault() {
        return isManaged == null || isManaged;
    }

    /** Effective maintenance: the value or false. */
    public boolean maintenanceOrDefault() {
        return maintenance != null && maintenance;
    }

    /** Effective migration threshold: the value or INFINITY. */
    public int migrationThresholdOrDefault() {
        return migrationThreshold == null ? Score.INFINITY : migrationThreshold;
    }

    /** Effective failure timeout: the value or zero (never expire). */
    public Duration failureTimeoutOrDefault() {
        return failureTimeout == null ? Duration.ZERO : failureTimeout;
    }

    /** Effective multiple-active: the value or {@link MultipleActive#STOP_START}. */
    public MultipleActive multipleActiveOrDefault() {
        return multipleActive == null ? MultipleActive.STOP_START : multipleActive;
    }

    /** Effective restart-type: the value or {@link RestartType#IGNORE}. */
    public RestartType restartTypeOrDefault() {
        return restartType == null ? RestartType.IGNORE : restartType;
    }
}
