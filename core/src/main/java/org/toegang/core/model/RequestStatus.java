package org.toegang.core.model;

import org.toegang.core.ValidationException;

/** Where a request for a work relation stands; {@link #code()} is the value kept in the directory. */
public enum RequestStatus {
    REQUESTED("requested"),
    /** An administrator of the organisation approved it: the work relation exists. */
    APPROVED("approved"),
    REJECTED("rejected"),
    /** The requester took it back before it was decided. */
    WITHDRAWN("withdrawn");

    private final String code;

    RequestStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws ValidationException for an unknown code */
    public static RequestStatus fromCode(String code) {
        for (RequestStatus status : values()) {
            if (status.code.equalsIgnoreCase(code)) {
                return status;
            }
        }
        throw ValidationException.invalid("status", code, "must be one of requested, approved, rejected, withdrawn");
    }
}
