package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.ENTRY_UUID;
import static org.toegang.core.directory.Attributes.GIVEN_NAME;
import static org.toegang.core.directory.Attributes.ID;
import static org.toegang.core.directory.Attributes.INTERNATIONAL_MAIL;
import static org.toegang.core.directory.Attributes.LEGAL_REPRESENTATIVE_OF;
import static org.toegang.core.directory.Attributes.MAIL;
import static org.toegang.core.directory.Attributes.NATIONAL_REGISTER_NUMBER;
import static org.toegang.core.directory.Attributes.OBJECT_CLASS;
import static org.toegang.core.directory.Attributes.ORGANISATION_KEY;
import static org.toegang.core.directory.Attributes.PERSON_CLASS;
import static org.toegang.core.directory.Attributes.PERSON_ID;
import static org.toegang.core.directory.Attributes.PRIMARY;
import static org.toegang.core.directory.Attributes.SURNAME;
import static org.toegang.core.directory.Attributes.UID;
import static org.toegang.core.directory.Attributes.ACTIVE;
import static org.toegang.core.directory.Attributes.VALID_FROM;
import static org.toegang.core.directory.Attributes.VALID_TO;
import static org.toegang.core.directory.Attributes.WORK_RELATION_CLASS;
import static org.toegang.core.directory.Attributes.WORK_RELATION_TYPE;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.toegang.core.directory.OrganisationRosters.Kept;
import org.toegang.core.directory.OrganisationRosters.Roster;
import org.toegang.core.model.Person;
import org.toegang.core.model.WorkRelation;

/**
 * Searches an organisation's people (a work relation with it, current or not, or its legal
 * representation) in the directory, page by page: only the first {@code limit + 1} people after
 * the cursor's sort key are kept. With a national register number or a mail address (indexed
 * equalities, in a filter made only by the SDK's factories: RFC 4515 escaping, so {@code *},
 * {@code )(} or {@code \} are matched as text) the search runs over the matching people, read a
 * directory page at a time (RFC 2696), and asks which of them belong to the organisation. By name,
 * or without a criterion, it runs over the organisation's roster: its people with what the sort
 * and the name need, read by walking its work relations (an equality index) and reading their
 * people in batches, so its cost follows the organisation, never the directory; the name is
 * matched here ({@link #named}). {@link OrganisationRosters} keeps the roster while the
 * directory's change feed is live, so the next pages, the next listings and searches read only
 * their own 50 people. Memory is bounded by the organisation's roster and the page sizes. Thread-safe.
 */
public final class OrganisationPeople {
    /** Batches of people read ahead ({@link ReadAhead}) of the one being sorted in: the memory held stays a few batches. */
    private static final int READ_AHEAD = 4;

    private static final String[] PERSON_ATTRIBUTES = {PERSON_ID, UID, GIVEN_NAME, SURNAME, MAIL, INTERNATIONAL_MAIL,
            NATIONAL_REGISTER_NUMBER, LEGAL_REPRESENTATIVE_OF, ACTIVE};
    /**
     * What the walk over an organisation's work relations reads of each person: what a sort key
     * may use, the representations a report counts grants by, and the entryUUID a roster is
     * dropped by. Every entry returned costs the directory and the client in proportion to what it
     * carries, and the walk returns the whole organisation to keep one page of it.
     */
    private static final String[] WALK_ATTRIBUTES = {PERSON_ID, UID, GIVEN_NAME, SURNAME, LEGAL_REPRESENTATIVE_OF,
            ENTRY_UUID};
    /** What the walk reads of each work relation: the relation itself, for a roster, and its entryUUID. */
    private static final String[] RELATION_ATTRIBUTES = {ID, PERSON_ID, ORGANISATION_KEY, WORK_RELATION_TYPE,
            VALID_FROM, VALID_TO, PRIMARY, ENTRY_UUID};
    private final Directory directory;
    private final Entries entries;
    private final OrganisationRosters rosters;

    public OrganisationPeople(Directory directory) {
        this(directory, OrganisationRosters.none());
    }

    /** @param rosters where an organisation's roster is kept between listings without a criterion */
    public OrganisationPeople(Directory directory, OrganisationRosters rosters) {
        this.directory = directory;
        this.entries = new Entries(directory);
        this.rosters = rosters;
    }

