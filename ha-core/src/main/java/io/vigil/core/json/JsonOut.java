package io.vigil.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vigil.core.model.AgentType;
import io.vigil.core.model.Durations;
import io.vigil.core.model.Keyword;
import io.vigil.core.model.Score;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes Vigil JSON with Jackson's streaming generator. Every field writer skips null (and maps/lists skip
 * empty ones), so absent values are simply not in the output.
 */
final class JsonOut {
    private final JsonGenerator g;

    JsonOut(JsonGenerator g) {
        this.g = g;
    }

    /** Runs one generator call; writing to memory does not fail, so I/O errors are unchecked. */
    private interface Call {
        void run() throws IOException;
    }

    private static void io(Call call) {
        try {
            call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void startObject() {
        io(g::writeStartObject);
    }

    void startObject(String name) {
        io(() -> g.writeObjectFieldStart(name));
    }

    void endObject() {
        io(g::writeEndObject);
    }

    void name(String name) {
        io(() -> g.writeFieldName(name));
    }

    void startArray(String name) {
        io(() -> g.writeArrayFieldStart(name));
    }

    void endArray() {
        io(g::writeEndArray);
    }

    void field(String name, String value) {
        if (value != null) {
            io(() -> g.writeStringField(name, value));
        }
    }

    void field(String name, Boolean value) {
        if (value != null) {
            io(() -> g.writeBooleanField(name, value));
        }
    }

    void field(String name, Integer value) {
        if (value != null) {
            io(() -> g.writeNumberField(name, value));
        }
    }

    void field(String name, long value) {
        io(() -> g.writeNumberField(name, value));
    }

    void field(String name, Keyword value) {
        if (value != null) {
            field(name, value.text());
        }
    }

    void field(String name, AgentType value) {
        if (value != null) {
            field(name, value.toString());
        }
    }

    void field(String name, Instant value) {
        if (value != null) {
            field(name, value.toString());
        }
    }

    /** A duration as Pacemaker users write it ("10s", "500ms", "2min"); exact, so it reads back equal. */
    void field(String name, Duration value) {
        if (value != null) {
            field(name, duration(value));
        }
    }

    static String duration(Duration d) {
        if (d.getNano() % 1_000_000 == 0) {
            return Durations.format(d);
        }
        if (d.getNano() % 1_000 == 0 && d.getSeconds() < 9_000_000_000L && d.getSeconds() > -9_000_000_000L) {
            return d.toNanos() / 1_000 + "us";
        }
        return d.toString();
    }

    /** A score: the integer, or "INFINITY" / "-INFINITY". */
    void score(String name, Integer value) {
        if (value == null) {
            return;
        }
        if (Score.isInfinite(value) || Score.isMinusInfinite(value)) {
            field(name, Score.toString(value));
        } else {
            field(name, value);
        }
    }

    void stringMap(String name, Map<String, String> map) {
        if (map.isEmpty()) {
            return;
        }
        startObject(name);
        map.forEach(this::field);
        endObject();
    }

    void intMap(String name, Map<String, Integer> map) {
        if (map.isEmpty()) {
            return;
        }
        startObject(name);
        map.forEach(this::field);
        endObject();
    }

    /** A string element of the array being written. */
    void value(String value) {
        io(() -> g.writeString(value));
    }

    void stringList(String name, List<String> list) {
        if (list.isEmpty()) {
            return;
        }
        startArray(name);
        for (String s : list) {
            io(() -> g.writeString(s));
        }
        endArray();
    }
}
