package io.vigil.core.scheduler;

import io.vigil.core.model.Role;

/**
 * One colocation between two scheduler resources (a {@code rsc_colocation}, a pair from a colocation set, or a
 * group's implicit member-after-member colocation).
 *
 * @param id           constraint id (for scores' reasons)
 * @param dependent    placed relative to {@code primary}
 * @param primary      placed first
 * @param score        strength; ±INFINITY is mandatory
 * @param dependentRole role of the dependent it applies to, or null
 * @param primaryRole  role of the primary it applies to, or null
 * @param attribute    node attribute that defines "the same place" ({@code #uname} = the same node)
 */
record Coloc(String id, Rsc dependent, Rsc primary, int score, Role dependentRole, Role primaryRole,
             String attribute) {
}
