package io.vigil.pacemaker;

import io.vigil.core.model.OperationRecord;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A scanner for the plain XML that CIBs are written in: ASCII, elements, attributes, comments, whitespace, the five
 * predefined entities and character references, and an optional {@code <?xml version="1.0" encoding="UTF-8"?>}
 * declaration. It builds the same tree as {@link CibXml}'s Aalto-based reader (the same elements, attributes,
 * positions and {@link OperationRecord}s read straight from {@code lrm_rsc_op} start tags) with less CPU: a
 * short-lived {@code simulate} process on a 40 MB CIB spent more than a third of its CPU in the general parser,
 * and this takes about 0.12 s of the ~1.3 s of 32 x 2,000 after a node failure (docs/benchmarks.md).
 *
 * <p>Whatever is outside that subset (a DOCTYPE, CDATA, processing instructions, other encodings, non-ASCII
 * bytes, other entities) and anything malformed gives null: the caller then parses the document with the general
 * parser, which accepts or reports it. So this class never decides whether a document is well-formed; it only
 * takes a fast path through documents that it can check completely.
 */
final class PlainXml {
    private static final String OPERATION = "lrm_rsc_op";
    private static final String RESOURCE_HISTORY = "lrm_resource";
    /** Values up to this length are shared between operations kept as elements (as {@link CibXml} does). */
    private static final int SHARED_VALUE_LENGTH = 12;
    private static final int SHARED_VALUES = 4096;
    private static final int MAX_DEPTH = 1000;

    /** Thrown inside the scanner for anything it does not take: the caller gets null. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private final byte[] b;
    private final int len;
    private int pos;
    private int line = 1;
    /** Offset of the first byte of the current line. */
    private int lineStart;

    // Names: byte ranges -> shared strings (open addressing), and per-element duplicate detection.
    private String[] symbols = new String[1024];
    private byte[][] symbolBytes = new byte[1024][];
    private int[] symbolIds = new int[1024];
    private int[] symbolHashes = new int[1024];
    private int symbolCount;
    private int[] seenInElement = new int[1024];
    private int elementStamp;

    // The attributes of the current start tag: name, value range [from, to), whether the value needs decoding.
    private String[] attrNames = new String[32];
    private int[] attrFrom = new int[32];
    private int[] attrTo = new int[32];
    private boolean[] attrPlain = new boolean[32];
    private int attrCount;

    /**
     * Where the root element is said to begin: Aalto gives the end of the token before it (the XML declaration or
     * a comment), whitespace in between not counted, or line 1, column 1.
     */
    private int rootLine = 1;
    private int rootColumn = 1;

    private final Map<String, String> shared = new HashMap<>();
    private final QuickOps quick = new QuickOps();

    private PlainXml(byte[] bytes) {
        this.b = bytes;
        this.len = bytes.length;
    }

