package org.toegang.core.model;

import org.toegang.core.ValidationException;

/** Who decides a request for a right that needs approval; {@link #code()} is the stored value. */
public enum ApprovalBy {
    /** The application owner (its head or application administrators). */
    OWNER("owner"),
    /** A head administrator of the organisation that would receive the right. */
    HEAD_ADMINISTRATOR("headAdministrator");

    private final String code;

    ApprovalBy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws ValidationException with field {@code needsApprovalBy} for an unknown code */
    public static ApprovalBy fromCode(String code) {
        for (ApprovalBy by : values()) {
            if (by.code.equalsIgnoreCase(code)) {
                return by;
            }
        }
        throw ValidationException.invalid("needsApprovalBy", code, "must be owner or headAdministrator");
    }
}
