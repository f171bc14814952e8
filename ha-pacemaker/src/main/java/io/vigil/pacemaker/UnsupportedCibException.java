package io.vigil.pacemaker;

/**
 * The CIB uses something Vigil's model cannot represent (bundles, remote and guest nodes, date expressions,
 * tickets, ...). Importing it anyway would silently change what the cluster does, so
 * the import stops. {@link #element()} and {@link #elementId()} name what was found.
 */
public class UnsupportedCibException extends CibImportException {
    private static final long serialVersionUID = 1L;

    private final String element;
    private final String elementId;

    /**
     * @param element   the XML element name, e.g. {@code bundle}
     * @param elementId its id; null when it has none
     * @param message   the full message (naming the element, its id and why)
     */
    public UnsupportedCibException(String element, String elementId, String message) {
        super(message);
        this.element = element;
        this.elementId = elementId;
    }

    /** The XML element name, e.g. {@code bundle}. */
    public String element() {
        return element;
    }

    /** The element's id; null when it has none. */
    public String elementId() {
        return elementId;
    }
}
