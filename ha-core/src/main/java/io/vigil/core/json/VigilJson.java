package io.vigil.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ConfigurationValidator;
import io.vigil.core.model.Problem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads and writes Vigil's JSON format for a {@link Configuration}, a {@link ClusterStatus} and a whole
 * {@link Cib} (see {@code docs/configuration-format.md}).
 *
 * <p>The output is stable and meant for people: pretty-printed with two-space indents and {@code \n} line ends
 * (and a final newline), Pacemaker's kebab-case names ({@code resource-stickiness}, {@code with-rsc}), fields
 * always in the documented order, maps sorted by key, durations as {@code "10s"} / {@code "500ms"}, scores as
 * integers with {@code "INFINITY"} / {@code "-INFINITY"}, agents as {@code "ocf:heartbeat:IPaddr2"}. Fields
 * that are absent (null), empty or at their default are left out, and reading fills them in again, so
 * {@code write(read(write(x)))} is byte-identical to {@code write(x)} and {@code read(write(x))} equals
 * {@code x}.
 *
 * <p>Every document is an object whose field {@code "format"} is {@value #FORMAT}; a missing or other format
 * is an error. Reading is strict: malformed JSON, a value of the wrong type, an unknown field or an unknown
 * enum value raises a {@link VigilJsonException} naming the line, the column and the JSON path. A configuration
 * (also the one inside a CIB) must moreover pass {@link ConfigurationValidator}; every problem is reported.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class VigilJson {
    /** The format version this class writes and the only one it reads: {@value}. */
    public static final int FORMAT = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final Set<String> CIB = JsonIn.names("format", "version", "configuration", "status");

    private VigilJson() {
    }

    // ---------------------------------------------------------------- configuration

    /** The configuration as a JSON document. */
    public static String writeConfiguration(Configuration configuration) {
        return write(out -> ConfigurationCodec.writeFields(out, configuration));
    }

    /** Writes the configuration to a file (UTF-8), replacing it atomically where the file system allows. */
    public static void writeConfiguration(Configuration configuration, Path file) throws IOException {
        writeFile(file, writeConfiguration(configuration));
    }

    /**
     * Reads and validates a configuration.
     *
     * @throws VigilJsonException when the JSON is malformed or the configuration is invalid
     */
    public static Configuration readConfiguration(String json) {
        return read(json, in -> {
            ConfigurationCodec.Reader reader = new ConfigurationCodec.Reader(in);
            Configuration c = reader.configuration(true);
            return validated(c, reader, "");
        });
    }

    /** Reads a configuration without validating it (for tests of the format itself). */
    static Configuration readConfigurationUnvalidated(String json) {
        return read(json, in -> new ConfigurationCodec.Reader(in).configuration(true));
    }

    /**
     * Reads and validates a configuration file (UTF-8).
     *
     * @throws VigilJsonException naming the file when the JSON is malformed or the configuration is invalid
     * @throws IOException        when the file cannot be read
     */
    public static Configuration readConfiguration(Path file) throws IOException {
        return fromFile(file, VigilJson::readConfiguration);
    }

    // ---------------------------------------------------------------- status

    /** The status as a JSON document. */
    public static String writeStatus(ClusterStatus status) {
        return write(out -> StatusCodec.writeFields(out, status));
    }

    /** Writes the status to a file (UTF-8), replacing it atomically where the file system allows. */
    public static void writeStatus(ClusterStatus status, Path file) throws IOException {
        writeFile(file, writeStatus(status));
    }

    /**
     * Reads a status.
     *
     * @throws VigilJsonException when the JSON is malformed
     */
    public static ClusterStatus readStatus(String json) {
        return read(json, in -> StatusCodec.status(in, true));
    }

    /**
     * Reads a status file (UTF-8).
     *
     * @throws VigilJsonException naming the file when the JSON is malformed
     * @throws IOException        when the file cannot be read
     */
    public static ClusterStatus readStatus(Path file) throws IOException {
        return fromFile(file, VigilJson::readStatus);
    }

    // ---------------------------------------------------------------- CIB

    /** The CIB (version, configuration, status) as a JSON document. */
    public static String writeCib(Cib cib) {
        return write(out -> {
            StatusCodec.writeVersion(out, cib.version());
            out.startObject("configuration");
            ConfigurationCodec.writeFields(out, cib.configuration());
            out.endObject();
            out.startObject("status");
            StatusCodec.writeFields(out, cib.status());
            out.endObject();
        });
    }

    /** Writes the CIB to a file (UTF-8), replacing it atomically where the file system allows. */
    public static void writeCib(Cib cib, Path file) throws IOException {
        writeFile(file, writeCib(cib));
    }

    /**
     * Reads a CIB and validates its configuration. Absent parts default to version 0.0.0, an empty
     * configuration and an empty status.
     *
     * @throws VigilJsonException when the JSON is malformed or the configuration is invalid
     */
    public static Cib readCib(String json) {
        return read(json, in -> {
            JsonIn.Obj o = in.object("CIB", CIB);
            CibVersion version = CibVersion.ZERO;
            Configuration configuration = Configuration.EMPTY;
            ClusterStatus status = ClusterStatus.EMPTY;
            ConfigurationCodec.Reader reader = new ConfigurationCodec.Reader(in);
            while (o.next()) {
                switch (o.name()) {
                    case "format" -> in.skip();
                    case "version" -> version = in.isNull() ? version : StatusCodec.version(in);
                    case "configuration" -> configuration = in.isNull() ? configuration
                            : reader.configuration(false);
                    case "status" -> status = in.isNull() ? status : StatusCodec.status(in, false);
                    default -> throw new IllegalStateException(o.name());
                }
            }
            return new Cib(version, validated(configuration, reader, "configuration."), status);
        });
    }

    /**
     * Reads a CIB file (UTF-8).
     *
     * @throws VigilJsonException naming the file when the JSON is malformed or the configuration is invalid
     * @throws IOException        when the file cannot be read
     */
    public static Cib readCib(Path file) throws IOException {
        return fromFile(file, VigilJson::readCib);
    }

    // ---------------------------------------------------------------- plumbing

    private static String write(Consumer<JsonOut> fields) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.setPrettyPrinter(printer());
            JsonOut out = new JsonOut(g);
            out.startObject();
            out.field("format", (Integer) FORMAT);
            fields.accept(out);
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentArraysWith(indenter);
        printer.indentObjectsWith(indenter);
        return printer;
    }

    private static void writeFile(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        // A sibling temp file (created like any new file, so with the usual permissions) renamed over the
        // target: readers never see a half-written file.
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static <T> T fromFile(Path file, Function<String, T> reader) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, as some editors write one
        }
        try {
            return reader.apply(text);
        } catch (VigilJsonException e) {
            throw e.withSource(file.toString());
        }
    }

    private static <T> T read(String json, Function<JsonIn, T> body) {
        if (json == null) {
            throw new VigilJsonException(null, -1, -1, "", "no JSON given (null)", List.of());
        }
        checkFormat(json);
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonIn in = new JsonIn(p);
            in.advance();
            T value = body.apply(in);
            in.expectEnd();
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finds the top-level {@code "format"} before anything else is read, so that a document of another format
     * version fails with that message rather than with whatever its first unknown field is.
     */
    private static void checkFormat(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonIn in = new JsonIn(p);
            JsonToken t = in.advance();
            if (t == null) {
                throw new VigilJsonException(null, 1, 1, "", "empty input: expected a JSON object", List.of());
            }
            JsonLocation start = in.location();
            in.requireObject("Vigil JSON document");
            while (in.advance() == JsonToken.FIELD_NAME) {
                boolean format = p.currentName().equals("format");
                in.advance();
                if (format) {
                    Integer version = in.integer();
                    if (version == null) {
                        throw in.error("\"format\" must be " + FORMAT + ", was null");
                    }
                    if (version != FORMAT) {
                        throw in.error("unsupported format " + version + ": this version of Vigil reads format "
                                + FORMAT);
                    }
                    return;
                }
                in.skip();
            }
            throw JsonIn.error(start, "", "missing field 'format': a Vigil JSON document starts with \"format\": "
                    + FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Configuration validated(Configuration c, ConfigurationCodec.Reader reader, String prefix) {
        List<Problem> problems = ConfigurationValidator.validate(c);
        if (problems.isEmpty()) {
            return c;
        }
        StringBuilder detail = new StringBuilder("invalid configuration (").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append("):");
        List<Problem> reported = new ArrayList<>();
        JsonLocation first = null;
        for (Problem problem : problems) {
            JsonLocation at = reader.locate(problem);
            if (first == null) {
                first = at;
            }
            Problem p = new Problem(prefix + problem.path(), problem.message());
            reported.add(p);
            detail.append("\n  ").append(p);
            if (at != null) {
                detail.append(" (line ").append(at.getLineNr()).append(')');
            }
        }
        return throwInvalid(detail.toString(), first, reported);
    }

    private static Configuration throwInvalid(String detail, JsonLocation at, List<Problem> problems) {
        throw new VigilJsonException(null, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), "",
                detail, problems);
    }
}
