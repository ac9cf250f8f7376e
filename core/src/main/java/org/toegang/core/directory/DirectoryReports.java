package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Person;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.report.ReportRow;
import org.toegang.core.rights.ActiveGrants;

/**
 * People × rights reports, streamed: grants are read a page at a time (RFC 2696), each page is
 * completed with its people and their work relations, handed to the consumer row by row, in the
 * directory's order, and dropped. When the organisation's roster is kept ({@link OrganisationRosters},
 * by its people listings while the change feed is live), a report of the organisation's grants
 * takes its people from it: for grants made on behalf of one organisation, their work relations
 * with it and its representation are all that count ({@link ActiveGrants}), and no person is
 * searched. Whoever no kept roster holds (no roster kept, a grant outliving its work relation or its
 * person, an application's report across organisations) is searched by id, ahead of their use
 * while the page before is completed. A person's grants are spread over the pages, so the people
 * read last are kept, at most {@value #PEOPLE_KEPT}: memory stays bounded by the page size and
 * that number whatever the organisation's size. Who may ask for which report is the
 * administration policy's decision, taken before. Thread-safe.
 */
public final class DirectoryReports {
    private static final String[] GRANT_ATTRIBUTES = {ID, PERSON_ID, CLIENT_ID, RIGHT_NAME, ORGANISATION_KEY,
            CONTEXT_VALUE, VALID_FROM, VALID_TO, GRANT_STATUS, REASON, GRANTED_BY, DECIDED_BY};
    private static final String[] PEOPLE_ATTRIBUTES = {OBJECT_CLASS, ID, PERSON_ID, UID, GIVEN_NAME, SURNAME, MAIL,
            LEGAL_REPRESENTATIVE_OF, ORGANISATION_KEY, WORK_RELATION_TYPE, VALID_FROM, VALID_TO};

    /**
     * Far more than the people of the pages being read at once (10,000), so that reading a page never
     * drops people a page still to be completed counts on.
     */
    static final int PEOPLE_KEPT = 20 * PagedSearch.PAGE_SIZE;
    /** Pages whose people are read ({@link ReadAhead}) while an earlier page is completed. */
    private static final int PAGES_AHEAD = 2;
    private final Directory directory;
    private final OrganisationPeople organisations;

    /** Reports that search every person by id. */
    public DirectoryReports(Directory directory) {
        this(directory, OrganisationRosters.none());
    }

    /** @param rosters the organisations' rosters their people listings keep */
    public DirectoryReports(Directory directory, OrganisationRosters rosters) {
        this.directory = directory;
        this.organisations = new OrganisationPeople(directory, rosters);
    }