    /**
     * What to search: each criterion optional. Every word of {@code name} must occur in the given or
     * family name (ignoring case, {@link #named}); the national register number and the mail address
     * must be equal.
     */
    public record Criteria(Optional<String> name, Optional<String> nationalRegisterNumber, Optional<String> email) {
    }

    /**
     * The first {@code count} people of the organisation matching {@code criteria} whose
     * {@code sortKey} sorts after {@code after}, in that order. The sort key may use a person's id,
     * username and names only ({@link #WALK_ATTRIBUTES}).
     */
    public List<Person> first(String organisationKey, Criteria criteria, Optional<String> after, int count,
                              Function<Person, String> sortKey) {
        Bounded kept = new Bounded(after, count, sortKey);
        Predicate<Person> named = criteria.name().map(OrganisationPeople::named).orElse(person -> true);
        boolean byIdentifier = criteria.nationalRegisterNumber().isPresent() || criteria.email().isPresent();
        if (byIdentifier) {
            // an equality on an indexed identifier: the directory finds the few people at once
            PagedSearch.forEachPage(directory, directory.config().baseDn(), identifierFilter(criteria), page -> {
                List<Person> people = page.stream().map(EntryMapper::person).filter(named).toList();
                Set<String> members = members(organisationKey, people);
                people.stream().filter(person -> members.contains(person.id())).forEach(kept::offer);
            }, PERSON_ATTRIBUTES);
        } else {
            // A directory-wide substring search by name would read every person: ApacheDS estimates
            // a substring by its whole index, so it never starts from one. The roster is the
            // organisation's own people, and kept between searches.
            roster(organisationKey).people().stream().filter(named).forEach(kept::offer);
            kept.complete(this::whole);
        }
        return kept.sorted();
    }

    /**
     * Whether every word of {@code name} occurs in a person's given or family name, ignoring case:
     * both compatibility-normalised (NFKC) and lower-cased, as the directory's substring matching
     * of names prepares them (caseIgnoreSubstringsMatch, RFC 4518), with every character of a word
     * matched as itself. A name without a word matches everyone.
     */
    static Predicate<Person> named(String name) {
        List<String> words = Arrays.stream(name.strip().split("\\s+")).filter(word -> !word.isEmpty())
                .map(OrganisationPeople::folded).toList();
        return person -> {
            String given = folded(person.givenName());
            String family = folded(person.familyName());
            return words.stream().allMatch(word -> given.contains(word) || family.contains(word));
        };
    }

    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The organisation's roster: kept since an earlier listing, or read now (and kept, when the change feed allows). */
    private Roster roster(String organisationKey) {
        Optional<Kept> kept = rosters.get(organisationKey);
        if (kept.isPresent()) {
            return current(organisationKey, kept.get());
        }
        OptionalLong ticket = rosters.ticket();
        Roster roster = read(organisationKey);
        ticket.ifPresent(current -> rosters.put(current, organisationKey, roster));
        return roster;
    }

    /** Reads the organisation's roster as its listing would, and keeps it; nothing when one is kept already. */
    void prepare(String organisationKey) {
        if (rosters.ticket().isPresent()) {
            roster(organisationKey);
        }
    }

    /**
     * As {@link #prepare}, but keeps it only in the room left beside the rosters kept
     * ({@link OrganisationRosters#putIntoRoom}).
     *
     * @return false when it did not fit in the room left, or nothing is kept (the change feed is
     *         not live); true when it is kept, or was read while one of the organisation's people
     *         changed (then its listing reads it)
     */
    boolean prepareIntoRoom(String organisationKey) {
        if (rosters.get(organisationKey).isPresent()) {
            return true;
        }
        OptionalLong ticket = rosters.ticket();
        return ticket.isPresent() && rosters.putIntoRoom(ticket.getAsLong(), organisationKey, read(organisationKey));
    }

