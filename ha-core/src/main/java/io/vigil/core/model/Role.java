package io.vigil.core.model;

import java.util.Locale;

/**
 * The role a resource instance has, or is asked to have, on a node.
 *
 * <p>Parsing accepts Pacemaker's current names and the legacy ones ({@code Master} = Promoted,
 * {@code Slave} = Unpromoted), in any letter case.
 */
public enum Role implements Keyword {
    /** Not running. */
    STOPPED("Stopped"),
    /** Running; for a promotable clone this is the same as {@link #UNPROMOTED}. */
    STARTED("Started"),
    /** Running as the secondary instance of a promotable clone (legacy: Slave). */
    UNPROMOTED("Unpromoted"),
    /** Running as the primary instance of a promotable clone (legacy: Master). */
    PROMOTED("Promoted");

    private final String text;

    Role(String text) {
        this.text = text;
    }

    /** Pacemaker's spelling, e.g. {@code Promoted}. */
    @Override
    public String text() {
        return text;
    }

    /** True for every role but {@link #STOPPED}. */
    public boolean isActive() {
        return this != STOPPED;
    }

    /**
     * Parses a role name.
     *
     * @throws IllegalArgumentException naming the text when it is no role
     */
    public static Role parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("role must not be null");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "stopped" -> STOPPED;
            case "started" -> STARTED;
            case "unpromoted", "slave" -> UNPROMOTED;
            case "promoted", "master" -> PROMOTED;
            default -> throw new IllegalArgumentException(
                    "unknown role '" + text + "': expected Stopped, Started, Unpromoted or Promoted");
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
