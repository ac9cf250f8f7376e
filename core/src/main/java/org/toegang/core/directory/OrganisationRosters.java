package org.toegang.core.directory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.toegang.core.model.Person;
import org.toegang.core.model.WorkRelation;

/**
 * Keeps each organisation's roster between listings while the directory's change feed
 * ({@link DirectoryChanges}) is live: who its people are (a work relation there, or its legal
 * representative) with what a listing sorts by and their work relations there, so that paging
 * through 10,000 people does not read 10,000 people again for every page, and the organisation's
 * report needs only its grants ({@link DirectoryReports}). A page's people are still read whole
 * at every listing.
 *
 * <p>A reported change of a work relation or a person (or of an entry deleted, which may have been
 * one) drops every roster it may touch: the organisations the entry names now, those whose roster
 * holds one of the entry's people, and, by its entryUUID, those the entry belonged to before (a
 * work relation ended or deleted, a person renamed or deleted). A change whose entry the server did
 * not identify drops everything; changes of other entries (grants, sign-in counts) drop nothing.
 * While the feed is not live, or its last proof of life is older than
 * {@link RightsCache#SILENCE_BOUND} ({@link FeedProof}), nothing is kept or served; beyond
 * {@code maxPeople} people in all the least recently listed organisation goes first. Thread-safe.
 */
public final class OrganisationRosters implements DirectoryChanges.Listener {
    private final int maxPeople;
    private final FeedProof feed;
    /** Per organisation key; in access order, for dropping the least recently listed. Guarded by this. */
    private final LinkedHashMap<String, Roster> byOrganisation = new LinkedHashMap<>(16, 0.75f, true);
    /** The organisations whose roster holds each person id or entryUUID. Guarded by this. */
    private final Map<String, Set<String>> organisationsOf = new HashMap<>();
    private int keptPeople;
    /** Changes with every report, so a walk that overlapped one does not keep what it found. */
    private long generation;

    /**
     * An organisation's people with their sort attributes, their work relations with it, and the
     * entries they were read from.
     *
     * @param people     each person once, with at least id, username, names and the organisations they represent
     * @param relations  by person id, every work relation with the organisation, current or not
     * @param entryUuids the entryUUIDs of the work relations and person entries read, lower case
     */
    public record Roster(List<Person> people, Map<String, List<WorkRelation>> relations, Set<String> entryUuids) {
        public Roster {
            people = List.copyOf(people);
            relations = relations.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
            entryUuids = Set.copyOf(entryUuids);
        }

        /** The person's work relations with the organisation; empty for a legal representative without one. */
        public List<WorkRelation> relationsOf(String personId) {
            return relations.getOrDefault(personId, List.of());
        }
    }

    /** @param maxPeople the most people kept in all rosters together; 0 keeps nothing */
    public OrganisationRosters(int maxPeople) {
        this(maxPeople, System::nanoTime);
    }

    OrganisationRosters(int maxPeople, LongSupplier nanoTime) {
        if (maxPeople < 0) {
            throw new IllegalArgumentException("maxPeople must not be negative");
        }
        this.maxPeople = maxPeople;
        this.feed = new FeedProof(nanoTime);
    }

    /** Rosters that keep nothing, for a directory whose changes are not followed. */
    public static OrganisationRosters none() {
        return new OrganisationRosters(0);
    }

    private boolean serving() {
        return maxPeople > 0 && feed.holds();
    }

    /** To take before reading a roster that may be kept ({@link #put}); empty while nothing is kept. */
    synchronized OptionalLong ticket() {
        return serving() ? OptionalLong.of(generation) : OptionalLong.empty();
    }

    synchronized Optional<Roster> get(String organisationKey) {
        return serving() ? Optional.ofNullable(byOrganisation.get(key(organisationKey))) : Optional.empty();
    }

    /** Keeps a roster read since {@code ticket}, unless a change was reported (or the feed stopped) meanwhile. */
    synchronized void put(long ticket, String organisationKey, Roster roster) {
        if (!serving() || ticket != generation || roster.people().size() > maxPeople) {
            return;
        }
        String organisation = key(organisationKey);
        drop(organisation);
        byOrganisation.put(organisation, roster);
        keptPeople += roster.people().size();
        roster.people().forEach(person -> organisationsOf.computeIfAbsent(key(person.id()), id -> new HashSet<>())
                .add(organisation));
        roster.entryUuids().forEach(uuid -> organisationsOf.computeIfAbsent(key(uuid), id -> new HashSet<>())
                .add(organisation));
        while (keptPeople > maxPeople) {
            drop(byOrganisation.keySet().iterator().next());
        }
    }

    @Override
    public synchronized void live() {
        clear();
        feed.live();
    }

    @Override
    public synchronized void alive() {
        feed.proved();
    }

    @Override
    public synchronized void interrupted() {
        clear();
        feed.interrupted();
    }

    @Override
    public synchronized void changed(DirectoryChanges.Change change) {
        feed.proved();
        if (!change.mayBe(Attributes.WORK_RELATION_CLASS, Attributes.PERSON_CLASS)) {
            return; // a grant, a sign-in count, an audit entry: no roster holds it, none is made of it
        }
        generation++;
        if (change.entryUuid().isEmpty()) {
            clear();
            return;
        }
        Set<String> touched = new HashSet<>();
        change.organisationKeys().forEach(organisation -> touched.add(key(organisation)));
        touched.addAll(organisationsOf.getOrDefault(key(change.entryUuid().get()), Set.of()));
        change.personIds().forEach(personId -> touched.addAll(organisationsOf.getOrDefault(key(personId), Set.of())));
        touched.forEach(this::drop);
    }

    /** Organisation keys, person ids and entryUUIDs match as the directory matches them (caseIgnoreMatch). */
    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private void clear() {
        generation++;
        byOrganisation.clear();
        organisationsOf.clear();
        keptPeople = 0;
    }

    private void drop(String organisation) {
        Roster dropped = byOrganisation.remove(organisation);
        if (dropped == null) {
            return;
        }
        keptPeople -= dropped.people().size();
        dropped.people().forEach(person -> forget(key(person.id()), organisation));
        dropped.entryUuids().forEach(uuid -> forget(key(uuid), organisation));
    }

    private void forget(String personOrEntry, String organisation) {
        Set<String> organisations = organisationsOf.get(personOrEntry);
        if (organisations != null && organisations.remove(organisation) && organisations.isEmpty()) {
            organisationsOf.remove(personOrEntry);
        }
    }
}
