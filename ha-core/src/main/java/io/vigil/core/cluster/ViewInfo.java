package io.vigil.core.cluster;

import java.util.List;

/**
 * A membership view as the transport reports it.
 *
 * @param id      grows with every view a node sees (JGroups view id)
 * @param members member names; the first one is the coordinator
 */
record ViewInfo(long id, List<String> members) {
    static final ViewInfo NONE = new ViewInfo(-1, List.of());

    ViewInfo {
        members = List.copyOf(members);
    }

    String coordinator() {
        return members.isEmpty() ? null : members.get(0);
    }
}
