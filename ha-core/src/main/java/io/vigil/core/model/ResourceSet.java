package io.vigil.core.model;

import java.util.List;

/**
 * An ordered list of resources inside a {@link ColocationSet} or {@link OrderSet}.
 *
 * @param id         optional id
 * @param resources  resource ids, in order
 * @param sequential whether the members are ordered/colocated among themselves; default true
 * @param requireAll for order sets: whether every member of this set must be done before the next set
 *                   (false: any one suffices); default true
 * @param role       the role the set applies to; null = any
 * @param action     for order sets: the action; null = start
 * @param listed     for colocation sets (Pacemaker's {@code ordering="listed"}): a sequential set colocates each
 *                   member with the one after it instead of the one before it (the default, {@code ordering="group"},
 *                   as in a group); default false
 */
public record ResourceSet(String id, List<String> resources, boolean sequential, boolean requireAll, Role role,
                          ResourceAction action, boolean listed) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public ResourceSet {
        resources = Copies.list(resources);
    }

    /** A set with the default (group) ordering of a colocation set. */
    public ResourceSet(String id, List<String> resources, boolean sequential, boolean requireAll, Role role,
                       ResourceAction action) {
        this(id, resources, sequential, requireAll, role, action, false);
    }

    /** A sequential, require-all set of these resources. */
    public static ResourceSet of(String... resources) {
        return new ResourceSet(null, List.of(resources), true, true, null, null);
    }
}
