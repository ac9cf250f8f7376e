package org.toegang.core.admin;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Application;
import org.toegang.core.model.Delegation;
import org.toegang.core.model.DelegationRole;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.WorkRelation;

/** A person's own view: their organisations, work relations, rights and requests, and whom to ask. */
public final class SelfService {
    private final AdminStores stores;

    SelfService(AdminStores stores) {
        this.stores = stores;
    }

    /**
     * What the caller sees of themselves.
     *
     * @param administrators per organisation of the person, its head and local administrators valid now
     */
    public record OwnView(Optional<Person> person, AdministratorRoles roles, List<Organisation> organisations,
                          List<WorkRelation> workRelations, List<StoredGrant> grants,
                          Map<String, List<Person>> administrators) {
    }

    /** What the caller may do in one organisation: its name, the caller's roles there, the actions, the grantable applications. */
    public record OrganisationPermissions(String key, String name, List<String> roles, List<String> actions,
                                          List<String> grantableClientIds) {
    }

    /** What the caller may do for one application. */
    public record ApplicationPermissions(String clientId, String name, List<String> actions) {
    }

    /** Everything the caller may do, decided by {@link AdministrationPolicy} alone. */
    public record Permissions(Optional<String> personId, List<String> actions,
                              List<OrganisationPermissions> organisations, List<ApplicationPermissions> applications) {
    }

    /**
     * What the caller may do, per organisation they have a role in (sub-organisations of those they
     * administer included) and per application they own (every application for the central
     * administrator, who may see them all). The rosters of those whose people the caller may
     * list are read ahead ({@link org.toegang.core.directory.RosterPrefetch}).
     */
    public Permissions permissions(AdminContext context) {
        AdministrationPolicy policy = context.policy();
        AdministratorRoles roles = policy.roles();
        Set<String> keys = new java.util.TreeSet<>(roles.legalRepresentativeOf());
        keys.addAll(roles.headAdministratorOf());
        keys.addAll(roles.localAdministratorOf().keySet());
        keys.addAll(roles.worksFor());
        List<Application> applications = stores.registry().applications().stream().map(Versioned::value).toList();
        Map<String, Organisation> found = new java.util.HashMap<>();
        stores.repository().organisations(keys).forEach(organisation -> found.put(organisation.key(), organisation));
        // the policy decides among the applications open to the organisation's target group (the rules refuse the others)
        List<OrganisationPermissions> organisations = keys.stream().map(key -> {
            Organisation organisation = found.get(key);
            List<String> open = applications.stream()
                    .filter(application -> organisation != null && application.openTo().contains(organisation.targetGroup()))
                    .map(Application::clientId).toList();
            return new OrganisationPermissions(key, organisation == null ? key : organisation.name(), policy.rolesIn(key),
                    policy.organisationActions(key, open), policy.grantable(key, open));
        }).toList();
        List<ApplicationPermissions> owned = applications.stream()
                .filter(application -> policy.maySeeApplication(application.clientId()))
                .sorted(java.util.Comparator.comparing(Application::clientId))
                .map(application -> new ApplicationPermissions(application.clientId(), application.name(),
                        policy.applicationActions(application.clientId()))).toList();
        // the people list is usually what comes next: its roster is read meanwhile
        stores.prefetch().prepare(keys.stream().filter(policy::mayManagePeopleOf).toList());
        return new Permissions(policy.personId(), policy.generalActions(), organisations, owned);
    }

    public OwnView view(AdminContext context) {
        AdministratorRoles roles = context.policy().roles();
        Optional<Person> person = roles.personId().flatMap(stores.repository()::findPerson);
        if (person.isEmpty()) {
            return new OwnView(Optional.empty(), roles, List.of(), List.of(), List.of(), Map.of());
        }
        String id = person.get().id();
        List<WorkRelation> relations = stores.repository().workRelationsOf(id);
        Set<String> keys = new HashSet<>(person.get().legalRepresentativeOf());
        relations.forEach(relation -> keys.add(relation.organisationKey()));
        List<Organisation> organisations = stores.repository().organisations(keys);
        Map<String, List<Person>> administrators = new LinkedHashMap<>();
        for (String key : keys.stream().sorted().toList()) {
            Set<String> ids = new HashSet<>();
            for (Versioned<Delegation> delegation : stores.administration().delegationsOfOrganisation(key)) {
                Delegation value = delegation.value();
                boolean valid = value.validity().map(v -> v.contains(context.now())).orElse(true);
                if (valid && value.role() != DelegationRole.APPLICATION_ADMINISTRATOR) {
                    ids.add(value.personId());
                }
            }
            stores.registry().legalRepresentatives(key).forEach(p -> ids.add(p.id()));
            administrators.put(key, stores.registry().people(ids));
        }
        return new OwnView(person, roles, organisations, relations, stores.administration().grantsOfPerson(id),
                administrators);
    }
}
