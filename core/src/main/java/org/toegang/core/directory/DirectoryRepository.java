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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.toegang.core.model.Application;
import org.toegang.core.model.Delegation;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.Right;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.rights.ActiveGrants;
import org.toegang.core.rights.PersonRights;

/**
 * Reads Toegang's model from the directory. Every value that reaches a filter goes through the
 * LDAP SDK's filter factories, which escape it (RFC 4515), so input can never widen a search.
 * Thread-safe; share one instance.
 */
public final class DirectoryRepository {
    /**
     * What {@link #activeGrants} reads: grants and work relations whole, of the person only legal
     * representation; and each entry's entryUUID, to match the directory's change reports.
     */
    private static final String[] ACTIVE_GRANTS_ATTRIBUTES = {OBJECT_CLASS, ID, PERSON_ID, CLIENT_ID, RIGHT_NAME,
            ORGANISATION_KEY, CONTEXT_VALUE, VALID_FROM, VALID_TO, GRANT_STATUS, REASON, GRANTED_BY, DECIDED_BY,
            WORK_RELATION_TYPE, PRIMARY, LEGAL_REPRESENTATIVE_OF, ACTIVE, ENTRY_UUID};

    private final Directory directory;
    private final String baseDn;
    private final RightsCache cache;

    /** A repository that searches the directory for every question. */
    public DirectoryRepository(Directory directory) {
        this(directory, RightsCache.none());
    }

    /** A repository that keeps rights in {@code cache} while it is live (see {@link #activeGrants}). */
    public DirectoryRepository(Directory directory, RightsCache cache) {
        this.directory = directory;
        this.baseDn = directory.config().baseDn();
        this.cache = cache;
    }

    /**
     * Proves the directory answers now ({@link Directory#check}), for readiness checks.
     *
     * @throws DirectoryUnavailableException when it does not
     */
    public void checkDirectory() {
        directory.check();
    }

    /** The person with this directory id; empty when there is none. */
    public Optional<Person> findPerson(String personId) {
        return first(and(equal(OBJECT_CLASS, PERSON_CLASS), equal(PERSON_ID, personId)), EntryMapper::person);
    }

    /** The person with this user name ({@code uid}); empty when there is none. */
    public Optional<Person> findPersonByUsername(String username) {
        return first(and(equal(OBJECT_CLASS, PERSON_CLASS), equal(UID, username)), EntryMapper::person);
    }

    public Optional<Organisation> findOrganisation(String key) {
        return first(and(equal(OBJECT_CLASS, ORGANISATION_CLASS), equal(ORGANISATION_KEY, key)),
                EntryMapper::organisation);
    }

    /** The organisations with these keys that exist, in one search. */
    public List<Organisation> organisations(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return search(and(equal(OBJECT_CLASS, ORGANISATION_CLASS), anyOf(ORGANISATION_KEY, keys)),
                EntryMapper::organisation);
    }

    /** Every organisation in the directory. */
    public List<Organisation> allOrganisations() {
        return search(equal(OBJECT_CLASS, ORGANISATION_CLASS), EntryMapper::organisation);
    }

    public Optional<Application> findApplication(String clientId) {
        return first(and(equal(OBJECT_CLASS, APPLICATION_CLASS), equal(CLIENT_ID, clientId)), EntryMapper::application);
    }

    /** Every application in the directory. */
    public List<Application> allApplications() {
        return search(equal(OBJECT_CLASS, APPLICATION_CLASS), EntryMapper::application);
    }

    /** The rights the application defines. */
    public List<Right> rights(String clientId) {
        return search(and(equal(OBJECT_CLASS, RIGHT_CLASS), equal(CLIENT_ID, clientId)), EntryMapper::right);
    }

    /** Every grant of the person, whatever its status or validity. */
    public List<Grant> grantsOf(String personId) {
        return search(and(equal(OBJECT_CLASS, GRANT_CLASS), equal(PERSON_ID, personId)), EntryMapper::grant);
    }

    /** Every work relation of the person, whatever its validity. */
    public List<WorkRelation> workRelationsOf(String personId) {
        return search(and(equal(OBJECT_CLASS, WORK_RELATION_CLASS), equal(PERSON_ID, personId)),
                EntryMapper::workRelation);
    }

    /** The person's delegations, whatever their validity. */
    public List<Delegation> delegationsOf(String personId) {
        return search(and(equal(OBJECT_CLASS, DELEGATION_CLASS), equal(PERSON_ID, personId)), EntryMapper::delegation);
    }

    /**
     * The person's grants for one application that count at {@code now} ({@link ActiveGrants}),
     * in at most one LDAP search: it fetches the candidate grants, the work relations and the
     * person entry (for legal representation) together; the rule then decides. With a live
     * {@link RightsCache} what a search found is kept until the directory reports a change of the
     * person, so a token usually costs no search at all; the rule still runs at {@code now}.
     *
     * <p>This search runs for tokens, so it is shaped for the server: the person id comes first in
     * an AND, so a directory walks that one index once and tests each of the person's few entries
     * against the three kinds (an OR of three ANDs made ApacheDS walk it three times); and it asks
     * for the attributes the rule reads, not every attribute. A search whose findings will be kept
     * leaves validity to the rule, so that they stay right as time passes.
     */
    public List<Grant> activeGrants(String personId, String clientId, Instant now) {
        return rights(personId, clientId, now).grants();
    }

