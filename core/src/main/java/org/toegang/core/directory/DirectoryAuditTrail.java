package org.toegang.core.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import org.toegang.core.audit.AuditEntry;
import org.toegang.core.audit.AuditIds;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.audit.AuditUnavailableException;

/**
 * The audit trail in the directory: one {@code toegangAuditEntry} per change under
 * {@code ou=audit}, named by its time-ordered id. The directory is the one store that both the
 * administration API (in Keycloak) and the SCIM server reach, and the one production already
 * replicates and backs up. Entries are never changed; {@link #purgeBefore} applies the retention.
 * Thread-safe; share one instance.
 */
public final class DirectoryAuditTrail implements AuditTrail {
    static final String AUDIT_CLASS = "toegangAuditEntry";
    static final String TIME = "toegangAuditTime";
    static final String ACTOR_PERSON = "toegangAuditActorPersonId";
    static final String ACTOR_CLIENT = "toegangAuditActorClientId";
    static final String ROLE = "toegangAuditRole";
    static final String ACTION = "toegangAuditAction";
    static final String TARGET = "toegangAuditTarget";
    static final String BEFORE = "toegangAuditBefore";
    static final String AFTER = "toegangAuditAfter";
    private static final int MAX_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    /** Newest first: time-ordered ids compare as their UUIDs do (version 7, RFC 9562). */
    private static final Comparator<AuditEntry> NEWEST_FIRST =
            Comparator.comparing((AuditEntry entry) -> UUID.fromString(entry.id())).reversed();

    private final Directory directory;
    private final Containers containers;

    public DirectoryAuditTrail(Directory directory) {
        this.directory = directory;
        this.containers = new Containers(directory);
    }

    @Override
    public void record(AuditEntry entry) {
        String branch = containers.ensure("audit");
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute(Attributes.OBJECT_CLASS, "top", AUDIT_CLASS),
                new Attribute(Attributes.ID, entry.id()),
                new Attribute(TIME, EntryMapper.generalizedTime(entry.at())),
                new Attribute(ROLE, entry.role()),
                new Attribute(ACTION, entry.action()),
                new Attribute(TARGET, entry.target())));
        entry.actor().personId().ifPresent(value -> attributes.add(new Attribute(ACTOR_PERSON, value)));
        entry.actor().clientId().ifPresent(value -> attributes.add(new Attribute(ACTOR_CLIENT, value)));
        entry.organisationKey().ifPresent(value -> attributes.add(new Attribute(Attributes.ORGANISATION_KEY, value)));
        entry.clientId().ifPresent(value -> attributes.add(new Attribute(Attributes.CLIENT_ID, value)));
        if (!entry.before().isEmpty()) {
            attributes.add(new Attribute(BEFORE, json(entry.before())));
        }
        if (!entry.after().isEmpty()) {
            attributes.add(new Attribute(AFTER, json(entry.after())));
        }
        try {
            DN dn = new DN(new RDN(Attributes.ID, entry.id()), new DN(branch));
            directory.pool().add(new Entry(dn, attributes));
        } catch (LDAPException e) {
            throw new AuditUnavailableException("could not record " + entry.action() + " of " + entry.target()
                    + ": " + e.getResultCode() + " " + e.getExceptionMessage(), e);
        }
    }

    @Override
    public List<AuditEntry> forOrganisation(String organisationKey, Optional<Instant> since, Optional<String> after,
                                            int limit) {
        return newest(Filter.createEqualityFilter(Attributes.ORGANISATION_KEY, organisationKey), since, after, limit);
    }

    @Override
    public List<AuditEntry> forApplication(String clientId, Optional<Instant> since, Optional<String> after, int limit) {
        return newest(Filter.createEqualityFilter(Attributes.CLIENT_ID, clientId), since, after, limit);
    }

    @Override
    public List<AuditEntry> forTarget(String target, int limit) {
        return newest(Filter.createEqualityFilter(TARGET, target), Optional.empty(), Optional.empty(), limit);
    }

    /**
     * Deletes the entries recorded before {@code cutoff} (the retention); returns how many. Runs
     * in pages, so a large trail is never held in memory.
     */
    public int purgeBefore(Instant cutoff) {
        Filter old = Filter.createANDFilter(Filter.createEqualityFilter(Attributes.OBJECT_CLASS, AUDIT_CLASS),
                Filter.createLessOrEqualFilter(TIME, EntryMapper.generalizedTime(cutoff.minusMillis(1))));
        List<String> dns = new ArrayList<>();
        PagedSearch.forEach(directory, containers.ensure("audit"), old, entry -> dns.add(entry.getDN()), "1.1");
        for (String dn : dns) {
            try {
                directory.pool().delete(dn);
            } catch (LDAPException e) {
                throw Directory.unavailable(directory.config(), e);
            }
        }
        return dns.size();
    }

    /** Purges with a retention counted back from now. */
    public int applyRetention(Duration retention) {
        return purgeBefore(Instant.now().minus(retention));
    }

    private List<AuditEntry> newest(Filter scope, Optional<Instant> since, Optional<String> after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        List<Filter> filters = new ArrayList<>(List.of(Filter.createEqualityFilter(Attributes.OBJECT_CLASS, AUDIT_CLASS),
                scope));
        since.ifPresent(moment -> filters.add(Filter.createGreaterOrEqualFilter(TIME, EntryMapper.generalizedTime(moment))));
        Optional<UUID> cursor = after.map(UUID::fromString);
        cursor.ifPresent(id -> filters.add(Filter.createLessOrEqualFilter(TIME,
                EntryMapper.generalizedTime(AuditIds.instantOf(id.toString())))));
        // keeps only the newest `limit` below the cursor while the pages stream by
        PriorityQueue<AuditEntry> kept = new PriorityQueue<>(NEWEST_FIRST.reversed());
        PagedSearch.forEach(directory, containers.ensure("audit"), Filter.createANDFilter(filters), entry -> {
            AuditEntry read = read(entry);
            if (cursor.isPresent() && UUID.fromString(read.id()).compareTo(cursor.get()) >= 0) {
                return;
            }
            kept.add(read);
            if (kept.size() > limit) {
                kept.poll();
            }
        }, "*");
        return kept.stream().sorted(NEWEST_FIRST).toList();
    }

    static AuditEntry read(SearchResultEntry entry) {
        try {
            AuditEntry.Actor actor = new AuditEntry.Actor(Optional.ofNullable(entry.getAttributeValue(ACTOR_PERSON)),
                    Optional.ofNullable(entry.getAttributeValue(ACTOR_CLIENT)));
            return new AuditEntry(entry.getAttributeValue(Attributes.ID),
                    GeneralizedTimes.parse(entry.getAttributeValue(TIME)), actor, entry.getAttributeValue(ROLE),
                    Optional.ofNullable(entry.getAttributeValue(Attributes.ORGANISATION_KEY)),
                    Optional.ofNullable(entry.getAttributeValue(Attributes.CLIENT_ID)),
                    entry.getAttributeValue(ACTION), entry.getAttributeValue(TARGET),
                    map(entry.getAttributeValue(BEFORE)), map(entry.getAttributeValue(AFTER)));
        } catch (ParseException | JsonProcessingException e) {
            throw new IllegalStateException(entry.getDN() + " is not a readable audit entry", e);
        }
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> map(String json) throws JsonProcessingException {
        return json == null ? Map.of() : JSON.readValue(json, MAP);
    }
}
