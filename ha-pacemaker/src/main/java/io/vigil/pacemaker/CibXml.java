package io.vigil.pacemaker;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.vigil.core.model.OperationRecord;
import org.codehaus.stax2.XMLStreamLocation2;
import org.codehaus.stax2.XMLStreamReader2;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CIB XML into a tree of {@link XmlElement}s that remember where they are in the source, so that every
 * error can point into the file. Parsing is locked down: no DOCTYPE (so no entities, external or internal), no
 * external entities, no XInclude (a CIB never needs them, and they are how XML parsers get tricked into reading
 * local files or expanding a few bytes into gigabytes).
 *
 * <p>The parser is Aalto's streaming (StAX) reader: on a cold JVM it reads a large CIB (40 MB of operation
 * history for 32 nodes x 2,000 resources) in about half the CPU time of the JDK's SAX parser, which matters for a
 * short-lived {@code simulate} process. Only elements and attributes are kept; text and comments are skipped.
 *
 * <p>Operation history entries ({@code lrm_rsc_op} in an {@code lrm_resource}), most of a large CIB, are read straight
 * into {@link OperationRecord}s when their values are plain ({@link StatusReader.QuickOperations}), without an
 * element; any other is kept as an element and read (and reported) the usual way.
 */
final class CibXml {
    /** The operation history entry, by far the most frequent element of a large CIB. */
    private static final String OPERATION = "lrm_rsc_op";
    /** The parent of the operations that {@link StatusReader} reads. */
    private static final String RESOURCE_HISTORY = "lrm_resource";
    /** Values up to this length are shared between operations (ids and transition keys are longer). */
    private static final int SHARED_VALUE_LENGTH = 12;
    /** At most this many distinct shared values per document. */
    private static final int SHARED_VALUES = 4096;

    /** Thread-safe once configured; creating it is not free, so it is made once. */
    private static final class Factory {
        /** Made on first use: a plain CIB ({@link PlainXml}) never needs it. */
        static final XMLInputFactory INSTANCE = factory();
    }

    private CibXml() {
    }

    private static XMLInputFactory factory() {
        // Aalto's factory by class, not through the StAX service lookup (which would scan the class path and
        // could pick another implementation).
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return f;
    }

    /**
     * Parses a document from a stream, as it comes (with Aalto: a stream is not read into memory first).
     *
     * @param in     the XML
     * @param source what to call it in error messages (a file name)
     * @return the root element
     * @throws CibImportException for malformed XML or a DOCTYPE, naming line and column
     */
    static XmlElement parse(InputStream in, String source) {
        return parseGeneral(in, source);
    }

    /**
     * Parses a document held in memory: with {@link PlainXml} when it is plain XML (as CIBs are), else (and for
     * every error) with Aalto; the tree is the same either way.
     *
     * @throws CibImportException for malformed XML or a DOCTYPE, naming line and column
     */
    static XmlElement parse(byte[] bytes, String source) {
        XmlElement plain = PlainXml.parse(bytes);
        return plain != null ? plain : parseGeneral(new ByteArrayInputStream(bytes), source);
    }

