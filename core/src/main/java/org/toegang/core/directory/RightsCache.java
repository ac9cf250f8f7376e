package org.toegang.core.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * after the change; a rename, or a change the server did not describe, drops everything (a rename
 * moves the entries below it without a report of their own). While the feed is not live nothing
 * is kept or served. Kept entries are also dropped after {@code maxAge}, a backstop for a feed
 * that died without its connection noticing, and the least recently used person goes first
 * beyond {@code maxPeople}. Thread-safe.
 */
public final class RightsCache implements DirectoryChanges.Listener {
    private final int maxPeople;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    /** Per person id, per client id; in access order, for dropping the least recently used. Guarded by this. */
    private final LinkedHashMap<String, Map<String, Kept>> byPerson = new LinkedHashMap<>(64, 0.75f, true);
    /** The person whose kept entries came from each normalised DN. Guarded by this. */
    private final Map<String, String> personOfDn = new HashMap<>();
    private boolean live;
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
    }

    /** A cache that keeps nothing, for a directory whose changes are not followed. */
    public static RightsCache none() {
        return new RightsCache(0, Duration.ZERO);
    }

    /** Whether kept entries are served now. */
    public synchronized boolean isLive() {
        return live && maxPeople > 0;
    }

    /** To take before a search whose findings may be kept ({@link #put}); empty while nothing is kept. */
    synchronized OptionalLong ticket() {
        return isLive() ? OptionalLong.of(generation) : OptionalLong.empty();
    }

    synchronized Optional<RightsEntries> get(String personId, String clientId) {
        Map<String, Kept> ofPerson = isLive() ? byPerson.get(personId) : null;
        Kept kept = ofPerson == null ? null : ofPerson.get(clientId);
        if (kept == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - kept.keptAtNanos() > maxAgeNanos) {
            drop(personId);
            return Optional.empty();
        }
        return Optional.of(kept.entries());
    }

    /** Keeps what a search found, unless a change was reported (or the feed stopped) since {@code ticket}. */
    synchronized void put(long ticket, String personId, String clientId, RightsEntries entries) {
        if (!isLive() || ticket != generation) {
            return;
        }
        byPerson.computeIfAbsent(personId, id -> new HashMap<>()).put(clientId, new Kept(entries, nanoTime.getAsLong()));
        entries.dns().forEach(dn -> personOfDn.put(dn, personId));
        while (byPerson.size() > maxPeople) {
            drop(byPerson.keySet().iterator().next());
        }
    }

    @Override
    public synchronized void live() {
        clear();
        live = true;
    }

    @Override
    public synchronized void interrupted() {
        clear();
        live = false;
    }

    @Override
    public synchronized void changed(DirectoryChanges.Change change) {
        generation++;
        if (change.renamed()) {
            clear();
            return;
        }
        String before = personOfDn.get(normalisedDn(change.dn()));
        if (before != null) {
            drop(before);
        }
        change.personIds().forEach(this::drop);
    }

    /** The form in which DNs are compared, whatever their case and spacing. */
    static String normalisedDn(String dn) {
        try {
            return DN.normalize(dn);
        } catch (LDAPException e) {
            return dn; // a DN a server sent that cannot be parsed matches nothing kept; the person's id still drops them
        }
    }

    private void clear() {
        generation++;
        byPerson.clear();
        personOfDn.clear();
    }

    private void drop(String personId) {
        Map<String, Kept> dropped = byPerson.remove(personId);
        if (dropped != null) {
            dropped.values().forEach(kept -> kept.entries().dns().forEach(dn -> personOfDn.remove(dn, personId)));
        }
    }
}
