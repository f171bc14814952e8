package io.vigil.pacemaker;

import io.vigil.core.model.Durations;
import io.vigil.core.model.Role;
import io.vigil.core.model.Score;


import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * State shared by the readers of one import: the document, an index for {@code id-ref}, the warnings, and the
 * value parsers that turn a bad value into an error naming the element, its id and its position.
 */
final class ImportContext {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d*");

    private final XmlElement root;
    /**
     * tag -> id -> first element with that tag and id (id-ref resolves within the same tag); built on the first
     * id-ref, as most CIBs have none.
     */
    private Map<String, Map<String, XmlElement>> byTagAndId;
    private final List<String> warnings = new ArrayList<>();

    ImportContext(XmlElement root) {
        this.root = root;
    }

    private Map<String, Map<String, XmlElement>> index() {
        if (byTagAndId == null) {
            byTagAndId = new HashMap<>();
            Deque<XmlElement> todo = new ArrayDeque<>(List.of(root));
            while (!todo.isEmpty()) {
                XmlElement e = todo.pop();
                String id = e.attr("id");
                if (id != null) {
                    byTagAndId.computeIfAbsent(e.getTagName(), k -> new HashMap<>()).putIfAbsent(id, e);
                }
                // Push in reverse so that the first element in document order wins putIfAbsent.
                List<XmlElement> kids = e.children();
                for (int i = kids.size() - 1; i >= 0; i--) {
                    todo.push(kids.get(i));
                }
            }
        }
        return byTagAndId;
    }

    XmlElement root() {
        return root;
    }

    /** The element's name, id and position, for messages. */
    String describe(XmlElement e) {
        return e.describe();
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    void warn(XmlElement e, String message) {
        warnings.add(describe(e) + ": " + message);
    }

    CibImportException error(XmlElement e, String message) {
        return new CibImportException(describe(e) + ": " + message);
    }

    UnsupportedCibException unsupported(XmlElement e, String why) {
        return new UnsupportedCibException(e.getTagName(), CibXml.attr(e, "id"),
                "unsupported " + describe(e) + ": " + why);
    }

    /** The element itself, or the element its {@code id-ref} points to (same tag). */
    XmlElement resolve(XmlElement e) {
        String ref = CibXml.attr(e, "id-ref");
        if (ref == null) {
            return e;
        }
        XmlElement target = index().getOrDefault(e.getTagName(), Map.of()).get(ref);
        if (target == null || target == e) {
            throw error(e, "id-ref '" + ref + "' names no other " + e.getTagName());
        }
        return target;
    }

    /** A required attribute. */
    String required(XmlElement e, String name) {
        String v = CibXml.attr(e, name);
        if (v == null || v.isBlank()) {
            throw error(e, "attribute '" + name + "' is required");
        }
        return v;
    }

    /** Parses a value with {@code parser}; an IllegalArgumentException becomes an error naming the element. */
    <T> T parse(XmlElement e, String what, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException ex) {
            throw error(e, what + ": " + ex.getMessage());
        }
    }

    /** A score; like Pacemaker, a decimal such as {@code 1.0} is accepted and truncated. */
    int score(XmlElement e, String what, String value) {
        if (value != null && DECIMAL.matcher(value.trim()).matches()) {
            return Score.clamp((long) Double.parseDouble(value.trim()));
        }
        return parse(e, what, value, Score::parse);
    }

    Role role(XmlElement e, String what, String value) {
        return parse(e, what, value, Role::parse);
    }

    Duration duration(XmlElement e, String what, String value) {
        return parse(e, what, value, v -> Durations.parse(v, what));
    }

