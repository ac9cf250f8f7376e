package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Delegation;
import org.toegang.core.model.DelegationRole;
import org.toegang.core.model.Validity;

/** Who administers an organisation: head administrators appoint and remove local administrators. */
public final class DelegationService {
    private final AdminStores stores;
    private final Audit audit;

    DelegationService(AdminStores stores, Audit audit) {
        this.stores = stores;
        this.audit = audit;
    }

    public List<Versioned<Delegation>> list(AdminContext context, String organisationKey) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the administrators of this organisation");
        return stores.administration().delegationsOfOrganisation(organisationKey);
    }

    public Versioned<Delegation> appoint(AdminContext context, String organisationKey, String personId,
                                         DelegationRole role, Set<String> limitedTo, Validity validity) {
        require(context.policy().mayAppoint(organisationKey, role), "appoint a " + role.code() + " of this organisation");
        if (stores.registry().organisation(organisationKey).isEmpty()) {
            throw new NotFoundException("organisation " + organisationKey);
        }
        stores.repository().findPerson(personId)
                .orElseThrow(() -> RefusedException.invalid("personId", "is not a person in the directory"));
        for (String clientId : limitedTo) {
            if (stores.registry().application(clientId).isEmpty()) {
                throw RefusedException.invalid("limitedToClientIds", "\"" + clientId + "\" is not a registered application");
            }
        }
        Versioned<Delegation> delegation = stores.administration().addDelegation(personId, organisationKey, role,
                limitedTo, validity);
        audit.record(context, organisationKey, null, "delegation.create", "delegation/" + delegation.value().id(),
                Map.of(), Audit.of(delegation.value()));
        return delegation;
    }

    public void remove(AdminContext context, String organisationKey, String id, Optional<String> ifMatch) {
        Versioned<Delegation> current = stores.administration().delegation(id)
                .filter(found -> found.value().organisationKey().equals(organisationKey))
                .orElse(null);
        require(current != null && context.policy().mayAppoint(organisationKey, current.value().role()),
                "remove this administrator");
        RefusedException.requireRevision(ifMatch);
        stores.administration().removeDelegation(current.value(), ifMatch);
        audit.record(context, organisationKey, null, "delegation.delete", "delegation/" + id,
                Audit.of(current.value()), Map.of());
    }
}
