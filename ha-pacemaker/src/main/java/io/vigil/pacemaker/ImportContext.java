package io.vigil.pacemaker;

import io.vigil.core.model.Durations;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * State shared by the readers of one import: the document, an index for {@code id-ref}, the warnings, and the
 * value parsers that turn a bad value into an error naming the element, its id and its position.
 */
final class ImportContext {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d*");

    private final Document doc;
    /** tag -> id -> first element with that tag and id (id-ref resolves within the same tag). */
    private final Map<String, Map<String, Element>> byTagAndId = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    ImportContext(Document doc) {
        this.doc = doc;
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = CibXml.attr(e, "id");
            if (id != null) {
                byTagAndId.computeIfAbsent(e.getTagName(), k -> new HashMap<>()).putIfAbsent(id, e);
            }
        }
    }

    Element root() {
        return doc.getDocumentElement();
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    void warn(Element e, String message) {
        warnings.add(CibXml.describe(e) + ": " + message);
    }

    CibImportException error(Element e, String message) {
        return new CibImportException(CibXml.describe(e) + ": " + message);
    }

    UnsupportedCibException unsupported(Element e, String why) {
        return new UnsupportedCibException(e.getTagName(), CibXml.attr(e, "id"),
                "unsupported " + CibXml.describe(e) + ": " + why);
    }

    /** The element itself, or the element its {@code id-ref} points to (same tag). */
    Element resolve(Element e) {
        String ref = CibXml.attr(e, "id-ref");
        if (ref == null) {
            return e;
        }
        Element target = byTagAndId.getOrDefault(e.getTagName(), Map.of()).get(ref);
        if (target == null || target == e) {
            throw error(e, "id-ref '" + ref + "' names no other " + e.getTagName());
        }
        return target;
    }

    /** A required attribute. */
    String required(Element e, String name) {
        String v = CibXml.attr(e, name);
        if (v == null || v.isBlank()) {
            throw error(e, "attribute '" + name + "' is required");
        }
        return v;
    }

    /** Parses a value with {@code parser}; an IllegalArgumentException becomes an error naming the element. */
    <T> T parse(Element e, String what, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException ex) {
            throw error(e, what + ": " + ex.getMessage());
        }
    }

    /** A score; like Pacemaker, a decimal such as {@code 1.0} is accepted and truncated. */
    int score(Element e, String what, String value) {
        if (value != null && DECIMAL.matcher(value.trim()).matches()) {
            return Score.clamp((long) Double.parseDouble(value.trim()));
        }
        return parse(e, what, value, Score::parse);
    }

    Role role(Element e, String what, String value) {
        return parse(e, what, value, Role::parse);
    }

    Duration duration(Element e, String what, String value) {
        return parse(e, what, value, v -> Durations.parse(v, what));
    }

    int integer(Element e, String what, String value) {
        return parse(e, what, value, v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("'" + v + "' is not an integer");
            }
        });
    }

    /** Pacemaker's booleans: true/yes/y/on/1 and false/no/n/off/0, in any letter case. */
    boolean bool(Element e, String what, String value) {
        return parse(e, what, value, ImportContext::parseBool);
    }

    static boolean parseBool(String value) {
        Boolean b = boolOrNull(value);
        if (b == null) {
            throw new IllegalArgumentException("'" + value + "' is not a boolean (true/false, yes/no, on/off, 1/0)");
        }
        return b;
    }

    /** Pacemaker's {@code crm_is_true}: only true/yes/y/on/1 count as true. */
    static boolean isTrue(String value) {
        return Boolean.TRUE.equals(boolOrNull(value));
    }

    private static Boolean boolOrNull(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "on", "1" -> Boolean.TRUE;
            case "false", "no", "n", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * The name/value pairs of the {@code setTag} sets (e.g. {@code meta_attributes}) directly inside
     * {@code parent}, as Pacemaker merges them: sets in descending {@code score} order ({@code firstId} before
     * all others), and within that the first value of a name wins. Each value is returned with the nvpair
     * element it came from, for error messages.
     *
     * @throws UnsupportedCibException for a set holding a rule (time- or operation-based values)
     */
    Map<String, NvPair> nvpairs(Element parent, String setTag, String firstId) {
        List<Element> sets = new ArrayList<>();
        for (Element s : CibXml.children(parent, setTag)) {
            sets.add(resolve(s));
        }
        List<Element> ordered = new ArrayList<>(sets);
        ordered.sort(Comparator.comparingInt((Element s) -> firstId != null && firstId.equals(CibXml.attr(s, "id"))
                ? 0 : 1).thenComparing(Comparator.comparingInt((Element s) -> setScore(s)).reversed()));
        Map<String, NvPair> out = new LinkedHashMap<>();
        for (Element set : ordered) {
            for (Element c : CibXml.children(set)) {
                if (c.getTagName().equals("rule")) {
                    throw unsupported(set, "attribute sets with rules (time- or operation-based values)");
                }
                if (!c.getTagName().equals("nvpair")) {
                    continue;
                }
                Element nv = resolve(c);
                String name = CibXml.attr(nv, "name");
                String value = CibXml.attr(nv, "value");
                if (name == null || value == null || value.trim().equalsIgnoreCase("#default")) {
                    // "#default" means "not set here": a lower-priority set or the default applies.
                    continue;
                }
                out.putIfAbsent(name, new NvPair(name, value, nv));
            }
        }
        return out;
    }

    private int setScore(Element set) {
        String s = CibXml.attr(set, "score");
        return s == null ? 0 : score(set, "score", s);
    }

    /** Plain name -> value view of {@link #nvpairs}. */
    static Map<String, String> values(Map<String, NvPair> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        pairs.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    /** One name/value pair and the element it came from. */
    record NvPair(String name, String value, Element element) {
    }
}