    /** The document's root element, or null when the document is not plain (see the class comment). */
    static XmlElement parse(byte[] bytes) {
        try {
            return new PlainXml(bytes).document();
        } catch (NotPlain | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private XmlElement document() {
        if (len >= 5 && b[0] == '<' && b[1] == '?') {
            declaration();
            rootLine = line;
            rootColumn = pos - lineStart + 1;
        }
        XmlElement root = null;
        // Before the root: whitespace and comments.
        while (true) {
            skipWhitespace();
            if (pos >= len) {
                throw NOT_PLAIN;
            }
            if (b[pos] != '<') {
                throw NOT_PLAIN;
            }
            if (pos + 3 < len && b[pos + 1] == '!' && b[pos + 2] == '-' && b[pos + 3] == '-') {
                comment();
                rootLine = line;
                rootColumn = pos - lineStart + 1;
                continue;
            }
            root = elements();
            break;
        }
        // After it: whitespace and comments only.
        while (true) {
            skipWhitespace();
            if (pos >= len) {
                return root;
            }
            if (b[pos] == '<' && pos + 3 < len && b[pos + 1] == '!' && b[pos + 2] == '-' && b[pos + 3] == '-') {
                comment();
            } else {
                throw NOT_PLAIN;
            }
        }
    }

    /** Only {@code <?xml version="1.0"[ encoding="UTF-8"][ standalone="yes|no"]?>}, the way CIB tools write it. */
    private void declaration() {
        String[] accepted = {
            "<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", "<?xml version='1.0' encoding='UTF-8'?>"};
        for (String a : accepted) {
            byte[] d = a.getBytes(StandardCharsets.US_ASCII);
            if (len >= d.length && Arrays.equals(b, 0, d.length, d, 0, d.length)) {
                pos = d.length;
                return;
            }
        }
        throw NOT_PLAIN;
    }

    /** The root element and everything in it, without recursion. */
    private XmlElement elements() {
        XmlElement[] stack = new XmlElement[64];
        String[] tags = new String[64];
        int depth = 0;
        // > 0 inside an operation read straight into the model: its content is skipped (but checked).
        int skipped = 0;
        XmlElement root = null;
        while (true) {
            // At '<'.
            int tagStart = pos;
            byte next = b[pos + 1];
            if (next == '/') {
                pos += 2;
                String name = name();
                skipWhitespace();
                expect('>');
                if (depth == 0 || !name.equals(tags[depth - 1])) {
                    throw NOT_PLAIN;
                }
                depth--;
                if (skipped > 0) {
                    skipped--;
                }
                if (depth == 0) {
                    return root;
                }
            } else if (next == '!') {
                if (b[pos + 2] != '-' || b[pos + 3] != '-') {
                    throw NOT_PLAIN; // CDATA or a DOCTYPE
                }
                comment();
            } else if (next == '?') {
                throw NOT_PLAIN;
            } else {
                int column = depth == 0 ? rootColumn : tagStart - lineStart + 1;
                int atLine = depth == 0 ? rootLine : line;
                pos++;
                String tag = name();
                boolean empty = attributes();
                if (depth >= MAX_DEPTH) {
                    throw NOT_PLAIN;
                }
                if (depth == tags.length) {
                    tags = Arrays.copyOf(tags, depth * 2);
                    stack = Arrays.copyOf(stack, depth * 2);
                }
                XmlElement e = null;
                if (skipped > 0) {
                    skipped++;
                } else {
                    XmlElement parent = depth == 0 ? null : stack[depth - 1];
                    boolean operation = tag.equals(OPERATION);
                    boolean inHistory = operation && parent != null && parent.getTagName().equals(RESOURCE_HISTORY);
                    OperationRecord record = inHistory ? quick.read(this) : null;
                    if (record != null) {
                        parent.addOperation(record);
                        skipped = 1;
                    } else {
                        e = new XmlElement(tag, operation ? operationAttributes() : attributeStrings(), atLine,
                                column);
                        if (parent == null) {
                            if (root != null) {
                                throw NOT_PLAIN;
                            }
                            root = e;
                        } else {
                            parent.add(e);
                            if (inHistory) {
                                parent.addOperation(e);
                            }
                        }
                    }
                }
                if (empty) {
                    if (skipped > 0) {
                        skipped--;
                    }
                    if (depth == 0) {
                        return root;
                    }
                } else {
                    tags[depth] = tag;
                    stack[depth] = e;
                    depth++;
                }
            }
            text();
        }
    }

    /** Character data up to the next '<' (ignored, but checked). */
    private void text() {
        while (true) {
            byte[] bytes = b;
            int n = len;
            int p = pos;
            while (p < n && SPECIAL[bytes[p] & 0xff] == 0) {
                p++;
            }
            pos = p;
            if (pos >= len) {
                throw NOT_PLAIN;
            }
            int c = b[pos];
            if (c == '<') {
                return;
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c == '\r') {
                if (pos + 1 < len && b[pos + 1] == '\n') {
                    pos++;
                }
                line++;
                lineStart = pos + 1;
            } else if (c == '&') {
                reference(null);
                continue;
            } else if (c == '>') {
                // "]]>" is not allowed in text.
                if (pos >= 2 && b[pos - 1] == ']' && b[pos - 2] == ']') {
                    throw NOT_PLAIN;
                }
            } else if (c < 0x20 && c != '\t') {
                throw NOT_PLAIN; // also every non-ASCII byte (negative)
            }
            pos++;
        }
    }

    /** A comment, from its "<!--" to its "-->". */
    private void comment() {
        pos += 4;
        while (true) {
            if (pos + 2 >= len) {
                throw NOT_PLAIN;
            }
            int c = b[pos];
            if (c == '-' && b[pos + 1] == '-') {
                if (b[pos + 2] != '>') {
                    throw NOT_PLAIN;
                }
                pos += 3;
                return;
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c == '\r') {
                if (b[pos + 1] == '\n') {
                    pos++;
                }
                line++;
                lineStart = pos + 1;
            } else if (c < 0x20 && c != '\t') {
                throw NOT_PLAIN;
            }
            pos++;
        }
    }

    private void skipWhitespace() {
        byte[] bytes = b;
        int n = len;
        int p = pos;
        while (p < n) {
            int c = bytes[p];
            if (c == ' ' || c == '\t') {
                p++;
            } else if (c == '\n') {
                p++;
                line++;
                lineStart = p;
            } else if (c == '\r') {
                p++;
                if (p < n && bytes[p] == '\n') {
                    p++;
                }
                line++;
                lineStart = p;
            } else {
                break;
            }
        }
        pos = p;
    }

    private void expect(char c) {
        if (pos >= len || b[pos] != c) {
            throw NOT_PLAIN;
        }
        pos++;
    }

    /** By byte (& 0xff): 1 for a character that may start a name, 2 for one that may only continue it. */
    private static final byte[] NAME = new byte[256];
    /**
     * By byte (& 0xff): 0 for a character that needs no attention inside an attribute value or text (printable
     * ASCII other than the quotes, '<', '>', '&'), else 1.
     */
    private static final byte[] SPECIAL = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean start = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
            boolean part = c >= '0' && c <= '9' || c == '-' || c == '.';
            NAME[c] = (byte) (start ? 1 : part ? 2 : 0);
            boolean plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '&';
            SPECIAL[c] = (byte) (plain ? 0 : 1);
        }
    }

