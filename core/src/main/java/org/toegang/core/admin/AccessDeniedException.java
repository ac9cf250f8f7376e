package org.toegang.core.admin;

/**
 * The caller holds no role that allows the action. The message names the action and the role it
 * needs, never what the caller may not see (no data of the refused resource).
 */
public final class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccessDeniedException(String message) {
        super(message);
    }
}
