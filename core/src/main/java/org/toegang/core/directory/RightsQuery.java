package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.model.Grant;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.rights.ActiveGrants;

/**
 * Who holds which rights, for many people at once: the need-to-know view of an application
 * (the people holding one of its active rights, and only those rights) and the full view a
 * provisioning client gets. Whether a grant counts is decided by {@link ActiveGrants} alone.
 * Searches are batched, never one per person. Thread-safe; share one instance.
 */
public final class RightsQuery {
    private final Directory directory;
    private final String baseDn;

    public RightsQuery(Directory directory) {
        this.directory = directory;
        this.baseDn = directory.config().baseDn();
    }

    /**
     * The grants that count at {@code now}, per person id, for one application or (when
     * {@code clientId} is empty) for every application. A person without such a grant is absent.
     * The search leaves validity to {@link ActiveGrants}: an open time range in the filter makes
     * OpenLDAP walk the whole validity index (see {@code DirectoryRepository#rightsEntries}).
     */
    public Map<String, List<Grant>> activeGrantsByPerson(Optional<String> clientId, Instant now) {
        List<Filter> parts = new ArrayList<>(List.of(Filter.createEqualityFilter(OBJECT_CLASS, GRANT_CLASS),
                Filter.createEqualityFilter(GRANT_STATUS, "active")));
        clientId.ifPresent(id -> parts.add(Filter.createEqualityFilter(CLIENT_ID, id)));
        Map<String, List<Grant>> candidates = new LinkedHashMap<>();
        for (SearchResultEntry entry : entries(Filter.createANDFilter(parts))) {
            Grant grant = EntryMapper.grant(entry);
            candidates.computeIfAbsent(grant.personId(), id -> new ArrayList<>()).add(grant);
        }
        return select(candidates, now);
    }

    /** The grants that count at {@code now} of these people, per person id; for one application or all. */
    public Map<String, List<Grant>> activeGrantsOf(Collection<String> personIds, Optional<String> clientId,
                                                   Instant now) {
        Map<String, List<Grant>> candidates = new LinkedHashMap<>();
        allGrantsOf(personIds).forEach((personId, grants) -> candidates.put(personId, grants.stream()
                .filter(grant -> clientId.map(grant.clientId()::equals).orElse(true)).toList()));
        return select(candidates, now);
    }

    /** Every grant of these people whatever its status or validity, per person id. */
    public Map<String, List<Grant>> allGrantsOf(Collection<String> personIds) {
        Map<String, List<Grant>> byPerson = new HashMap<>();
        for (SearchResultEntry entry : ofPeople(GRANT_CLASS, personIds)) {
            Grant grant = EntryMapper.grant(entry);
            byPerson.computeIfAbsent(grant.personId(), id -> new ArrayList<>()).add(grant);
        }
        return byPerson;
    }

    /** Every work relation of these people whatever its validity, per person id. */
    public Map<String, List<WorkRelation>> workRelationsOf(Collection<String> personIds) {
        Map<String, List<WorkRelation>> byPerson = new HashMap<>();
        for (SearchResultEntry entry : ofPeople(WORK_RELATION_CLASS, personIds)) {
            WorkRelation relation = EntryMapper.workRelation(entry);
            byPerson.computeIfAbsent(relation.personId(), id -> new ArrayList<>()).add(relation);
        }
        return byPerson;
    }

    private Map<String, List<Grant>> select(Map<String, List<Grant>> candidates, Instant now) {
        Map<String, List<WorkRelation>> relations = workRelationsOf(candidates.keySet());
        Map<String, Set<String>> represents = new HashMap<>();
        Set<String> activePeople = new HashSet<>();
        for (SearchResultEntry entry : ofPeople(PERSON_CLASS, candidates.keySet())) {
            represents.put(entry.getAttributeValue(PERSON_ID), EntryMapper.person(entry).legalRepresentativeOf());
            if (EntryMapper.active(entry)) {
                activePeople.add(entry.getAttributeValue(PERSON_ID));
            }
        }
        Map<String, List<Grant>> active = new LinkedHashMap<>();
        candidates.forEach((personId, grants) -> {
            if (!activePeople.contains(personId)) {
                return; // a deactivated (or unknown) person holds no grant that counts (PersonRights)
            }
            List<Grant> counting = ActiveGrants.select(grants, relations.getOrDefault(personId, List.of()),
                    represents.getOrDefault(personId, Set.of()), now);
            if (!counting.isEmpty()) {
                active.put(personId, counting);
            }
        });
        return active;
    }

    private List<SearchResultEntry> ofPeople(String objectClass, Collection<String> personIds) {
        List<SearchResultEntry> found = new ArrayList<>();
        for (Filter any : AnyOf.batches(PERSON_ID, personIds)) {
            found.addAll(entries(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, objectClass), any)));
        }
        return found;
    }

    private List<SearchResultEntry> entries(Filter filter) {
        try {
            return directory.pool().search(new SearchRequest(baseDn, SearchScope.SUB, filter, "*")).getSearchEntries();
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }
}