    /** The id of the name {@link #name()} read last (for duplicate detection). */
    private int lastSymbolId;

    /** An ASCII name at pos, as a shared string. */
    private String name() {
        // Locals, not fields, in the loops that see every byte: the quick (C1) compiler keeps them in registers.
        byte[] bytes = b;
        int n = len;
        int p = pos;
        int start = p;
        if (p >= n || NAME[bytes[p] & 0xff] != 1) {
            throw NOT_PLAIN;
        }
        int h = bytes[p++];
        while (p < n && NAME[bytes[p] & 0xff] != 0) {
            h = 31 * h + bytes[p++];
        }
        pos = p;
        return symbol(start, p, h);
    }

    private String symbol(int from, int to, int hash) {
        int mask = symbols.length - 1;
        int n = to - from;
        for (int i = (hash ^ (hash >>> 16)) & mask; ; i = (i + 1) & mask) {
            byte[] s = symbolBytes[i];
            if (s == null) {
                // Interned: the import compares names with string constants, and equals() of the same object is quick.
                String created = new String(b, from, n, StandardCharsets.ISO_8859_1).intern();
                symbols[i] = created;
                symbolBytes[i] = Arrays.copyOfRange(b, from, to);
                symbolHashes[i] = hash;
                lastSymbolId = symbolCount;
                symbolIds[i] = symbolCount++;
                if (symbolCount * 2 > symbols.length) {
                    rehash();
                }
                return created;
            }
            if (symbolHashes[i] == hash && s.length == n && same(s, from)) {
                lastSymbolId = symbolIds[i];
                return symbols[i];
            }
        }
    }

    private boolean same(byte[] s, int from) {
        byte[] bytes = b;
        for (int k = 0; k < s.length; k++) {
            if (s[k] != bytes[from + k]) {
                return false;
            }
        }
        return true;
    }

