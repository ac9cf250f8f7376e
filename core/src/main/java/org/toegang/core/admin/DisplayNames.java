package org.toegang.core.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Grant;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationRequest;

/**
 * The names a list shows next to its ids (a person's full name, an organisation's name, an
 * application's name), read in one search per kind for one page of items. It checks no permission:
 * callers pass only ids of items the policy let the caller see. Thread-safe.
 */
public final class DisplayNames {
    private final AdminStores stores;

    DisplayNames(AdminStores stores) {
        this.stores = stores;
    }

    /** The names of one page's people, organisations and applications; unknown ids have no name. */
    public Names of(Collection<String> personIds, Collection<String> organisationKeys, Collection<String> clientIds) {
        Map<String, String> people = new HashMap<>();
        stores.registry().people(new HashSet<>(personIds)).forEach(person ->
                people.put(person.id(), (person.givenName() + " " + person.familyName()).strip()));
        Map<String, String> organisations = new HashMap<>();
        Set<String> keys = new HashSet<>(organisationKeys);
        stores.repository().organisations(keys).forEach(organisation -> organisations.put(organisation.key(), organisation.name()));
        Map<String, String> applications = new HashMap<>();
        if (!clientIds.isEmpty()) {
            Set<String> wanted = new HashSet<>(clientIds);
            stores.registry().applications().stream().map(Versioned::value)
                    .filter(application -> wanted.contains(application.clientId()))
                    .forEach(application -> applications.put(application.clientId(), application.name()));
        }
        return new Names(people, organisations, applications);
    }

    /** The names a page of grants shows: its people, organisations and applications. */
    public Names ofGrants(Collection<Grant> grants) {
        return of(grants.stream().map(Grant::personId).toList(), grants.stream().map(Grant::organisationKey).toList(),
                grants.stream().map(Grant::clientId).toList());
    }

    /** The names a page of work relations shows. */
    public Names ofWorkRelations(Collection<WorkRelation> relations) {
        return of(relations.stream().map(WorkRelation::personId).toList(),
                relations.stream().map(WorkRelation::organisationKey).toList(), List.of());
    }

    /** The names a page of work-relation requests shows: the requester, the decider, the organisation. */
    public Names ofRequests(Collection<WorkRelationRequest> requests) {
        List<String> people = new ArrayList<>();
        requests.forEach(request -> {
            people.add(request.personId());
            request.decidedBy().ifPresent(people::add);
        });
        return of(people, requests.stream().map(WorkRelationRequest::organisationKey).toList(), List.of());
    }

    /** The names of people. */
    public Names ofPeople(Collection<String> personIds) {
        return of(personIds, List.of(), List.of());
    }

    /** Names by id; each lookup is empty for an id without a name. Immutable. */
    public record Names(Map<String, String> people, Map<String, String> organisations, Map<String, String> applications) {
        public static final Names NONE = new Names(Map.of(), Map.of(), Map.of());

        public Names {
            people = Map.copyOf(people);
            organisations = Map.copyOf(organisations);
            applications = Map.copyOf(applications);
        }

        public Optional<String> person(String id) {
            return Optional.ofNullable(people.get(id));
        }

        public Optional<String> organisation(String key) {
            return Optional.ofNullable(organisations.get(key));
        }

        public Optional<String> application(String clientId) {
            return Optional.ofNullable(applications.get(clientId));
        }
    }
}