    /** The organisation's roster read whole from the directory: its work relations walked, their people read. */
    private Roster read(String organisationKey) {
        Map<String, Person> people = new LinkedHashMap<>();
        Map<String, List<WorkRelation>> relations = new HashMap<>();
        Map<String, String> entries = new HashMap<>();
        walk(organisationKey, found -> {
            people.putIfAbsent(found.person().id(), found.person());
            found.entryUuid().ifPresent(uuid -> entries.put(uuid, found.person().id()));
        }, entry -> {
            WorkRelation relation = EntryMapper.workRelation(entry);
            relations.computeIfAbsent(relation.personId(), id -> new ArrayList<>()).add(relation);
            uuidOf(entry).ifPresent(uuid -> entries.put(uuid, relation.personId()));
        });
        return new Roster(List.copyOf(people.values()), relations, entries);
    }

    /**
     * The organisation's roster if one is kept, its stale people read again first: what a report
     * takes its people from ({@link DirectoryReports}).
     */
    Optional<Roster> kept(String organisationKey) {
        return rosters.get(organisationKey).map(kept -> current(organisationKey, kept));
    }

    /** The kept roster with its stale people read again, and kept so. */
    private Roster current(String organisationKey, Kept kept) {
        if (kept.stale().isEmpty()) {
            return kept.roster();
        }
        Roster roster = kept.roster().with(kept.stale(), rosterOf(organisationKey, kept.stale()));
        rosters.repaired(organisationKey, kept, roster);
        return roster;
    }

