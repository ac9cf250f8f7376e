package org.toegang.core.directory;

import java.util.ArrayList;
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
 * one) marks the people it concerns as stale in every roster it may touch: the organisations the
 * entry names now, those whose roster holds one of the entry's people, and, by its entryUUID, those
 * the entry belonged to before (a work relation ended or deleted, a person renamed or deleted).
 * Whoever reads the roster next reads those people again ({@link #repaired}), instead of the
 * whole organisation. A roster with more stale people than {@link #mostStale} is dropped, as is
 * every roster at a change whose entry the server did not identify or whose people a roster cannot
 * tell; changes of other entries (grants, sign-in counts) touch nothing. While the feed is not
 * live, or its last proof of life is older than {@link RightsCache#SILENCE_BOUND}
 * ({@link FeedProof}), nothing is kept or served; beyond {@code maxPeople} people in all the least
 * recently listed organisation goes first. Thread-safe.
 */
public final class OrganisationRosters implements DirectoryChanges.Listener {
    private final int maxPeople;
    private final FeedProof feed;
    /** Per organisation key; in access order, for dropping the least recently listed. Guarded by this. */
    private final LinkedHashMap<String, Held> byOrganisation = new LinkedHashMap<>(16, 0.75f, true);
    /** The organisations whose roster holds each person id or entryUUID. Guarded by this. */
    private final Map<String, Set<String>> organisationsOf = new HashMap<>();
    private int keptPeople;
    /** Counts the reported changes of people and work relations, so a read that overlapped one does not keep what it found. */
    private long generation;

    /**
     * An organisation's people with their sort attributes, their work relations with it, and the
     * entries they were read from.
     *
     * @param people    each person once, with at least id, username, names and the organisations they represent
     * @param relations by person id, every work relation with the organisation, current or not
     * @param entries   the person id each work relation and person entry read belongs to, by its entryUUID in lower case
     */
    public record Roster(List<Person> people, Map<String, List<WorkRelation>> relations, Map<String, String> entries) {
        public Roster {
            people = List.copyOf(people);
            relations = relations.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
            entries = Map.copyOf(entries);
        }

        /** The person's work relations with the organisation; empty for a legal representative without one. */
        public List<WorkRelation> relationsOf(String personId) {
            return relations.getOrDefault(personId, List.of());
        }

        /**
         * This roster with these people read again: each of {@code stale} is left out, and each of
         * {@code again} (read since, with their work relations with the organisation and the
         * entries read) comes in.
         */
        public Roster with(Set<String> stale, Roster again) {
            List<Person> kept = new ArrayList<>(people.stream().filter(person -> !stale.contains(key(person.id()))).toList());
            kept.addAll(again.people());
            Map<String, List<WorkRelation>> keptRelations = new HashMap<>(relations);
            keptRelations.keySet().removeIf(personId -> stale.contains(key(personId)));
            keptRelations.putAll(again.relations());
            Map<String, String> keptEntries = new HashMap<>(entries);
            keptEntries.values().removeIf(personId -> stale.contains(key(personId)));
            keptEntries.putAll(again.entries());
            return new Roster(kept, keptRelations, keptEntries);
        }
    }

    /**
     * A kept roster as served: the people to read again before using it, by id in lower case, and
     * the change count they were taken at (what {@link #repaired} compares with).
     */
    public record Kept(Roster roster, Set<String> stale, long generation) {
        public Kept {
            stale = Set.copyOf(stale);
        }
    }

    /** A kept roster and its stale people, each with the change count that made them stale. */
    private static final class Held {
        final Roster roster;
        final Map<String, Long> stale = new HashMap<>();

        Held(Roster roster) {
            this.roster = roster;
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

    /**
     * The most stale people a roster keeps before it is dropped: reading them again costs one
     * search each 200 ({@link AnyOf}), reading the whole organisation again about one each 200 of
     * its people and its work relations besides.
     */
    static int mostStale(int people) {
        return Math.max(200, people / 10);
    }

    private boolean serving() {
        return maxPeople > 0 && feed.holds();
    }

    /** To take before reading a roster that may be kept ({@link #put}); empty while nothing is kept. */
    synchronized OptionalLong ticket() {
        return serving() ? OptionalLong.of(generation) : OptionalLong.empty();
    }

    synchronized Optional<Kept> get(String organisationKey) {
        if (!serving()) {
            return Optional.empty();
        }
        Held held = byOrganisation.get(key(organisationKey));
        return held == null ? Optional.empty() : Optional.of(new Kept(held.roster, held.stale.keySet(), generation));
    }

    /** Keeps a roster read since {@code ticket}, unless a change was reported (or the feed stopped) meanwhile. */
    synchronized void put(long ticket, String organisationKey, Roster roster) {
        if (!serving() || ticket != generation || roster.people().size() > maxPeople) {
            return;
        }
        keep(key(organisationKey), new Held(roster));
    }

    /**
     * As {@link #put}, but only into the room left beside the rosters kept, never dropping one:
     * for a roster read ahead of any listing ({@link RosterPrefetch}), which must not push out
     * one somebody listed.
     *
     * @return false when it did not fit in the room left; true when it did, though it is not kept
     *         when a change was reported (or the feed stopped) since {@code ticket}
     */
    synchronized boolean putIntoRoom(long ticket, String organisationKey, Roster roster) {
        String organisation = key(organisationKey);
        Held held = byOrganisation.get(organisation);
        int room = maxPeople - keptPeople + (held == null ? 0 : held.roster.people().size());
        if (roster.people().size() > room) {
            return false;
        }
        if (serving() && ticket == generation) {
            keep(organisation, new Held(roster));
        }
        return true;
    }

    /** Whether a roster of another organisation might still be kept without dropping one. */
    synchronized boolean hasRoom() {
        return serving() && keptPeople < maxPeople;
    }

    /**
     * Keeps {@code roster}, the roster served as {@code from} with its stale people read again, in
     * its place, unless it was dropped or replaced meanwhile; whoever became stale again since stays
     * stale.
     */
    synchronized void repaired(String organisationKey, Kept from, Roster roster) {
        String organisation = key(organisationKey);
        Held held = byOrganisation.get(organisation);
        if (!serving() || held == null || held.roster != from.roster() || roster.people().size() > maxPeople) {
            return;
        }
        Held again = new Held(roster);
        held.stale.forEach((personId, at) -> {
            if (at > from.generation()) {
                again.stale.put(personId, at);
            }
        });
        keep(organisation, again);
    }

    private void keep(String organisation, Held held) {
        drop(organisation);
        byOrganisation.put(organisation, held);
        keptPeople += held.roster.people().size();
        held.roster.people().forEach(person -> index(person.id(), organisation));
        held.roster.entries().keySet().forEach(uuid -> index(uuid, organisation));
        held.stale.keySet().forEach(personId -> index(personId, organisation));
        while (keptPeople > maxPeople) {
            drop(byOrganisation.keySet().iterator().next());
        }
    }

    private void index(String personOrEntry, String organisation) {
        organisationsOf.computeIfAbsent(key(personOrEntry), id -> new HashSet<>()).add(organisation);
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
        String entryUuid = key(change.entryUuid().get());
        Set<String> touched = new HashSet<>();
        change.organisationKeys().forEach(organisation -> touched.add(key(organisation)));
        touched.addAll(organisationsOf.getOrDefault(entryUuid, Set.of()));
        change.personIds().forEach(personId -> touched.addAll(organisationsOf.getOrDefault(key(personId), Set.of())));
        for (String organisation : touched) {
            Held held = byOrganisation.get(organisation);
            if (held == null) {
                continue;
            }
            Set<String> people = new HashSet<>();
            change.personIds().forEach(personId -> people.add(key(personId)));
            Optional.ofNullable(held.roster.entries().get(entryUuid)).ifPresent(personId -> people.add(key(personId)));
            // indexed too, so that a later change of a newcomer finds the roster they are stale in
            people.forEach(personId -> {
                held.stale.put(personId, generation);
                index(personId, organisation);
            });
            if (people.isEmpty() || held.stale.size() > mostStale(held.roster.people().size())) {
                drop(organisation);
            }
        }
    }

    /** Organisation keys, person ids and entryUUIDs match as the directory matches them (caseIgnoreMatch). */
    static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private void clear() {
        generation++;
        byOrganisation.clear();
        organisationsOf.clear();
        keptPeople = 0;
    }

    private void drop(String organisation) {
        Held dropped = byOrganisation.remove(organisation);
        if (dropped == null) {
            return;
        }
        keptPeople -= dropped.roster.people().size();
        dropped.roster.people().forEach(person -> forget(key(person.id()), organisation));
        dropped.roster.entries().keySet().forEach(uuid -> forget(key(uuid), organisation));
        dropped.stale.keySet().forEach(personId -> forget(personId, organisation));
    }

    private void forget(String personOrEntry, String organisation) {
        Set<String> organisations = organisationsOf.get(personOrEntry);
        if (organisations != null && organisations.remove(organisation) && organisations.isEmpty()) {
            organisationsOf.remove(personOrEntry);
        }
    }
}
