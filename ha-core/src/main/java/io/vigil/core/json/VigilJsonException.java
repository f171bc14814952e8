package io.vigil.core.json;

import io.vigil.core.model.Problem;
import java.util.List;

/**
 * Vigil JSON could not be read: a syntax error, a value of the wrong type, an unknown field or enum value, a
 * missing or unsupported {@code "format"}, or (for a configuration) a document that reads fine but does not
 * pass {@link io.vigil.core.model.ConfigurationValidator}.
 *
 * <p>The message says where: the source (file name, when read from a file), the line and column (both
 * 1-based), and the JSON path of the offending field, e.g.
 * {@code cluster.json, line 12, column 19, at resources[0].operations[1].role: unknown role 'Boss': ...}.
 * For validation failures {@link #problems()} lists every problem with its model path
 * ({@code resources.web.members[1]}), and the message adds the line where the offending resource or
 * constraint starts.
 */
public class VigilJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String detail;
    private final transient List<Problem> problems;

    VigilJsonException(String source, int line, int column, String path, String detail, List<Problem> problems) {
        super(format(source, line, column, path, detail));
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path;
        this.detail = detail;
        this.problems = List.copyOf(problems);
    }

    /** A copy that names the source (e.g. the file name) it was read from. */
    VigilJsonException withSource(String newSource) {
        VigilJsonException e = new VigilJsonException(newSource, line, column, path, detail, problems);
        e.setStackTrace(getStackTrace());
        return e;
    }

    private static String format(String source, int line, int column, String path, String detail) {
        StringBuilder b = new StringBuilder();
        if (source != null) {
            b.append(source).append(", ");
        }
        if (line > 0) {
            b.append("line ").append(line).append(", column ").append(column);
        }
        if (path != null && !path.isEmpty()) {
            b.append(line > 0 ? ", at " : "at ").append(path);
        }
        if (b.length() > 0) {
            b.append(": ");
        }
        return b.append(detail).toString();
    }

    /** Where the JSON came from (a file name), or null when it was read from a string. */
    public String source() {
        return source;
    }

    /** The 1-based line of the offending token (for validation problems: of the first offending element); -1 if unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the offending token; -1 if unknown. */
    public int column() {
        return column;
    }

    /**
     * The JSON path of the offending field, e.g. {@code resources[0].meta.target-role}; empty for the top
     * level and for validation failures (see {@link #problems()}).
     */
    public String path() {
        return path;
    }

    /** What is wrong, without the location. */
    public String detail() {
        return detail;
    }

    /** For a configuration that does not validate: every problem found; empty for malformed JSON. */
    public List<Problem> problems() {
        return problems;
    }
}
