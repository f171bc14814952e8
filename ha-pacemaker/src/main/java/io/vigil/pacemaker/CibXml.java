package io.vigil.pacemaker;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
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
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

/**
 * Reads CIB XML into a DOM whose elements remember where they started (line and column), so that every error
 * can point into the file. Parsing is locked down: no DOCTYPE, no external entities, no XInclude (a CIB never
 * needs them, and they are how XML parsers get tricked into reading local files).
 */
final class CibXml {
    private static final String LINE = "vigil.line";
    private static final String COLUMN = "vigil.column";

    private CibXml() {
    }

    /**
     * Parses a document.
     *
     * @param in     the XML
     * @param source what to call it in error messages (a file name)
     * @throws CibImportException for malformed XML, naming line and column
     */
    static Document parse(InputStream in, String source) {
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
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = dbf.newDocumentBuilder().newDocument();
            parser.parse(new InputSource(in), new Builder(doc));
            if (doc.getDocumentElement() == null) {
                throw new CibImportException(source + ": empty document");
            }
            return doc;
        } catch (SAXParseException e) {
            throw new CibImportException(source + ": malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new CibImportException(source + ": cannot parse XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CibImportException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Where an element starts, e.g. {@code line 12, column 7}; empty when unknown. */
    static String where(Element e) {
        Object line = e.getUserData(LINE);
        Object col = e.getUserData(COLUMN);
        return line == null ? "" : "line " + line + ", column " + col;
    }

    /** The element's name and id, plus its position: {@code rsc_location 'l1' (line 12, column 7)}. */
    static String describe(Element e) {
        String id = e.getAttribute("id");
        String where = where(e);
        return e.getTagName() + (id.isEmpty() ? "" : " '" + id + "'") + (where.isEmpty() ? "" : " (" + where + ")");
    }

    /** The attribute's value, or null when absent. */
    static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** The direct child elements, in document order. */
    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    /** The direct child elements with this name, in document order. */
    static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(e)) {
            if (c.getTagName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first direct child with this name, or null. */
    static Element child(Element e, String name) {
        for (Element c : children(e)) {
            if (c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Builds the DOM from SAX events, recording each element's start position. */
    private static final class Builder extends DefaultHandler {
        private final Document doc;
        private final Deque<Node> stack = new ArrayDeque<>();
        private Locator locator;

        Builder(Document doc) {
            this.doc = doc;
            stack.push(doc);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Element e = doc.createElement(qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                e.setAttribute(attributes.getQName(i), attributes.getValue(i));
            }
            if (locator != null) {
                e.setUserData(LINE, locator.getLineNumber(), null);
                e.setUserData(COLUMN, locator.getColumnNumber(), null);
            }
            stack.peek().appendChild(e);
            stack.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            stack.pop();
        }
    }
}
