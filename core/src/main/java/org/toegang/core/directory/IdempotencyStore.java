package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Durable outcomes of requests made with an {@code Idempotency-Key}, kept in the directory
 * ({@code ou=idempotency}) so that a replay after a restart, or at another Keycloak node, gets the
 * first outcome and changes nothing. A key is reserved before the request runs (the directory's
 * unique DN makes two concurrent uses of one key exclusive) and its outcome stored after.
 * Thread-safe.
 */
public final class IdempotencyStore {
    private static final String CONTAINER = "idempotency";
    /** The status of a reservation whose request is still running. */
    public static final int RUNNING = 0;

    private final Entries entries;

    public IdempotencyStore(Directory directory) {
        this.entries = new Entries(directory);
    }

    /** A stored outcome: the request's digest, and the status and body answered. */
    public record Outcome(String requestDigest, int status, String body) {
    }

    /** The outcome stored for this caller's key; empty when the key is new. */
    public Optional<Outcome> find(String caller, String key) {
        return entries.read(dn(caller, key)).map(IdempotencyStore::outcome);
    }

    /**
     * Reserves the key for a request with this digest.
     *
     * @return false when the key is already reserved or used (then {@link #find} tells the outcome)
     */
    public boolean reserve(String caller, String key, String requestDigest) {
        entries.ensureContainer(CONTAINER);
        Entry entry = new Entry(dn(caller, key));
        entry.addAttribute(OBJECT_CLASS, "top", IDEMPOTENCY_CLASS);
        entry.addAttribute(IDEMPOTENCY_KEY, digest(caller + "\n" + key));
        entry.addAttribute(REQUEST_DIGEST, requestDigest);
        entry.addAttribute(RESPONSE_STATUS, String.valueOf(RUNNING));
        entry.addAttribute(CREATED_AT, EntryMapper.generalizedTime(Instant.now()));
        try {
            entries.add(entry, "Idempotency-Key", key);
            return true;
        } catch (StoreConflictException taken) {
            return false;
        }
    }

    /** Stores the outcome of a reserved key's request. */
    public void complete(String caller, String key, int status, String body) {
        SearchResultEntry entry = entries.read(dn(caller, key)).orElseThrow();
        entries.replace(entry, List.of(
                new Modification(ModificationType.REPLACE, RESPONSE_STATUS, String.valueOf(status)),
                new Modification(ModificationType.REPLACE, RESPONSE_BODY, body)));
    }

    /** Frees a reservation whose request ended without an outcome to keep (an unexpected failure). */
    public void release(String caller, String key) {
        entries.read(dn(caller, key)).ifPresent(entries::deleteUnguarded);
    }

    /** SHA-256 of a text, hex. */
    public static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private DN dn(String caller, String key) {
        return entries.dn(IDEMPOTENCY_KEY, digest(caller + "\n" + key), CONTAINER);
    }

    private static Outcome outcome(Entry entry) {
        return new Outcome(entry.getAttributeValue(REQUEST_DIGEST),
                entry.getAttributeValueAsInteger(RESPONSE_STATUS),
                entry.getAttributeValue(RESPONSE_BODY) == null ? "" : entry.getAttributeValue(RESPONSE_BODY));
    }
}
