package org.toegang.directory;

/**
 * The directory could not be started, loaded or reached. The message is meant for the person
 * who started Toegang: it says what failed and, where known, what to do about it.
 */
public final class DirectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DirectoryException(String message) {
        super(message);
    }

    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
