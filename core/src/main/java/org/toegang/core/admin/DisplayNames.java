package org.toegang.core.admin;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.directory.Versioned;

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
