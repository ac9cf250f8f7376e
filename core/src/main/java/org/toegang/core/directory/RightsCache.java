package org.toegang.core.directory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Keeps what the rights rule reads ({@link RightsEntries}) for a person at an application between
 * tokens while the directory's change feed ({@link DirectoryChanges}) is live, so that a refresh
 * costs no search as long as nothing of the person changed. The rule itself still runs at every
 * token, at the moment of issue: a grant or work relation whose end date passes ends on time.
 *
 * <p>A reported change drops everything kept for the person the entry belongs to, before and
 * after the change: after, by the person ids the entry now holds; before, by its entryUUID, which
 * survives renames (kept entries hold no DN, so a rename of an entry above them changes nothing
 * kept). A change whose entry the server did not identify drops everything. While the feed is not
 * live nothing is kept or served. Kept entries are also dropped after {@code maxAge}, a backstop for a feed
 * that died without its connection noticing, and the least recently used person goes first
 * beyond {@code maxPeople}. Thread-safe.
 *
 * <p>A feed can go quiet without its connection noticing (a silent network partition: the
 * connection stays open, no packet arrives). So the feed proves it is alive at a fixed interval
 * ({@link DirectoryChanges#KEEPALIVE_INTERVAL}), and nothing kept is served once the last proof is
 * older than {@link #SILENCE_BOUND}: then every token searches the directory, which either answers
 * (fresh rights) or fails within its timeouts (no token). That bounds how long a change the feed
 * did not report can go unseen.
 */
public final class RightsCache implements DirectoryChanges.Listener {
    /** How old the feed's last proof of life may be while kept entries serve. */
    public static final Duration SILENCE_BOUND = Duration.ofSeconds(5);

    private final int maxPeople;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    /** Per person id, per client id; in access order, for dropping the least recently used. Guarded by this. */
    private final LinkedHashMap<String, Map<String, Kept>> byPerson = new LinkedHashMap<>(64, 0.75f, true);
    /** The person whose kept entries include each entryUUID. Guarded by this. */
    private final Map<String, String> personOfEntry = new HashMap<>();
    private final FeedProof feed;
    /** Changes with every report, so a search that overlapped one does not keep what it found. */
    private long generation;

    private record Kept(RightsEntries entries, long keptAtNanos) {
    }

    /**
     * @param maxPeople the most people kept at once; 0 keeps nothing
     * @param maxAge how long kept entries serve at most, even when no change is reported
     */
    public RightsCache(int maxPeople, Duration maxAge) {
        this(maxPeople, maxAge, System::nanoTime);
    }

    RightsCache(int maxPeople, Duration maxAge, LongSupplier nanoTime) {
        if (maxPeople < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxPeople and maxAge must not be negative");
        }
        this.maxPeople = maxPeople;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
        this.feed = new FeedProof(nanoTime);
    }

    /** A cache that keeps nothing, for a directory whose changes are not followed. */
    public static RightsCache none() {
        return new RightsCache(0, Duration.ZERO);
    }

    /** Whether kept entries are served now. */
    public synchronized boolean isLive() {
        return maxPeople > 0 && feed.holds();
    }

    /** To take before a search whose findings may be kept ({@link #put}); empty while nothing is kept. */
    synchronized OptionalLong ticket() {
        return isLive() ? OptionalLong.of(generation) : OptionalLong.empty();
    }

    synchronized Optional<RightsEntries> get(String personId, String clientId) {
        Map<String, Kept> ofPerson = isLive() ? byPerson.get(key(personId)) : null;
        Kept kept = ofPerson == null ? null : ofPerson.get(clientId);
        if (kept == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - kept.keptAtNanos() > maxAgeNanos) {
            drop(key(personId));
            return Optional.empty();
        }
        return Optional.of(kept.entries());
    }

    /** Keeps what a search found, unless a change was reported (or the feed stopped) since {@code ticket}. */
    synchronized void put(long ticket, String personId, String clientId, RightsEntries entries) {
        if (!isLive() || ticket != generation || !entries.identified()) {
            return;
        }
        String person = key(personId);
        byPerson.computeIfAbsent(person, id -> new HashMap<>()).put(clientId, new Kept(entries, nanoTime.getAsLong()));
        entries.entryUuids().forEach(uuid -> personOfEntry.put(uuid, person));
        while (byPerson.size() > maxPeople) {
            drop(byPerson.keySet().iterator().next());
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
        generation++;
        feed.proved();
        if (change.entryUuid().isEmpty()) {
            clear();
            return;
        }
        String before = personOfEntry.get(change.entryUuid().get());
        if (before != null) {
            drop(before);
        }
        change.personIds().forEach(personId -> drop(key(personId)));
    }

    /** Person ids match as the directory matches them (caseIgnoreMatch), whoever wrote them. */
    private static String key(String personId) {
        return personId.strip().toLowerCase(Locale.ROOT);
    }

    private void clear() {
        generation++;
        byPerson.clear();
        personOfEntry.clear();
    }

    private void drop(String person) {
        Map<String, Kept> dropped = byPerson.remove(person);
        if (dropped != null) {
            dropped.values().forEach(kept -> kept.entries().entryUuids()
                    .forEach(uuid -> personOfEntry.remove(uuid, person)));
        }
    }
}