    /** Parses a document with Aalto. */
    static XmlElement parseGeneral(InputStream in, String source) {
        XMLStreamReader reader = null;
        try {
            reader = Factory.INSTANCE.createXMLStreamReader(in);
            return build(reader, source);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage();
            // Aalto appends the location ("...\n at [row,col {unknown-source}]: [4,8]"): keep only the text.
            int suffix = message == null ? -1 : message.indexOf("\n at [row,col");
            if (suffix >= 0) {
                message = message.substring(0, suffix);
            }
            if (at == null) {
                throw new CibImportException(source + ": malformed XML: " + message, e);
            }
            throw new CibImportException(source + ": malformed XML at line " + at.getLineNumber() + ", column "
                    + at.getColumnNumber() + ": " + message, e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // closing a reader over an input stream we do not own releases nothing that matters
                }
            }
        }
    }

    /** Builds the tree from the reader's events, recording where each start tag begins. */
    private static XmlElement build(XMLStreamReader reader, String source) throws XMLStreamException {
        Deque<XmlElement> stack = new ArrayDeque<>();
        XmlElement root = null;
        Map<String, String> shared = new HashMap<>();
        StatusReader.QuickOperations quick = new StatusReader.QuickOperations();
        // > 0 inside an operation read straight into the model: its content (never read) is skipped.
        int skipped = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (skipped > 0) {
                    skipped++;
                    continue;
                }
                String tag = reader.getLocalName();
                XmlElement parent = stack.peek();
                boolean operation = tag.equals(OPERATION);
                if (operation && parent != null && parent.getTagName().equals(RESOURCE_HISTORY)) {
                    OperationRecord record = quick.read(reader);
                    if (record != null) {
                        parent.addOperation(record);
                        skipped = 1;
                        continue;
                    }
                }
                String[] attrs = operation ? operationAttributes(reader, shared) : attributes(reader);
                Location at = reader.getLocation();
                XmlElement e = new XmlElement(tag, attrs, at.getLineNumber(), at.getColumnNumber());
                if (parent == null) {
                    root = e;
                } else {
                    parent.add(e);
                    if (operation && parent.getTagName().equals(RESOURCE_HISTORY)) {
                        parent.addOperation(e);
                    }
                }
                stack.push(e);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (skipped > 0) {
                    skipped--;
                } else {
                    stack.pop();
                }
            } else if (event == XMLStreamConstants.DTD) {
                // The reader's own location is where the previous token ended: name where the DOCTYPE ends.
                XMLStreamLocation2 end = ((XMLStreamReader2) reader).getLocationInfo().getEndLocation();
                throw new CibImportException(source + ": a DOCTYPE is not allowed in a CIB (it ends at line "
                        + end.getLineNumber() + ", column " + end.getColumnNumber() + ")");
            }
        }
        if (root == null) {
            throw new CibImportException(source + ": empty document");
        }
        return root;
    }

    /** Every attribute: name, value, name, value, ... */
    private static String[] attributes(XMLStreamReader reader) {
        int n = reader.getAttributeCount();
        String[] attrs = new String[n * 2];
        for (int i = 0; i < n; i++) {
            attrs[2 * i] = reader.getAttributeLocalName(i);
            attrs[2 * i + 1] = reader.getAttributeValue(i);
        }
        return attrs;
    }

    /**
     * The attributes of an operation history entry that the import reads ({@link StatusReader#OPERATION_ATTRIBUTES}),
     * with short values (result codes, intervals, timestamps, operation names: the same few across the whole
     * status section) shared through {@code shared}. This keeps the tree of a large CIB to a fraction of its size.
     */
    private static String[] operationAttributes(XMLStreamReader reader, Map<String, String> shared) {
        int n = reader.getAttributeCount();
        String[] attrs = new String[n * 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            String name = reader.getAttributeLocalName(i);
            if (StatusReader.OPERATION_ATTRIBUTES.contains(name)) {
                String value = reader.getAttributeValue(i);
                if (value.length() <= SHARED_VALUE_LENGTH && shared.size() < SHARED_VALUES) {
                    value = shared.computeIfAbsent(value, v -> v);
                } else if (value.length() <= SHARED_VALUE_LENGTH) {
                    value = shared.getOrDefault(value, value);
                }
                attrs[k++] = name;
                attrs[k++] = value;
            }
        }
        return k == attrs.length ? attrs : Arrays.copyOf(attrs, k);
    }

    /** The attribute's value, or null when absent. */
    static String attr(XmlElement e, String name) {
        return e.attr(name);
    }

    /** The direct child elements, in document order. */
    static List<XmlElement> children(XmlElement e) {
        return e.children();
    }

    /** The direct child elements with this name, in document order. */
    static List<XmlElement> children(XmlElement e, String name) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : e.children()) {
            if (c.getTagName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first direct child with this name, or null. */
    static XmlElement child(XmlElement e, String name) {
        for (XmlElement c : e.children()) {
            if (c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
