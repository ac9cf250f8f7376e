package org.toegang.launcher;

/**
 * Toegang cannot start because of something outside it: a port in use, a directory that does not
 * answer, a missing build. The message is one line for the person who started it, saying what is
 * wrong and, where known, what to do; it is printed without a stack trace.
 */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The process exit code for a refused start, distinct from 1 (a failure of Toegang itself). */
    public static final int EXIT_CODE = 2;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
