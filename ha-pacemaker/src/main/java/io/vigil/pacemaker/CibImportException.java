package io.vigil.pacemaker;

/**
 * A CIB could not be imported: the XML is malformed, or a value cannot be read (an invalid score, duration,
 * role, ...). The message names the offending element, its id and, where known, the line and column in the
 * source.
 */
public class CibImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public CibImportException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause   the underlying error
     */
    public CibImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