    /**
     * Which of these people belong to the organisation now (a work relation with it, current or
     * not, or its representation), read as the walk reads them: a roster of them alone.
     */
    private Roster rosterOf(String organisationKey, Set<String> personIds) {
        Map<String, Person> people = new HashMap<>();
        Map<String, List<WorkRelation>> relations = new HashMap<>();
        Map<String, String> read = new HashMap<>();
        Filter relationsHere = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, WORK_RELATION_CLASS),
                Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey));
        for (Filter anyPerson : AnyOf.batches(PERSON_ID, personIds)) {
            for (SearchResultEntry entry : entries.search(Filter.createANDFilter(
                    Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS), anyPerson), WALK_ATTRIBUTES)) {
                Found found = Found.of(entry);
                people.put(found.person().id(), found.person());
                found.entryUuid().ifPresent(uuid -> read.put(uuid, found.person().id()));
            }
            for (SearchResultEntry entry : entries.search(Filter.createANDFilter(relationsHere, anyPerson),
                    RELATION_ATTRIBUTES)) {
                WorkRelation relation = EntryMapper.workRelation(entry);
                relations.computeIfAbsent(relation.personId(), id -> new ArrayList<>()).add(relation);
                uuidOf(entry).ifPresent(uuid -> read.put(uuid, relation.personId()));
            }
        }
        people.values().removeIf(person -> !relations.containsKey(person.id()) && person.legalRepresentativeOf()
                .stream().noneMatch(represented -> represented.equalsIgnoreCase(organisationKey)));
        relations.keySet().retainAll(people.keySet());
        read.values().retainAll(people.keySet());
        return new Roster(List.copyOf(people.values()), relations, read);
    }

    /** A person the walk found, read with {@link #WALK_ATTRIBUTES}. */
    private record Found(Person person, Optional<String> entryUuid) {
        static Found of(SearchResultEntry entry) {
            return new Found(EntryMapper.person(entry), uuidOf(entry));
        }
    }

    private static Optional<String> uuidOf(SearchResultEntry entry) {
        return Optional.ofNullable(entry.getAttributeValue(ENTRY_UUID)).map(uuid -> uuid.toLowerCase(Locale.ROOT));
    }

    /**
     * Tells {@code found} each person of the organisation (work relations walked page by page,
     * their people read and mapped in batches ahead; then its legal representatives), and
     * {@code relationSeen} each work relation; a person with several work relations, more than once.
     */
    private void walk(String organisationKey, Consumer<Found> found, Consumer<SearchResultEntry> relationSeen) {
        String base = directory.config().baseDn();
        Filter people = Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS);
        Filter relations = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, WORK_RELATION_CLASS),
                Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey));
        ArrayDeque<Future<List<Found>>> reading = new ArrayDeque<>();
        PagedSearch.forEachPage(directory, base, relations, page -> {
            page.forEach(relationSeen);
            List<String> ids = page.stream().map(entry -> entry.getAttributeValue(PERSON_ID)).toList();
            for (Filter anyPerson : AnyOf.batches(PERSON_ID, ids)) {
                if (reading.size() == READ_AHEAD) {
                    ReadAhead.take(reading.poll()).forEach(found);
                }
                reading.add(ReadAhead.submit(() -> entries.search(Filter.createANDFilter(people, anyPerson), WALK_ATTRIBUTES)
                        .stream().map(Found::of).toList()));
            }
        }, RELATION_ATTRIBUTES);
        while (!reading.isEmpty()) {
            ReadAhead.take(reading.poll()).forEach(found);
        }
        PagedSearch.forEach(directory, base, Filter.createANDFilter(people,
                Filter.createEqualityFilter(LEGAL_REPRESENTATIVE_OF, organisationKey)),
                entry -> found.accept(Found.of(entry)), WALK_ATTRIBUTES);
    }

    /** People with the criteria's national register number and mail address, when given. */
    private static Filter identifierFilter(Criteria criteria) {
        List<Filter> all = new ArrayList<>();
        all.add(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS));
        criteria.nationalRegisterNumber().ifPresent(number ->
                all.add(Filter.createEqualityFilter(NATIONAL_REGISTER_NUMBER, number)));
        // mail is an IA5 string: a non-ASCII address can only be in toegangInternationalMail
        criteria.email().ifPresent(mail -> all.add(mail.chars().allMatch(c -> c < 128)
                ? Filter.createORFilter(Filter.createEqualityFilter(MAIL, mail), Filter.createEqualityFilter(INTERNATIONAL_MAIL, mail))
                : Filter.createEqualityFilter(INTERNATIONAL_MAIL, mail)));
        return Filter.createANDFilter(all);
    }

    /** Which of these people belong to the organisation: legal representatives, and those with a work relation. */
    private Set<String> members(String organisationKey, List<Person> people) {
        Set<String> members = new HashSet<>();
        List<String> others = new ArrayList<>();
        for (Person person : people) {
            if (person.legalRepresentativeOf().contains(organisationKey)) {
                members.add(person.id());
            } else {
                others.add(person.id());
            }
        }
        for (Filter anyPerson : AnyOf.batches(PERSON_ID, others)) {
            Filter filter = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, WORK_RELATION_CLASS),
                    Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey), anyPerson);
            entries.search(filter).forEach(entry -> members.add(entry.getAttributeValue(PERSON_ID)));
        }
        return members;
    }

    /** The people {@code filter} finds, with these attributes. */
    private List<Person> people(Filter filter, String... attributes) {
        List<Person> found = new ArrayList<>();
        for (SearchResultEntry entry : entries.search(filter, attributes)) {
            found.add(EntryMapper.person(entry));
        }
        return found;
    }

    /** These people read again with every attribute a listing shows; who is gone since is left out. */
    private List<Person> whole(Collection<String> ids) {
        List<Person> found = new ArrayList<>();
        for (Filter anyPerson : AnyOf.batches(PERSON_ID, ids)) {
            found.addAll(people(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS), anyPerson),
                    PERSON_ATTRIBUTES));
        }
        return found;
    }

    /** The first {@code count} items after a key, by key; the rest dropped as they come. */
    private static final class Bounded {
        private final Optional<String> after;
        private final int count;
        private final Function<Person, String> sortKey;
        private final TreeMap<String, Person> kept = new TreeMap<>();

        Bounded(Optional<String> after, int count, Function<Person, String> sortKey) {
            this.after = after;
            this.count = count;
            this.sortKey = sortKey;
        }

        void offer(Person person) {
            String key = sortKey.apply(person);
            if (after.map(a -> key.compareTo(a) <= 0).orElse(false)) {
                return;
            }
            kept.put(key, person);
            if (kept.size() > count) {
                kept.pollLastEntry();
            }
        }

        /** Replaces the people kept by what {@code whole} reads of them, keeping their order. */
        void complete(Function<Collection<String>, List<Person>> whole) {
            Map<String, Person> read = new HashMap<>();
            whole.apply(kept.values().stream().map(Person::id).toList()).forEach(person -> read.put(person.id(), person));
            kept.entrySet().removeIf(entry -> !read.containsKey(entry.getValue().id()));
            kept.replaceAll((key, person) -> read.get(person.id()));
        }

        List<Person> sorted() {
            return List.copyOf(kept.values());
        }
    }
}
