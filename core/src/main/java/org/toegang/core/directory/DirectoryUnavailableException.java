package org.toegang.core.directory;

/**
 * The directory could not be reached or did not answer. The message names the directory and the
 * cause in words a person understands; callers show it as is.
 */
public final class DirectoryUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
