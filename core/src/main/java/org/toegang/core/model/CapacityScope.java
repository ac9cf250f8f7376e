package org.toegang.core.model;

import org.toegang.core.ValidationException;

/** How a person chooses as whom they act at an application: per organisation or per target group. */
public enum CapacityScope {
    ORGANISATION("organisation"),
    TARGET_GROUP("targetGroup");

    private final String code;

    CapacityScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws ValidationException for an unknown code */
    public static CapacityScope fromCode(String code) {
        for (CapacityScope scope : values()) {
            if (scope.code.equalsIgnoreCase(code)) {
                return scope;
            }
        }
        throw ValidationException.invalid("capacityPer", code, "must be organisation or targetGroup");
    }
}
