package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.OBJECT_CLASS;
import static org.toegang.core.directory.Attributes.REVISION;
import static org.toegang.core.directory.Attributes.VERSIONED_CLASS;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Optimistic concurrency on one entry, atomic in the directory itself. The standard tool, the
 * LDAP assertion control (RFC 4528), is not implemented by the embedded ApacheDS 2.0.0.AM27 (it
 * lists no 1.3.6.1.1.12 control), so every guarded modify carries its own precondition instead:
 * it deletes the revision value the writer read and adds a new one. A modify is atomic (RFC 4511
 * section 4.6), so when another writer changed the entry first the deletion fails with
 * noSuchAttribute and nothing of the modify is applied. An entry that never had a revision (demo
 * data, writers outside the API) has revision {@value #INITIAL}; its first guarded write adds the
 * auxiliary class and the revision, which a concurrent first write makes fail with
 * attributeOrValueExists. Works on every LDAP server.
 */
final class RevisionGuard {
    /** The revision of an entry that has none stored. */
    static final String INITIAL = "0";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RevisionGuard() {
    }

    static String revisionOf(Entry entry) {
        String stored = entry.getAttributeValue(REVISION);
        return stored == null ? INITIAL : stored;
    }

    static String next() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The modifications that make {@code changes} conditional on {@code expected} and move the entry
     * to {@code next}.
     *
     * @param expected the revision the writer read; empty writes unconditionally (and still moves the revision)
     */
    static List<Modification> guarded(Entry current, Optional<String> expected, String next,
                                      List<Modification> changes) {
        List<Modification> all = new ArrayList<>();
        String revision = expected.orElse(revisionOf(current));
        if (INITIAL.equals(revision) && !current.hasAttribute(REVISION)) {
            if (!current.hasObjectClass(VERSIONED_CLASS)) {
                all.add(new Modification(ModificationType.ADD, OBJECT_CLASS, VERSIONED_CLASS));
            }
            all.add(new Modification(ModificationType.ADD, REVISION, next));
        } else {
            all.add(new Modification(ModificationType.DELETE, REVISION, revision));
            all.add(new Modification(ModificationType.ADD, REVISION, next));
        }
        // the guard first: the auxiliary class must be there for the values only it allows
        all.addAll(changes);
        return all;
    }

    /** Whether a failed guarded modify failed because its precondition did not hold. */
    static boolean isStale(ResultCode code) {
        return code == ResultCode.NO_SUCH_ATTRIBUTE || code == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS
                || code == ResultCode.CONSTRAINT_VIOLATION;
    }
}
