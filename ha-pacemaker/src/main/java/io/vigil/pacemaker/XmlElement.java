package io.vigil.pacemaker;

import io.vigil.core.model.OperationRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed XML element: name, attributes, child elements and where its start tag begins in the source. Much lighter
 * than a DOM element (a CIB of 10,000 resources has hundreds of thousands of elements), and immutable once the
 * parser has built it.
 */
final class XmlElement {
    private static final String[] NO_ATTRIBUTES = new String[0];

    private final String tag;
    /** name, value, name, value, ... in document order. */
    private final String[] attributes;
    /** Empty (shared) until the first child: most elements of a status section have none. */
    private List<XmlElement> children = List.of();
    private final int line;
    private final int column;
    /**
     * For an {@code lrm_resource}: its operations in document order, each an {@link OperationRecord} read straight
     * from the parser or, when that was not possible, the {@code lrm_rsc_op} element (also a child); null when none.
     */
    private List<Object> operations;

    XmlElement(String tag, String[] attributes, int line, int column) {
        this.tag = tag;
        this.attributes = attributes == null ? NO_ATTRIBUTES : attributes;
        this.line = line;
        this.column = column;
    }

    /** The element name. */
    String getTagName() {
        return tag;
    }

    /** The attribute's value, or null when absent. */
    String attr(String name) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals(name)) {
                return attributes[i + 1];
            }
        }
        return null;
    }

    /** The attribute names, in document order. */
    List<String> attributeNames() {
        List<String> out = new ArrayList<>(attributes.length / 2);
        for (int i = 0; i < attributes.length; i += 2) {
            out.add(attributes[i]);
        }
        return out;
    }

    /** The direct child elements, in document order (unmodifiable). */
    List<XmlElement> children() {
        return children.isEmpty() ? List.of() : java.util.Collections.unmodifiableList(children);
    }

    void add(XmlElement child) {
        if (children.isEmpty()) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    void addOperation(Object operation) {
        if (operations == null) {
            operations = new ArrayList<>(4);
        }
        operations.add(operation);
    }

    /**
     * The operation history entries of an {@code lrm_resource}, in document order: {@link OperationRecord}s and
     * {@code lrm_rsc_op} elements; null when it has none.
     */
    List<Object> operations() {
        return operations;
    }

    /** Where the start tag begins, e.g. {@code line 12, column 7}; empty when unknown. */
    String where() {
        return line <= 0 ? "" : "line " + line + ", column " + column;
    }

    /** The name and id, plus the position: {@code rsc_location 'l1' (line 12, column 7)}. */
    String describe() {
        String id = attr("id");
        String where = where();
        return tag + (id == null || id.isEmpty() ? "" : " '" + id + "'") + (where.isEmpty() ? "" : " (" + where + ")");
    }

    @Override
    public String toString() {
        return describe();
    }
}
