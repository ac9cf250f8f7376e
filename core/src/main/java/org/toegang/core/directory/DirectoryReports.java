package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Person;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.report.ReportRow;
import org.toegang.core.rights.ActiveGrants;

/**
 * People × rights reports, streamed: grants are read a page at a time (RFC 2696), each page is
 * completed with its people and their work relations (searched by their ids), handed to the consumer
 * row by row and dropped. Memory stays bounded by the page size whatever the organisation's size.
 * Who may ask for which report is the administration policy's decision, taken before. Thread-safe.
 */
public final class DirectoryReports {
    private static final String[] GRANT_ATTRIBUTES = {ID, PERSON_ID, CLIENT_ID, RIGHT_NAME, ORGANISATION_KEY,
            CONTEXT_VALUE, VALID_FROM, VALID_TO, GRANT_STATUS, REASON, GRANTED_BY, DECIDED_BY};
    private static final String[] PEOPLE_ATTRIBUTES = {OBJECT_CLASS, ID, PERSON_ID, UID, GIVEN_NAME, SURNAME, MAIL,
            LEGAL_REPRESENTATIVE_OF, ORGANISATION_KEY, WORK_RELATION_TYPE, VALID_FROM, VALID_TO};

    private final Directory directory;

    public DirectoryReports(Directory directory) {
        this.directory = directory;
    }

    /** Every grant made on behalf of the organisation, whatever its status, with the person it is for. */
    public void organisation(String organisationKey, Instant now, Consumer<ReportRow> consumer) {
        stream(Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey), grant -> true, now, consumer);
    }

    /** Every grant of the application's rights, in every organisation: its owner's report of holders. */
    public void application(String clientId, Instant now, Consumer<ReportRow> consumer) {
        stream(Filter.createEqualityFilter(CLIENT_ID, clientId), grant -> true, now, consumer);
    }

    /**
     * The active grants of the organisation (or, with {@code byApplication}, of the application)
     * whose validity ends after {@code now} and within {@code within}.
     */
    public void endingWithin(Optional<String> organisationKey, Optional<String> clientId, Duration within,
                             Instant now, Consumer<ReportRow> consumer) {
        List<Filter> filters = new ArrayList<>();
        organisationKey.ifPresent(key -> filters.add(Filter.createEqualityFilter(ORGANISATION_KEY, key)));
        clientId.ifPresent(id -> filters.add(Filter.createEqualityFilter(CLIENT_ID, id)));
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("an ending-rights report needs an organisation or an application");
        }
        filters.add(Filter.createEqualityFilter(GRANT_STATUS, "active"));
        filters.add(Filter.createPresenceFilter(VALID_TO));
        // the window is checked here, not in the filter: a time range there makes OpenLDAP walk the
        // validity index from one end (see DirectoryRepository#rightsEntries)
        Instant until = now.plus(within);
        stream(Filter.createANDFilter(filters), grant -> grant.validity().to()
                .filter(end -> !end.isBefore(now) && !end.isAfter(until)).isPresent(), now, consumer);
    }

    private void stream(Filter scope, Predicate<Grant> keep, Instant now, Consumer<ReportRow> consumer) {
        Filter grants = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, GRANT_CLASS), scope);
        PagedSearch.forEachPage(directory, directory.config().baseDn(), grants, page -> {
            List<Grant> onPage = page.stream().map(EntryMapper::grant).filter(keep).toList();
            People people = people(onPage);
            for (Grant grant : onPage) {
                consumer.accept(row(grant, people, now));
            }
        }, GRANT_ATTRIBUTES);
    }

    static ReportRow row(Grant grant, People people, Instant now) {
        Person person = people.persons.get(grant.personId());
        boolean counts = !ActiveGrants.select(List.of(grant), people.relations.getOrDefault(grant.personId(), List.of()),
                person == null ? Set.of() : person.legalRepresentativeOf(), now).isEmpty();
        return new ReportRow(Optional.of(grant.id()), grant.personId(), person == null ? "" : person.username(),
                person == null ? "" : person.givenName(), person == null ? "" : person.familyName(),
                grant.organisationKey(), grant.clientId(), grant.right(), grant.context(), grant.validity().from(),
                grant.validity().to(), grant.status().code(), counts, grant.reason());
    }

    /** The people of a page's grants and their work relations, searched by their ids. */
    private People people(List<Grant> grants) {
        Set<String> ids = new LinkedHashSet<>();
        grants.forEach(grant -> ids.add(grant.personId()));
        People people = new People(new HashMap<>(), new HashMap<>());
        if (ids.isEmpty()) {
            return people;
        }
        Filter kinds = Filter.createORFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS),
                Filter.createEqualityFilter(OBJECT_CLASS, WORK_RELATION_CLASS));
        for (Filter anyPerson : AnyOf.batches(PERSON_ID, ids)) {
            PagedSearch.forEach(directory, directory.config().baseDn(), Filter.createANDFilter(kinds, anyPerson),
                    entry -> add(people, entry), PEOPLE_ATTRIBUTES);
        }
        return people;
    }

    private static void add(People people, SearchResultEntry entry) {
        if (entry.hasObjectClass(WORK_RELATION_CLASS)) {
            WorkRelation relation = EntryMapper.workRelation(entry);
            people.relations.computeIfAbsent(relation.personId(), id -> new ArrayList<>()).add(relation);
        } else {
            Person person = EntryMapper.person(entry);
            people.persons.put(person.id(), person);
        }
    }

    record People(Map<String, Person> persons, Map<String, List<WorkRelation>> relations) {
    }
}
