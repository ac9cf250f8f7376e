package org.toegang.core.model;

import org.toegang.core.ValidationException;

/** The kinds of work relation; {@link #code()} is the value kept in the directory. */
public enum WorkRelationType {
    CIVIL_SERVANT("civilServant"),
    PERMANENT("permanent"),
    EXTERNAL("external"),
    OCCASIONAL("occasional");

    private final String code;

    WorkRelationType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws ValidationException for an unknown code */
    public static WorkRelationType fromCode(String code) {
        for (WorkRelationType type : values()) {
            if (type.code.equalsIgnoreCase(code)) {
                return type;
            }
        }
        throw ValidationException.invalid("workRelationType", code,
                "must be one of civilServant, permanent, external, occasional");
    }
}
