package io.vigil.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.vigil.core.model.AgentType;
import io.vigil.core.model.Durations;
import io.vigil.core.model.Score;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads Vigil JSON token by token with Jackson's streaming parser, so that every error can name the line,
 * the column and the JSON path of the offending token. Value readers expect the parser to stand on the value
 * (as {@link Obj#next()} leaves it) and return null for JSON {@code null}, which means "absent".
 */
final class JsonIn {
    private final JsonParser p;

    JsonIn(JsonParser p) {
        this.p = p;
    }

    /** Advances to the next token, turning Jackson's syntax errors into {@link VigilJsonException}s. */
    JsonToken advance() {
        try {
            return p.nextToken();
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the current value (with everything inside it). */
    void skip() {
        try {
            p.skipChildren();
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    VigilJsonException syntaxError(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        // Jackson points at other positions as "[Source: ...; line: 1, column: 1]"; say it plainly.
        String message = e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]",
                "line $1, column $2");
        return new VigilJsonException(null, l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr(),
                path(p.getParsingContext()), "malformed JSON: " + message, List.of());
    }

    /** An error at the current token. */
    VigilJsonException error(String message) {
        return error(p.currentTokenLocation(), path(p.getParsingContext()), message);
    }

    static VigilJsonException error(JsonLocation at, String path, String message) {
        return new VigilJsonException(null, at.getLineNr(), at.getColumnNr(), path, message, List.of());
    }

    JsonLocation location() {
        return p.currentTokenLocation();
    }

    /** The JSON path of a parsing context: {@code resources[0].operations[1].role}; empty for the top level. */
    static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.hasCurrentIndex()) {
                parts.add("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            b.append(parts.get(i));
        }
        return b.length() > 0 && b.charAt(0) == '.' ? b.substring(1) : b.toString();
    }

    /** After the top-level value: nothing but whitespace may follow. */
    void expectEnd() {
        if (advance() != null) {
            throw error("unexpected content after the end of the top-level object");
        }
    }

    // ---------------------------------------------------------------- objects and arrays

    /** Field names in the order the format documents them (error messages list them in that order). */
    static Set<String> names(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }

    /** Starts reading the object at the current token; {@code fields} are the names it may hold. */
    Obj object(String what, Set<String> fields) {
        requireObject(what);
        return new Obj(what, fields, p.currentTokenLocation(), path(p.getParsingContext()));
    }

    /** Fails unless the current token starts an object. */
    void requireObject(String what) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw typeError("an object (" + what + ")");
        }
    }

    /** The fields of one JSON object, read in order; unknown names are errors. */
    final class Obj {
        private final String what;
        private final Set<String> fields;
        private final JsonLocation start;
        private final String path;
        private final Map<String, Mark> seen = new LinkedHashMap<>();
        private String name;

        private Obj(String what, Set<String> fields, JsonLocation start, String path) {
            this.what = what;
            this.fields = fields;
            this.start = start;
            this.path = path;
        }

        /** Moves to the next field's value; false at the end of the object. */
        boolean next() {
            JsonToken t = advance();
            if (t == JsonToken.END_OBJECT) {
                return false;
            }
            name = currentName();
            if (!fields.contains(name)) {
                throw error("unknown field '" + name + "' in " + what + "; expected one of "
                        + String.join(", ", fields));
            }
            seen.put(name, new Mark(p.currentTokenLocation(), JsonIn.path(p.getParsingContext())));
            advance();
            return true;
        }

        /** The name of the current field. */
        String name() {
            return name;
        }

        /** Where the object starts. */
        JsonLocation start() {
            return start;
        }

        /** Checks, once the kind of a polymorphic object is known, that it only holds fields of that kind. */
        void restrict(String kind, Set<String> allowed) {
            for (Map.Entry<String, Mark> e : seen.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    throw error(e.getValue().location(), e.getValue().path(), "field '" + e.getKey()
                            + "' is not allowed in a " + kind + "; expected one of " + String.join(", ", allowed));
                }
            }
        }

        /** The value, or an error at the start of the object when it is missing. */
        <T> T require(T value, String field) {
            if (value == null) {
                throw error(start, path, what + " needs the field '" + field + "'");
            }
            return value;
        }

        /** An error about the object as a whole. */
        VigilJsonException errorAtStart(String message) {
            return error(start, path, message);
        }
    }

    private record Mark(JsonLocation location, String path) {
    }

    private String currentName() {
        try {
            return p.currentName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An array of elements read by {@code element}, which is called with the parser on each element. */
    <T> List<T> list(String what, Supplier<T> element) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw typeError("an array (" + what + ")");
        }
        List<T> out = new ArrayList<>();
        while (advance() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                throw error("null is not allowed in " + what);
            }
            out.add(element.get());
        }
        return out;
    }

    /** An object of string values; numbers and booleans are taken as their text. */
    Map<String, String> stringMap(String what) {
        return map(what, this::scalarText);
    }

    /** An object of integer values. */
    Map<String, Integer> intMap(String what) {
        return map(what, this::integer);
    }

    private <V> Map<String, V> map(String what, Supplier<V> value) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw typeError("an object (" + what + ")");
        }
        Map<String, V> out = new TreeMap<>();
        while (advance() != JsonToken.END_OBJECT) {
            String key = currentName();
            advance();
            V v = value.get();
            if (v == null) {
                throw error("null is not allowed in " + what);
            }
            out.put(key, v);
        }
        return out;
    }

    // ---------------------------------------------------------------- scalars

    private VigilJsonException typeError(String expected) {
        return error("expected " + expected + ", got " + describe(p.currentToken()));
    }

    private String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + text() + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.asString();
        };
    }

    private String text() {
        try {
            return p.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string. */
    String string() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw typeError("a string");
        }
        return text();
    }

    /** A string, number or boolean, as text. */
    String scalarText() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return text();
        }
        throw typeError("a string");
    }

    /** A list of non-null strings. */
    List<String> stringList(String what) {
        return list(what, () -> string());
    }

    /** true or false. */
    Boolean bool() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw typeError("true or false");
    }

    /** A whole number of the Java {@code long} range. */
    Long longValue() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw typeError("an integer");
        }
        BigInteger v = bigInteger();
        if (v.bitLength() > 63) {
            throw error("integer " + v + " is out of range");
        }
        return v.longValue();
    }

    /** A whole number of the Java {@code int} range. */
    Integer integer() {
        Long v = longValue();
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error("integer " + v + " is out of range");
        }
        return v.intValue();
    }

    private BigInteger bigInteger() {
        try {
            return p.getBigIntegerValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A score: an integer (clamped to ±INFINITY) or a string {@link Score#parse} accepts, e.g. "-INFINITY". */
    Integer score() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            BigInteger v = bigInteger();
            return v.bitLength() > 63 ? (v.signum() > 0 ? Score.INFINITY : Score.MINUS_INFINITY)
                    : Score.clamp(v.longValue());
        }
        if (t == JsonToken.VALUE_STRING) {
            return parsed(Score::parse);
        }
        throw typeError("a score (an integer, \"INFINITY\" or \"-INFINITY\")");
    }

    /** A duration string such as "10s", "500ms", "2min" or "PT10S" (see {@link Durations#parse}). */
    Duration duration(String field) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw typeError("a duration such as \"10s\" or \"500ms\"");
        }
        try {
            return Durations.parse(text(), field);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw error(m.startsWith(field + ": ") ? m.substring(field.length() + 2) : m);
        }
    }

    /** An ISO-8601 instant such as "2026-01-31T12:00:00Z". */
    Instant instant() {
        String s = string();
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw error("invalid time '" + s + "': expected ISO-8601 UTC, e.g. 2026-01-31T12:00:00Z");
        }
    }

    /** An agent type such as "ocf:heartbeat:IPaddr2". */
    AgentType agent() {
        return string() == null ? null : parsed(AgentType::parse);
    }

    /** A string read by a model parser ({@code Role::parse}, ...); its complaint becomes the error message. */
    <T> T keyword(Function<String, T> parser) {
        return string() == null ? null : parsed(parser);
    }

    private <T> T parsed(Function<String, T> parser) {
        try {
            return parser.apply(text());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** True when the current token is JSON null. */
    boolean isNull() {
        return p.currentToken() == JsonToken.VALUE_NULL;
    }

    /** The index of the current element in its enclosing array (the parser stands on the element's start). */
    int arrayIndex() {
        JsonStreamContext c = p.getParsingContext();
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            c = c.getParent();
        }
        return c.getCurrentIndex();
    }
}