    /**
     * Whether the person is active (found in the directory and not deactivated, {@code toegangActive}
     * not FALSE) and their grants for one application that count at {@code now}; a person who is
     * not active holds none. Costs what {@link #activeGrants} costs: the person entry is part of the
     * one search, and the rights cache drops what it keeps when the directory reports a change of
     * it, so a deactivation shows at the next token.
     *
     * @throws DirectoryUnavailableException when the directory cannot answer
     */
    public PersonRights rights(String personId, String clientId, Instant now) {
        return currentEntries(personId, clientId, now).rightsAt(now);
    }

    /**
     * What {@link #activeGrants} returns, with the person's work relations valid at {@code now}
     * that the same search (or the kept findings) read: for the capacity step, which needs both
     * (the primary organisation of a capacity per target group), without a further search.
     */
    public ActiveRights activeRights(String personId, String clientId, Instant now) {
        RightsEntries entries = currentEntries(personId, clientId, now);
        return new ActiveRights(entries.activeAt(now), entries.workRelations().stream()
                .filter(relation -> relation.validity().contains(now)).toList());
    }

    /**
     * The grants that count and the work relations valid at one moment.
     *
     * @param grants        as {@link #activeGrants}; unmodifiable, never null
     * @param workRelations the person's work relations valid then; unmodifiable, never null
     */
    public record ActiveRights(List<Grant> grants, List<WorkRelation> workRelations) {
        public ActiveRights {
            grants = List.copyOf(grants);
            workRelations = List.copyOf(workRelations);
        }
    }

    private RightsEntries currentEntries(String personId, String clientId, Instant now) {
        OptionalLong ticket = cache.ticket();
        if (ticket.isEmpty()) {
            return rightsEntries(personId, clientId);
        }
        Optional<RightsEntries> kept = cache.get(personId, clientId);
        if (kept.isPresent()) {
            return kept.get();
        }
        RightsEntries found = rightsEntries(personId, clientId);
        cache.put(ticket.getAsLong(), personId, clientId, found);
        return found;
    }

    /**
     * The person's entry, work relations and active grants at the application, whatever their
     * validity: {@link ActiveGrants} decides what counts when. Validity stays out of the filter on
     * purpose: an open range such as {@code toegangValidFrom<=now} makes OpenLDAP walk the
     * attribute's whole index (0.5 s at 71,000 entries, growing with the directory), while the
     * person's few entries are found through the person id alone.
     */
    private RightsEntries rightsEntries(String personId, String clientId) {
        Filter grant = and(equal(OBJECT_CLASS, GRANT_CLASS), equal(CLIENT_ID, clientId), equal(GRANT_STATUS, "active"));
        Filter ofPerson = and(equal(PERSON_ID, personId), Filter.createORFilter(grant,
                equal(OBJECT_CLASS, WORK_RELATION_CLASS), equal(OBJECT_CLASS, PERSON_CLASS)));

        List<Grant> candidates = new ArrayList<>();
        List<WorkRelation> relations = new ArrayList<>();
        Set<String> represents = Set.of();
        Set<String> entryUuids = new HashSet<>();
        boolean identified = true;
        // deny by default: no person entry (deleted, or outside the base) means no grant counts
        boolean personActive = false;
        for (SearchResultEntry entry : entries(ofPerson, ACTIVE_GRANTS_ATTRIBUTES)) {
            String entryUuid = entry.getAttributeValue(ENTRY_UUID);
            if (entryUuid == null) {
                identified = false;
            } else {
                entryUuids.add(entryUuid.toLowerCase(Locale.ROOT));
            }
            if (entry.hasObjectClass(GRANT_CLASS)) {
                candidates.add(EntryMapper.grant(entry));
            } else if (entry.hasObjectClass(WORK_RELATION_CLASS)) {
                relations.add(EntryMapper.workRelation(entry));
            } else {
                represents = EntryMapper.legalRepresentativeOf(entry);
                personActive = EntryMapper.active(entry);
            }
        }
        return new RightsEntries(candidates, relations, represents, entryUuids, identified, personActive);
    }

    private <T> Optional<T> first(Filter filter, Function<SearchResultEntry, T> mapper) {
        return search(filter, mapper).stream().findFirst();
    }

    private <T> List<T> search(Filter filter, Function<SearchResultEntry, T> mapper) {
        return entries(filter).stream().map(mapper).toList();
    }

    private List<SearchResultEntry> entries(Filter filter) {
        return entries(filter, "*");
    }

    private List<SearchResultEntry> entries(Filter filter, String... attributes) {
        try {
            return directory.pool().search(new SearchRequest(baseDn, SearchScope.SUB, filter, attributes))
                    .getSearchEntries();
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }

    private static Filter and(Filter... filters) {
        return Filter.createANDFilter(filters);
    }

    private static Filter equal(String attribute, String value) {
        return Filter.createEqualityFilter(attribute, value);
    }

    private static Filter anyOf(String attribute, Collection<String> values) {
        return Filter.createORFilter(values.stream().map(value -> equal(attribute, value)).toList());
    }
}
