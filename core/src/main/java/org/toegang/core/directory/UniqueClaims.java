package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Values only one person may hold (national register number, {@code externalId}), made unique by
 * the directory itself rather than by a lock in one process: before a person takes a value, a
 * claim entry {@code cn=<field>-<SHA-256 of the value>,ou=claims} naming the holder is added. An
 * LDAP add is atomic, so of any number of concurrent writers (in any number of SCIM servers on
 * one directory) exactly one succeeds; the others get {@code entryAlreadyExists}. A digest keeps
 * the DN short and free of characters that would need escaping. User names need no claim: they
 * are the RDN of the person entry, which the directory already keeps unique.
 *
 * <p>A writer that crashes between claiming and writing the person, or between changing the
 * person and releasing the old claim, leaves a claim whose holder does not hold the value. Such
 * a claim is taken over once it is unchanged for longer than any write takes, so it never
 * blocks a value for good and never steals one from a write still under way. The take-over is
 * one modify that removes the old holder and adds the new one: it fails when the holder changed
 * in between, so two writers taking over the same claim cannot both win. Thread-safe.
 */
final class UniqueClaims {
    private static final String COMMON_NAME = "cn";
    private static final String MODIFIED = "modifyTimestamp";
    static final Duration GRACE = Duration.ofMinutes(2);

    /** A value that is unique among people, and the person attribute that holds it. */
    enum Field {
        NATIONAL_REGISTER_NUMBER("nationalRegisterNumber", Attributes.NATIONAL_REGISTER_NUMBER),
        EXTERNAL_ID("externalId", Attributes.EXTERNAL_ID);

        final String scimName;
        final String attribute;

        Field(String scimName, String attribute) {
            this.scimName = scimName;
            this.attribute = attribute;
        }
    }

    private final Directory directory;
    private final DN claimsDn;
    private final DN peopleDn;
    private final Clock clock;
    private final Duration grace;

    UniqueClaims(Directory directory, DN peopleDn, Clock clock, Duration grace) {
        this.directory = directory;
        this.peopleDn = peopleDn;
        this.clock = clock;
        this.grace = grace;
        try {
            this.claimsDn = new DN("ou=claims," + directory.config().baseDn());
        } catch (LDAPException e) {
            throw new IllegalArgumentException("base DN " + directory.config().baseDn() + " is malformed", e);
        }
    }

    /**
     * Takes {@code value} for {@code personId}; does nothing when the person holds the claim already.
     *
     * @throws StoreConflictException (uniqueness) when another person holds or claimed the value
     */
    void claim(Field field, String value, String personId) {
        DN dn = dnFor(field, value);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                add(dn, personId);
                requireNoUnclaimedHolder(field, value, personId);
                return;
            } catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                    throw Directory.unavailable(directory.config(), e);
                }
            }
            Optional<SearchResultEntry> claim = read(dn);
            if (claim.isEmpty()) {
                continue; // released in between: try again
            }
            String holder = claim.get().getAttributeValue(PERSON_ID);
            if (personId.equals(holder)) {
                return;
            }
            if (abandoned(claim.get(), field, value, holder) && takeOver(dn, holder, personId)) {
                requireNoUnclaimedHolder(field, value, personId);
                return;
            }
            break;
        }
        throw StoreConflictException.uniqueness(field.scimName, value);
    }

    /** Replaces the holder in one modify, which fails if {@code holder} no longer holds the claim. */
    private boolean takeOver(DN dn, String holder, String personId) {
        try {
            directory.pool().modify(dn.toString(),
                    new Modification(ModificationType.DELETE, PERSON_ID, holder),
                    new Modification(ModificationType.ADD, PERSON_ID, personId));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /** Gives the value up, if {@code personId} holds its claim; a missing claim is no error. */
    void release(Field field, String value, String personId) {
        delete(dnFor(field, value), personId);
    }

    /**
     * People written before claims existed (demo data, other tools) hold values without a claim:
     * a claim only counts when nobody else holds the value.
     */
    private void requireNoUnclaimedHolder(Field field, String value, String personId) {
        Filter holders = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS),
                Filter.createEqualityFilter(field.attribute, value),
                Filter.createNOTFilter(Filter.createEqualityFilter(PERSON_ID, personId)));
        try {
            SearchRequest request = new SearchRequest(peopleDn.toString(), SearchScope.SUB, holders, "1.1");
            request.setSizeLimit(1);
            if (directory.pool().search(request).getEntryCount() > 0) {
                release(field, value, personId);
                throw StoreConflictException.uniqueness(field.scimName, value);
            }
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                release(field, value, personId);
                throw StoreConflictException.uniqueness(field.scimName, value);
            }
            release(field, value, personId);
            throw Directory.unavailable(directory.config(), e);
        }
    }

    private boolean abandoned(SearchResultEntry claim, Field field, String value, String holder) {
        if (holder == null) {
            return false;
        }
        // modifyTimestamp: a take-over restarts the period, createTimestamp would not
        Instant changed = Optional.ofNullable(claim.getAttributeValueAsDate(MODIFIED))
                .or(() -> Optional.ofNullable(claim.getAttributeValueAsDate("createTimestamp")))
                .map(java.util.Date::toInstant).orElse(Instant.EPOCH);
        if (changed.plus(grace).isAfter(clock.instant())) {
            return false; // perhaps a write still under way
        }
        Filter holds = Filter.createANDFilter(Filter.createEqualityFilter(PERSON_ID, holder),
                Filter.createEqualityFilter(field.attribute, value));
        try {
            return directory.pool().searchForEntry(new SearchRequest(peopleDn.toString(), SearchScope.SUB, holds,
                    "1.1")) == null;
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }

    private void add(DN dn, String personId) throws LDAPException {
        Entry entry = new Entry(dn);
        entry.addAttribute(OBJECT_CLASS, "top", CLAIM_CLASS);
        entry.addAttribute(COMMON_NAME, dn.getRDN().getAttributeValues()[0]);
        entry.addAttribute(PERSON_ID, personId);
        try {
            directory.pool().add(entry);
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                throw e;
            }
            // A directory made before claims existed: make the branch, then claim.
            Entry branch = new Entry(claimsDn);
            branch.addAttribute(OBJECT_CLASS, "top", "organizationalUnit");
            branch.addAttribute("ou", "claims");
            try {
                directory.pool().add(branch);
            } catch (LDAPException exists) {
                if (exists.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                    throw exists;
                }
            }
            directory.pool().add(entry);
        }
    }

    private Optional<SearchResultEntry> read(DN dn) {
        try {
            return Optional.ofNullable(directory.pool().getEntry(dn.toString(), PERSON_ID, MODIFIED,
                    "createTimestamp"));
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /**
     * Deletes the claim if {@code holder} holds it. (ApacheDS lacks the assertion control of RFC
     * 4528, so this reads first; a claim changes holder in between only when it was abandoned.)
     */
    private void delete(DN dn, String holder) {
        Optional<SearchResultEntry> claim = read(dn);
        if (claim.isEmpty() || !holder.equals(claim.get().getAttributeValue(PERSON_ID))) {
            return;
        }
        try {
            directory.pool().delete(dn.toString());
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                throw Directory.unavailable(directory.config(), e);
            }
        }
    }

    DN dnFor(Field field, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return new DN(new RDN(COMMON_NAME, field.scimName + "-" + HexFormat.of().formatHex(digest)), claimsDn);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
