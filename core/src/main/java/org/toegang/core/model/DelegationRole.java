package org.toegang.core.model;

import org.toegang.core.ValidationException;

/**
 * What a delegation allows: a head administrator (appointed by a legal representative) appoints
 * local administrators; a local administrator manages the organisation's people and grants; an
 * application administrator acts as owner of the organisation's applications.
 */
public enum DelegationRole {
    HEAD_ADMINISTRATOR("headAdministrator"),
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
        throw ValidationException.invalid("delegationRole", code, "must be headAdministrator, localAdministrator or applicationAdministrator");
    }
}
