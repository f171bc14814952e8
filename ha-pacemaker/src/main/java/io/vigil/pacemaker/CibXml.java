package io.vigil.pacemaker;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

/**
 * Reads CIB XML into a tree of {@link XmlElement}s that remember where they are in the source, so that every
 * error can point into the file. Parsing is locked down: no DOCTYPE, no external entities, no XInclude (a CIB
 * never needs them, and they are how XML parsers get tricked into reading local files).
 */
final class CibXml {
    private CibXml() {
    }

    /**
     * Parses a document.
     *
     * @param in     the XML
     * @param source what to call it in error messages (a file name)
     * @return the root element
     * @throws CibImportException for malformed XML, naming line and column
     */
    static XmlElement parse(InputStream in, String source) {
        try {
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.setNamespaceAware(false);
            spf.setValidating(false);
            spf.setXIncludeAware(false);
            spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
            spf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            spf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = spf.newSAXParser();
            Builder builder = new Builder();
            parser.parse(new InputSource(in), builder);
            if (builder.root == null) {
                throw new CibImportException(source + ": empty document");
            }
            return builder.root;
        } catch (SAXParseException e) {
            throw new CibImportException(source + ": malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new CibImportException(source + ": cannot parse XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CibImportException(source + ": cannot read: " + e.getMessage(), e);
        }
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

    /** Builds the tree from SAX events, recording where each start tag ends. */
    private static final class Builder extends DefaultHandler {
        private final Deque<XmlElement> stack = new ArrayDeque<>();
        private XmlElement root;
        private Locator locator;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String[] attrs = new String[attributes.getLength() * 2];
            for (int i = 0; i < attributes.getLength(); i++) {
                attrs[2 * i] = attributes.getQName(i);
                attrs[2 * i + 1] = attributes.getValue(i);
            }
            XmlElement e = new XmlElement(qName, attrs, locator == null ? 0 : locator.getLineNumber(),
                    locator == null ? 0 : locator.getColumnNumber());
            if (stack.isEmpty()) {
                root = e;
            } else {
                stack.peek().add(e);
            }
            stack.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            stack.pop();
        }
    }
}
