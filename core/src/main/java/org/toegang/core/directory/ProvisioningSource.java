package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What outbound provisioning reads from the directory: whole people with all their grants and work
 * relations (the rule in {@link org.toegang.core.provisioning.ProvisioningRule} decides what counts),
 * in batched searches, never one per person. Values reach filters only through the SDK's filter
 * factories. Thread-safe; share one instance.
 */
public final class ProvisioningSource {
    private final Directory directory;
    private final String baseDn;

    public ProvisioningSource(Directory directory) {
        this.directory = directory;
        this.baseDn = directory.config().baseDn();
    }

    /**
     * The people with these ids that exist, each with every grant and work relation; a person
     * who no longer exists is absent from the answer.
     */
    public Map<String, PersonRights> read(Collection<String> personIds) {
        Map<String, PersonRights> found = new HashMap<>();
        for (Filter anyPerson : AnyOf.batches(PERSON_ID, personIds)) {
            found.putAll(readBatch(anyPerson));
        }
        return found;
    }

    private Map<String, PersonRights> readBatch(Filter anyPerson) {
        Filter kinds = Filter.createORFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS),
                Filter.createEqualityFilter(OBJECT_CLASS, GRANT_CLASS),
                Filter.createEqualityFilter(OBJECT_CLASS, WORK_RELATION_CLASS));
        Map<String, org.toegang.core.model.Person> people = new HashMap<>();
        Map<String, List<org.toegang.core.model.Grant>> grants = new HashMap<>();
        Map<String, List<org.toegang.core.model.WorkRelation>> relations = new HashMap<>();
        Map<String, Set<String>> uuids = new HashMap<>();
        for (SearchResultEntry entry : entries(Filter.createANDFilter(anyPerson, kinds))) {
            String personId = entry.getAttributeValue(PERSON_ID);
            String uuid = entry.getAttributeValue(ENTRY_UUID);
            if (uuid != null) {
                uuids.computeIfAbsent(personId, id -> new HashSet<>()).add(uuid.toLowerCase(Locale.ROOT));
            }
            if (entry.hasObjectClass(PERSON_CLASS)) {
                people.put(personId, EntryMapper.person(entry));
            } else if (entry.hasObjectClass(GRANT_CLASS)) {
                grants.computeIfAbsent(personId, id -> new ArrayList<>()).add(EntryMapper.grant(entry));
            } else {
                relations.computeIfAbsent(personId, id -> new ArrayList<>()).add(EntryMapper.workRelation(entry));
            }
        }
        Map<String, PersonRights> read = new HashMap<>();
        people.forEach((id, person) -> read.put(id, new PersonRights(person, grants.getOrDefault(id, List.of()),
                relations.getOrDefault(id, List.of()), uuids.getOrDefault(id, Set.of()))));
        return read;
    }

    /**
     * The ids of everyone with an active-status grant of the application, whatever its validity:
     * the people who hold, held or will hold one of its rights.
     */
    public Set<String> holdersOf(String clientId) {
        Set<String> ids = new LinkedHashSet<>();
        for (SearchResultEntry entry : entries(Filter.createANDFilter(
                Filter.createEqualityFilter(OBJECT_CLASS, GRANT_CLASS), Filter.createEqualityFilter(CLIENT_ID, clientId),
                Filter.createEqualityFilter(GRANT_STATUS, "active")))) {
            ids.add(entry.getAttributeValue(PERSON_ID));
        }
        return ids;
    }

    private List<SearchResultEntry> entries(Filter filter) {
        try {
            return directory.pool().search(new SearchRequest(baseDn, SearchScope.SUB, filter, "*", ENTRY_UUID))
                    .getSearchEntries();
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }
}
