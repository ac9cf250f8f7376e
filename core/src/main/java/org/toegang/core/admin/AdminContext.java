package org.toegang.core.admin;

import java.time.Instant;
import java.util.Objects;

/** One request: who calls, what the policy allows them at this moment, and the moment itself. */
public record AdminContext(Caller caller, AdministrationPolicy policy, Instant now) {
    public AdminContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
    }

    /** The role the caller acts in for an organisation (and application), as the audit trail names it. */
    public String roleFor(String organisationKey, String clientId) {
        AdministratorRoles roles = policy.roles();
        if (roles.centralAdministrator() && organisationKey == null) {
            return "centralAdministrator";
        }
        if (organisationKey != null && roles.headAdministratorOf().contains(organisationKey)) {
            return "headAdministrator";
        }
        if (organisationKey != null && roles.localAdministratorOf().containsKey(organisationKey)) {
            return "localAdministrator";
        }
        if (clientId != null && roles.ownedApplications().contains(clientId)) {
            return "applicationOwner";
        }
        return roles.centralAdministrator() ? "centralAdministrator" : "person";
    }
}
