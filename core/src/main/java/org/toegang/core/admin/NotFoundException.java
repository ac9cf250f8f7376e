package org.toegang.core.admin;

/** The resource does not exist, or not within what the caller may see. */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String what) {
        super(what + " was not found");
    }
}
