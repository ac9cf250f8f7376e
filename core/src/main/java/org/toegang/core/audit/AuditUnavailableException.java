package org.toegang.core.audit;

/** The audit trail could not store an entry; the change it describes must not stand. */
public final class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