    int integer(XmlElement e, String what, String value) {
        long quick = plainNumber(value);
        if (quick >= Integer.MIN_VALUE && quick <= Integer.MAX_VALUE) {
            return (int) quick;
        }
        return parse(e, what, value, v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("'" + v + "' is not an integer");
            }
        });
    }

    /** Returned by {@link #plainNumber} for anything that is not a plain number. */
    static final long NOT_PLAIN = Long.MIN_VALUE;

    /**
     * A plain decimal number (optional minus, 1 to 18 digits, no spaces) without exceptions or boxing: the status
     * section has several per operation. Anything else gives {@link #NOT_PLAIN}, and the caller takes its general
     * path (which also produces the error message).
     */
    static long plainNumber(String v) {
        if (v == null) {
            return NOT_PLAIN;
        }
        int len = v.length();
        int i = len > 0 && v.charAt(0) == '-' ? 1 : 0;
        if (len == i || len - i > 18) {
            return NOT_PLAIN;
        }
        long r = 0;
        for (; i < len; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_PLAIN;
            }
            r = r * 10 + (c - '0');
        }
        return v.charAt(0) == '-' ? -r : r;
    }

    /** Pacemaker's booleans: true/yes/y/on/1 and false/no/n/off/0, in any letter case. */
    boolean bool(XmlElement e, String what, String value) {
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
     * all others, and among equal scores the set that comes last in the document first), and within that the
     * first value of a name wins. Each value is returned with the nvpair
     * element it came from, for error messages.
     *
     * @throws UnsupportedCibException for a set holding a rule (time- or operation-based values)
     */
    Map<String, NvPair> nvpairs(XmlElement parent, String setTag, String firstId) {
        return nvpairs(parent, setTag, firstId, this::refuseRule);
    }

    /** For sets whose rules Vigil cannot evaluate: stops the import. */
    boolean refuseRule(XmlElement set) {
        throw unsupported(set, "attribute sets with rules (time- or operation-based values)");
    }

    /**
     * As {@link #nvpairs(XmlElement, String, String)}, but a set holding a {@code rule} is used only if
     * {@code applies} says so (it may also throw for a rule it cannot evaluate).
     */
    Map<String, NvPair> nvpairs(XmlElement parent, String setTag, String firstId,
                                Predicate<XmlElement> applies) {
        return nvpairs(List.of(parent), setTag, firstId, applies);
    }

    /**
     * As {@link #nvpairs(XmlElement, String, String, Predicate)} over the sets of several elements taken as one
     * document: those of {@code parents.get(0)} first (a resource template, then the primitive based on it).
     */
    Map<String, NvPair> nvpairs(List<XmlElement> parents, String setTag, String firstId,
                                Predicate<XmlElement> applies) {
        List<XmlElement> sets = new ArrayList<>();
        for (XmlElement parent : parents) {
            for (XmlElement s : CibXml.children(parent, setTag)) {
                XmlElement set = resolve(s);
                if (!hasRule(set) || applies.test(set)) {
                    sets.add(set);
                }
            }
        }
        // Pacemaker collects the sets in reverse document order before its (stable) sort by score, so among sets
        // of equal score the last one wins.
        List<XmlElement> ordered = new ArrayList<>(sets);
        java.util.Collections.reverse(ordered);
        ordered.sort(Comparator.comparingInt((XmlElement s) -> firstId != null && firstId.equals(CibXml.attr(s, "id"))
                ? 0 : 1).thenComparing(Comparator.comparingInt((XmlElement s) -> setScore(s)).reversed()));
        Map<String, NvPair> out = new LinkedHashMap<>();
        for (XmlElement set : ordered) {
            for (XmlElement c : CibXml.children(set)) {
                if (!c.getTagName().equals("nvpair")) {
                    continue;
                }
                XmlElement nv = resolve(c);
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

    /** Whether an attribute set holds a {@code rule} (its values apply only when the rule passes). */
    static boolean hasRule(XmlElement set) {
        for (XmlElement c : set.children()) {
            if (c.getTagName().equals("rule")) {
                return true;
            }
        }
        return false;
    }

    private int setScore(XmlElement set) {
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
    record NvPair(String name, String value, XmlElement element) {
    }
}
