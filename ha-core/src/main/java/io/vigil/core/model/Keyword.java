package io.vigil.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum constant with Pacemaker's spelling ({@code restart}, {@code Mandatory}, ...).
 * {@link #parse} gives every such enum one way to read its text, case-insensitively, with an error that
 * names the field and lists what is allowed.
 */
public interface Keyword {
    /** The spelling used in Pacemaker's XML and in Vigil's JSON. */
    String text();

    /**
     * Finds the constant whose {@link #text()} equals {@code text}, ignoring case and surrounding blanks.
     *
     * @param type  the enum class
     * @param text  the text to read
     * @param field the field name for the error message, e.g. {@code on-fail}
     * @throws IllegalArgumentException naming the field, the value and the allowed values
     */
    static <E extends Enum<E> & Keyword> E parse(Class<E> type, String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.text().toLowerCase(Locale.ROOT).equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + field + " '" + text + "': expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Keyword::text).collect(Collectors.joining(", ")));
    }
}