    /** Every grant made on behalf of the organisation, whatever its status, with the person it is for. */
    public void organisation(String organisationKey, Instant now, Consumer<ReportRow> consumer) {
        stream(Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey), grant -> true, now, consumer,
                members(organisationKey));
    }

    /** Every grant of the application's rights, in every organisation: its owner's report of holders. */
    public void application(String clientId, Instant now, Consumer<ReportRow> consumer) {
        stream(Filter.createEqualityFilter(CLIENT_ID, clientId), grant -> true, now, consumer, Map.of());
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
                .filter(end -> !end.isBefore(now) && !end.isAfter(until)).isPresent(), now, consumer,
                organisationKey.map(this::members).orElse(Map.of()));
    }

    /**
     * The organisation's people as its kept roster holds them (its stale people read again first),
     * by id, each with their work relations with it: for a grant made on behalf of the
     * organisation, all that decides whether it counts. None without a kept roster: reading one
     * first would cost more than the searches by id, which run ahead while the grants stream.
     */
    private Map<String, Known> members(String organisationKey) {
        Optional<OrganisationRosters.Roster> kept = organisations.kept(organisationKey);
        if (kept.isEmpty()) {
            return Map.of();
        }
        OrganisationRosters.Roster roster = kept.get();
        Map<String, Known> members = new HashMap<>();
        roster.people().forEach(person -> members.put(person.id(),
                new Known(Optional.of(person), roster.relationsOf(person.id()))));
        return members;
    }

    /** @param members people known before the first page, whose grants need no search ({@link #members}) */
    private void stream(Filter scope, Predicate<Grant> keep, Instant now, Consumer<ReportRow> consumer,
                        Map<String, Known> members) {
        Filter grants = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, GRANT_CLASS), scope);
        People people = new People(PEOPLE_KEPT);
        Set<String> asked = new HashSet<>();
        ArrayDeque<PageBeingRead> reading = new ArrayDeque<>();
        PagedSearch.forEachPage(directory, directory.config().baseDn(), grants, page -> {
            List<Grant> onPage = page.stream().map(EntryMapper::grant).filter(keep).toList();
            // ask only for who is neither kept nor asked for by an earlier page still being read
            Set<String> unknown = new LinkedHashSet<>();
            onPage.stream().map(Grant::personId)
                    .filter(id -> !members.containsKey(id) && !people.knows(id) && asked.add(id)).forEach(unknown::add);
            reading.add(new PageBeingRead(onPage, ReadAhead.submit(() -> read(unknown))));
            if (reading.size() > PAGES_AHEAD) {
                complete(reading.poll(), members, people, asked, now, consumer);
            }
        }, GRANT_ATTRIBUTES);
        while (!reading.isEmpty()) {
            complete(reading.poll(), members, people, asked, now, consumer);
        }
    }

    /** A page of grants whose unknown people are being read. */
    private record PageBeingRead(List<Grant> grants, Future<Map<String, Known>> people) {
    }

    /** Keeps what was read for the page and hands its rows to the consumer, in the grants' order. */
    private static void complete(PageBeingRead page, Map<String, Known> members, People people, Set<String> asked,
                                 Instant now, Consumer<ReportRow> consumer) {
        ReadAhead.take(page.people()).forEach((id, known) -> {
            people.keep(id, known);
            asked.remove(id);
        });
        for (Grant grant : page.grants()) {
            Known known = members.get(grant.personId());
            consumer.accept(row(grant, known != null ? known : people.known(grant.personId()), now));
        }
    }

    static ReportRow row(Grant grant, Known known, Instant now) {
        Person person = known.person().orElse(null);
        boolean counts = !ActiveGrants.select(List.of(grant), known.relations(),
                person == null ? Set.of() : person.legalRepresentativeOf(), now).isEmpty();
        return new ReportRow(Optional.of(grant.id()), grant.personId(), person == null ? "" : person.username(),
                person == null ? "" : person.givenName(), person == null ? "" : person.familyName(),
                grant.organisationKey(), grant.clientId(), grant.right(), grant.context(), grant.validity().from(),
                grant.validity().to(), grant.status().code(), counts, grant.reason());
    }

    /** Reads these people and their work relations; who is not found is known as absent. */
    private Map<String, Known> read(Set<String> ids) {
        Map<String, Known> read = new HashMap<>();
        if (ids.isEmpty()) {
            return read;
        }
        Map<String, Person> persons = new HashMap<>();
        Map<String, List<WorkRelation>> relations = new HashMap<>();
        Filter kinds = Filter.createORFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS),
                Filter.createEqualityFilter(OBJECT_CLASS, WORK_RELATION_CLASS));
        for (Filter anyPerson : AnyOf.batches(PERSON_ID, ids)) {
            Filter filter = Filter.createANDFilter(kinds, anyPerson);
            PagedSearch.forEach(directory, directory.config().baseDn(), filter, entry -> {
                if (entry.hasObjectClass(WORK_RELATION_CLASS)) {
                    WorkRelation relation = EntryMapper.workRelation(entry);
                    relations.computeIfAbsent(relation.personId(), id -> new ArrayList<>()).add(relation);
                } else {
                    Person person = EntryMapper.person(entry);
                    persons.put(person.id(), person);
                }
            }, PEOPLE_ATTRIBUTES);
        }
        // also who was not found: a grant may outlive its person, and is reported without a name
        ids.forEach(id -> read.put(id, new Known(Optional.ofNullable(persons.get(id)),
                relations.getOrDefault(id, List.of()))));
        return read;
    }

    /** A person as read for a report: absent when the directory has no person with the id. */
    record Known(Optional<Person> person, List<WorkRelation> relations) {
    }

    /** The people a report read last, by id, at most a number of them. */
    static final class People {
        private final Map<String, Known> kept;

        People(int most) {
            this.kept = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                    return size() > most;
                }
            };
        }

        /** Whether the person was read; marks it as used, so that a page's own people are never the ones dropped. */
        boolean knows(String personId) {
            return kept.get(personId) != null;
        }

        void keep(String personId, Known known) {
            kept.put(personId, known);
        }

        /** @throws IllegalStateException when the person was not read or no longer kept */
        Known known(String personId) {
            Known known = kept.get(personId);
            if (known == null) {
                throw new IllegalStateException("person " + personId + " was not read for this page");
            }
            return known;
        }

        int size() {
            return kept.size();
        }
    }
}
