package io.vigil.core.model;

import java.util.Objects;

/**
 * One thing wrong with a configuration: where, and what.
 *
 * @param path    the offending element, e.g. {@code resources.web.members[1]} or {@code constraints.c1.with-rsc}
 * @param message a plain sentence naming the offending value
 */
public record Problem(String path, String message) {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
