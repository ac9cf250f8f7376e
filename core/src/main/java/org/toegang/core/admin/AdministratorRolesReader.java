package org.toegang.core.admin;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.model.Application;
import org.toegang.core.model.Delegation;
import org.toegang.core.model.DelegationRole;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.WorkRelation;

/**
 * Reads a caller's {@link AdministratorRoles} from the directory as it is now: legal
 * representation, delegations that are valid now (an ended or future delegation gives no power),
 * work relations valid now, and the organisation tree (an administrator of an organisation
 * administers its sub-organisations). Thread-safe.
 */
public final class AdministratorRolesReader {
    private final DirectoryRepository repository;

    public AdministratorRolesReader(DirectoryRepository repository) {
        this.repository = repository;
    }

    /** The roles of {@code caller} at {@code now}; never null. */
    public AdministratorRoles read(Caller caller, Instant now) {
        if (caller.serviceAccountOf().isPresent()) {
            return new AdministratorRoles(Optional.empty(), false, Set.of(), Set.of(), Map.of(),
                    Set.of(caller.serviceAccountOf().get()), Set.of());
        }
        Optional<Person> person = caller.personId().flatMap(repository::findPerson);
        if (person.isEmpty()) {
            AdministratorRoles none = AdministratorRoles.none(caller.personId());
            return caller.centralAdministrator() ? withCentral(none) : none;
        }
        String personId = person.get().id();
        List<Organisation> organisations = repository.allOrganisations();
        Set<String> legal = below(person.get().legalRepresentativeOf(), organisations);
        Set<String> head = new HashSet<>(legal);
        Map<String, Set<String>> local = new HashMap<>();
        Map<String, Set<String>> applicationAdministrator = new HashMap<>();
        for (Delegation delegation : repository.delegationsOf(personId)) {
            if (delegation.validity().map(validity -> !validity.contains(now)).orElse(false)) {
                continue;
            }
            for (String key : below(Set.of(delegation.organisationKey()), organisations)) {
                switch (delegation.role()) {
                    case HEAD_ADMINISTRATOR -> head.add(key);
                    case LOCAL_ADMINISTRATOR -> local.merge(key, delegation.limitedToClientIds(), AdministratorRolesReader::widest);
                    case APPLICATION_ADMINISTRATOR ->
                            applicationAdministrator.merge(key, delegation.limitedToClientIds(), AdministratorRolesReader::widest);
                }
            }
        }
        Set<String> owned = new HashSet<>();
        for (Application application : repository.allApplications()) {
            String owner = application.ownerOrganisationKey();
            Set<String> limitedTo = applicationAdministrator.get(owner);
            if (head.contains(owner) || (limitedTo != null
                    && (limitedTo.isEmpty() || limitedTo.contains(application.clientId())))) {
                owned.add(application.clientId());
            }
        }
        Set<String> worksFor = new HashSet<>();
        for (WorkRelation relation : repository.workRelationsOf(personId)) {
            if (relation.validity().contains(now)) {
                worksFor.add(relation.organisationKey());
            }
        }
        return new AdministratorRoles(Optional.of(personId), caller.centralAdministrator(), legal, head, local, owned,
                worksFor);
    }

    private static AdministratorRoles withCentral(AdministratorRoles roles) {
        return new AdministratorRoles(roles.personId(), true, Set.of(), Set.of(), Map.of(), Set.of(), Set.of());
    }

    /** Two delegations for one organisation: the wider limit wins (empty means every application). */
    private static Set<String> widest(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Set.of();
        }
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return both;
    }

    /** The organisations and every organisation below them. */
    static Set<String> below(Set<String> keys, List<Organisation> organisations) {
        Map<String, List<String>> children = new HashMap<>();
        for (Organisation organisation : organisations) {
            organisation.parentKey().ifPresent(parent ->
                    children.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(organisation.key()));
        }
        Set<String> found = new HashSet<>(keys);
        Deque<String> todo = new ArrayDeque<>(keys);
        while (!todo.isEmpty()) {
            for (String child : children.getOrDefault(todo.pop(), List.of())) {
                if (found.add(child)) {
                    todo.push(child);
                }
            }
        }
        return found;
    }
}
