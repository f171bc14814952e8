package io.vigil.core.model;

import java.util.Objects;

/**
 * Which agent runs a resource: {@code standard[:provider]:type}, as in Pacemaker.
 *
 * <p>Examples: {@code ocf:heartbeat:IPaddr2} (an OCF script), {@code stonith:fence_ipmilan} (a fencing device
 * run as a resource), {@code java:vip} (a Java agent registered under the name {@code vip}).
 *
 * @param standard the agent standard ({@code ocf}, {@code stonith}, {@code java}, {@code systemd}, ...)
 * @param provider the provider, only for {@code ocf}; otherwise null
 * @param type     the agent's name within its standard
 */
public record AgentType(String standard, String provider, String type) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public AgentType {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Parses {@code standard:provider:type} or {@code standard:type}; a bare {@code type} means {@code java:type}.
     *
     * @throws IllegalArgumentException when a part is empty
     */
    public static AgentType parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("agent type must not be empty");
        }
        String[] parts = text.trim().split(":", -1);
        for (String p : parts) {
            if (p.isBlank()) {
                throw new IllegalArgumentException("invalid agent type '" + text
                        + "': expected standard:provider:type or standard:type");
            }
        }
        return switch (parts.length) {
            case 1 -> new AgentType("java", null, parts[0]);
            case 2 -> new AgentType(parts[0], null, parts[1]);
            case 3 -> new AgentType(parts[0], parts[1], parts[2]);
            default -> throw new IllegalArgumentException("invalid agent type '" + text
                    + "': expected standard:provider:type or standard:type");
        };
    }

    /** True for fencing devices ({@code stonith:*}). */
    public boolean isFencing() {
        return "stonith".equals(standard);
    }

    @Override
    public String toString() {
        return provider == null ? standard + ":" + type : standard + ":" + provider + ":" + type;
    }
}