    private boolean sameBytes(String s, int from) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) != b[from + k]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        String[] old = symbols;
        byte[][] oldBytes = symbolBytes;
        int[] oldIds = symbolIds;
        int[] oldHashes = symbolHashes;
        int n = old.length * 2;
        symbols = new String[n];
        symbolBytes = new byte[n][];
        symbolIds = new int[n];
        symbolHashes = new int[n];
        int mask = n - 1;
        for (int k = 0; k < old.length; k++) {
            if (old[k] != null) {
                int h = oldHashes[k];
                int i = (h ^ (h >>> 16)) & mask;
                while (symbols[i] != null) {
                    i = (i + 1) & mask;
                }
                symbols[i] = old[k];
                symbolBytes[i] = oldBytes[k];
                symbolIds[i] = oldIds[k];
                symbolHashes[i] = h;
            }
        }
    }

    /**
     * The attributes of a start tag (after its name) into attrNames/attrFrom/attrTo, and the tag's end.
     *
     * @return whether the element is empty ({@code />})
     */
    private boolean attributes() {
        attrCount = 0;
        elementStamp++;
        while (true) {
            boolean space = pos < len && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r');
            skipWhitespace();
            if (pos >= len) {
                throw NOT_PLAIN;
            }
            int c = b[pos];
            if (c == '>') {
                pos++;
                return false;
            }
            if (c == '/') {
                pos++;
                expect('>');
                return true;
            }
            if (!space) {
                throw NOT_PLAIN; // attributes must be separated by whitespace
            }
            String name = name();
            int id = lastSymbolId;
            if (id >= seenInElement.length) {
                seenInElement = Arrays.copyOf(seenInElement, Math.max(id + 1, seenInElement.length * 2));
            }
            if (seenInElement[id] == elementStamp) {
                throw NOT_PLAIN; // a repeated attribute
            }
            seenInElement[id] = elementStamp;
            skipWhitespace();
            expect('=');
            skipWhitespace();
            if (pos >= len) {
                throw NOT_PLAIN;
            }
            int quote = b[pos];
            if (quote != '"' && quote != '\'') {
                throw NOT_PLAIN;
            }
            pos++;
            int from = pos;
            boolean plain = true;
            while (true) {
                // Most bytes of a value need no attention.
                byte[] bytes = b;
                int n = len;
                int p = pos;
                while (p < n && SPECIAL[bytes[p] & 0xff] == 0) {
                    p++;
                }
                pos = p;
                if (pos >= len) {
                    throw NOT_PLAIN;
                }
                int v = b[pos];
                if (v == quote) {
                    break;
                }
                if (v == '"' || v == '\'' || v == '>') {
                    pos++; // the other quote, and '>', are plain characters in a value
                    continue;
                }
                if (v == '<') {
                    throw NOT_PLAIN;
                }
                if (v == '&') {
                    plain = false;
                    reference(null);
                    continue;
                }
                if (v < 0x20) {
                    if (v == '\n') {
                        line++;
                        lineStart = pos + 1;
                    } else if (v == '\r') {
                        if (pos + 1 < len && b[pos + 1] == '\n') {
                            pos++;
                        }
                        line++;
                        lineStart = pos + 1;
                    } else if (v != '\t') {
                        throw NOT_PLAIN; // also every non-ASCII byte (negative)
                    }
                    plain = false;
                }
                pos++;
            }
            if (attrCount == attrNames.length) {
                int n = attrCount * 2;
                attrNames = Arrays.copyOf(attrNames, n);
                attrFrom = Arrays.copyOf(attrFrom, n);
                attrTo = Arrays.copyOf(attrTo, n);
                attrPlain = Arrays.copyOf(attrPlain, n);
            }
            attrNames[attrCount] = name;
            attrFrom[attrCount] = from;
            attrTo[attrCount] = pos;
            attrPlain[attrCount] = plain;
            attrCount++;
            pos++; // the closing quote
        }
    }

    /**
     * A reference at pos ('&'): checks it and moves past it; appends the character(s) to {@code out} when given.
     * Only the five predefined entities and character references of ASCII characters are plain.
     */
    private void reference(StringBuilder out) {
        int start = pos + 1;
        int end = start;
        while (end < len && end - start <= 10 && b[end] != ';') {
            end++;
        }
        if (end >= len || b[end] != ';') {
            throw NOT_PLAIN;
        }
        char c;
        int n = end - start;
        if (n >= 2 && b[start] == '#') {
            int code = 0;
            boolean hex = b[start + 1] == 'x';
            int k = hex ? start + 2 : start + 1;
            if (k == end) {
                throw NOT_PLAIN;
            }
            for (; k < end; k++) {
                int d = Character.digit(b[k], hex ? 16 : 10);
                if (d < 0 || b[k] < '0' || code > 0x7f) {
                    throw NOT_PLAIN;
                }
                code = code * (hex ? 16 : 10) + d;
            }
            if (code > 0x7f || code < 0x20 && code != '\t' && code != '\n' && code != '\r') {
                throw NOT_PLAIN;
            }
            c = (char) code;
        } else if (is(start, end, "lt")) {
            c = '<';
        } else if (is(start, end, "gt")) {
            c = '>';
        } else if (is(start, end, "amp")) {
            c = '&';
        } else if (is(start, end, "quot")) {
            c = '"';
        } else if (is(start, end, "apos")) {
            c = '\'';
        } else {
            throw NOT_PLAIN;
        }
        if (out != null) {
            out.append(c);
        }
        pos = end + 1;
    }

    private boolean is(int from, int to, String s) {
        if (to - from != s.length()) {
            return false;
        }
        byte[] expected = asciiBytes(s);
        if (expected == null) {
            return sameBytes(s, from);
        }
        byte[] bytes = b;
        for (int k = 0; k < expected.length; k++) {
            if (expected[k] != bytes[from + k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes of an ASCII string compared with the input again and again (operation names, the last digest,
     * entity names), kept for the first few such strings; null for another string (compared by characters).
     */
    private byte[] asciiBytes(String s) {
        for (int k = 0; k < compared.length; k++) {
            String c = compared[k];
            if (c == s) {
                return comparedBytes[k];
            }
            if (c == null) {
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) > 0x7f) {
                        return null;
                    }
                }
                compared[k] = s;
                comparedBytes[k] = s.getBytes(StandardCharsets.US_ASCII);
                return comparedBytes[k];
            }
        }
        return null;
    }

    private final String[] compared = new String[16];
    private final byte[][] comparedBytes = new byte[16][];

    /** Attribute i's value: references replaced, each tab and line break a space (XML's attribute normalization). */
    private String value(int i) {
        int from = attrFrom[i];
        int to = attrTo[i];
        if (attrPlain[i]) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(to - from);
        int saved = pos;
        int savedLine = line;
        int savedLineStart = lineStart;
        pos = from;
        while (pos < to) {
            int c = b[pos];
            if (c == '&') {
                reference(sb);
                continue;
            }
            if (c == '\r') {
                if (pos + 1 < to && b[pos + 1] == '\n') {
                    pos++;
                }
                sb.append(' ');
            } else if (c == '\n' || c == '\t') {
                sb.append(' ');
            } else {
                sb.append((char) c);
            }
            pos++;
        }
        pos = saved;
        line = savedLine;
        lineStart = savedLineStart;
        return sb.toString();
    }

    private String[] attributeStrings() {
        String[] out = new String[attrCount * 2];
        for (int i = 0; i < attrCount; i++) {
            out[2 * i] = attrNames[i];
            out[2 * i + 1] = value(i);
        }
        return out;
    }

    /** As {@link CibXml}: only the attributes the import reads, short values shared. */
    private String[] operationAttributes() {
        String[] out = new String[attrCount * 2];
        int k = 0;
        for (int i = 0; i < attrCount; i++) {
            String name = attrNames[i];
            if (StatusReader.OPERATION_ATTRIBUTES.contains(name)) {
                String value = value(i);
                if (value.length() <= SHARED_VALUE_LENGTH && shared.size() < SHARED_VALUES) {
                    value = shared.computeIfAbsent(value, v -> v);
                } else if (value.length() <= SHARED_VALUE_LENGTH) {
                    value = shared.getOrDefault(value, value);
                }
                out[k++] = name;
                out[k++] = value;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /**
     * {@link StatusReader.QuickOperations} on the raw bytes of the current start tag: values with references or
     * line breaks (which need decoding) make the operation take the element path.
     */
    private static final class QuickOps implements StatusReader.OperationSource {
        private PlainXml x;
        private int index;

        private final StatusReader.QuickOperations reader = new StatusReader.QuickOperations();

        OperationRecord read(PlainXml xml) {
            this.x = xml;
            return reader.read(this);
        }

        @Override
        public int count() {
            return x.attrCount;
        }

        @Override
        public String name(int i) {
            return x.attrNames[i];
        }

        @Override
        public boolean select(int i) {
            index = i;
            return x.attrPlain[i];
        }

        @Override
        public long number() {
            return plain(x.b, x.attrFrom[index], x.attrTo[index]);
        }

        @Override
        public long expectedRc() {
            byte[] b = x.b;
            int colons = 0;
            int from = -1;
            for (int i = x.attrFrom[index], end = x.attrTo[index]; i < end; i++) {
                if (b[i] == ':') {
                    colons++;
                    if (colons == 2) {
                        from = i + 1;
                    } else if (colons == 3) {
                        long v = plain(b, from, i);
                        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : ImportContext.NOT_PLAIN;
                    }
                }
            }
            return ImportContext.NOT_PLAIN;
        }

        @Override
        public boolean is(String s) {
            return x.is(x.attrFrom[index], x.attrTo[index], s);
        }

        @Override
        public String string() {
            return x.value(index);
        }

        @Override
        public boolean verbatim() {
            return x.attrPlain[index];
        }

        private static long plain(byte[] b, int from, int to) {
            int i = from < to && b[from] == '-' ? from + 1 : from;
            if (i == to || to - i > 18) {
                return ImportContext.NOT_PLAIN;
            }
            long r = 0;
            for (; i < to; i++) {
                int c = b[i];
                if (c < '0' || c > '9') {
                    return ImportContext.NOT_PLAIN;
                }
                r = r * 10 + (c - '0');
            }
            return b[from] == '-' ? -r : r;
        }
    }
}
