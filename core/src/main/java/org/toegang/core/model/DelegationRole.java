package org.toegang.core.model;

import org.toegang.core.ValidationException;

/** What a delegation allows: administering an organisation's people, or an owner's applications. */
public enum DelegationRole {
    LOCAL_ADMINISTRATOR("localAdministrator"),
    APPLICATION_ADMINISTRATOR("applicationAdministrator");

    private final String code;

    DelegationRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws ValidationException for an unknown code */
    public static DelegationRole fromCode(String code) {
        for (DelegationRole role : values()) {
            if (role.code.equalsIgnoreCase(code)) {
                return role;
            }
        }
        throw ValidationException.invalid("delegationRole", code, "must be localAdministrator or applicationAdministrator");
    }
}
