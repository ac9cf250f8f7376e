package org.toegang.core.model;

import org.toegang.core.ValidationException;

/** Where a grant stands; {@link #code()} is the value kept in the directory. */
public enum GrantStatus {
    REQUESTED("requested"),
    ACTIVE("active"),
    REJECTED("rejected"),
    REVOKED("revoked"),
    /** The requester took the request back before it was decided. */
    WITHDRAWN("withdrawn");

    private final String code;

    GrantStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws ValidationException for an unknown code */
    public static GrantStatus fromCode(String code) {
        for (GrantStatus status : values()) {
            if (status.code.equalsIgnoreCase(code)) {
                return status;
            }
        }
        throw ValidationException.invalid("grantStatus", code, "must be one of requested, active, rejected, revoked, withdrawn");
    }
}
