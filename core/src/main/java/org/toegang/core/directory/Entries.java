package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.OBJECT_CLASS;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Optional;

/**
 * The directory operations the administration stores share: DNs built from {@link RDN}s (so a
 * value can never add a component), filters only from the SDK's factories (RFC 4515 escaping),
 * and LDAP failures turned into the store's exceptions. Thread-safe.
 */
final class Entries {
    private static final String[] ALL = {"*", "+"};

    private final Directory directory;
    private final DN base;

    Entries(Directory directory) {
        this.directory = directory;
        try {
            this.base = new DN(directory.config().baseDn());
        } catch (LDAPException e) {
            throw new IllegalArgumentException("base DN " + directory.config().baseDn() + " is malformed", e);
        }
    }

    /** {@code <attribute>=<value>,ou=<container>,<base>}, the value escaped by the SDK. */
    DN dn(String attribute, String value, String container) {
        return new DN(new RDN(attribute, value), container(container));
    }

    DN container(String container) {
        return new DN(new RDN("ou", container), base);
    }

    List<SearchResultEntry> search(Filter filter) {
        return search(base, filter);
    }

    /** Only these attributes of each entry; every attribute when none are named. */
    List<SearchResultEntry> search(Filter filter, String... attributes) {
        return search(base, filter, attributes.length == 0 ? ALL : attributes);
    }

    List<SearchResultEntry> search(DN under, Filter filter) {
        return search(under, filter, ALL);
    }

    private List<SearchResultEntry> search(DN under, Filter filter, String[] attributes) {
        try {
            return directory.pool().search(new SearchRequest(under.toString(), SearchScope.SUB, filter, attributes))
                    .getSearchEntries();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of();
            }
            throw Directory.unavailable(directory.config(), e);
        }
    }

    Optional<SearchResultEntry> first(String objectClass, Filter filter) {
        return search(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, objectClass), filter))
                .stream().findFirst();
    }

    Optional<SearchResultEntry> read(DN dn) {
        try {
            return Optional.ofNullable(directory.pool().getEntry(dn.toString(), ALL));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /**
     * Adds an entry.
     *
     * @throws StoreConflictException (uniqueness, on {@code field}) when the DN is taken
     */
    void add(Entry entry, String field, String value) {
        try {
            directory.pool().add(entry);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                throw StoreConflictException.uniqueness(field, value);
            }
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /**
     * Applies a guarded modify ({@link RevisionGuard}) and returns the new revision.
     *
     * @throws StoreConflictException (stale version) when the entry's revision is not {@code expected}
     */
    String modify(Entry current, Optional<String> expected, List<Modification> changes, String what) {
        String next = RevisionGuard.next();
        try {
            directory.pool().modify(current.getDN(), RevisionGuard.guarded(current, expected, next, changes));
            return next;
        } catch (LDAPException e) {
            if (RevisionGuard.isStale(e.getResultCode()) || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw StoreConflictException.staleRevision(what);
            }
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /** Replaces values of an entry that has no revision (a record only its writer changes). */
    void replace(Entry current, List<Modification> changes) {
        try {
            directory.pool().modify(current.getDN(), changes);
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /** Deletes an entry without a revision check. */
    void deleteUnguarded(Entry current) {
        try {
            directory.pool().delete(current.getDN());
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                throw Directory.unavailable(directory.config(), e);
            }
        }
    }

    /** Deletes an entry guarded by its revision: the revision is checked by a guarded modify first. */
    void delete(Entry current, Optional<String> expected, String what) {
        modify(current, expected, List.of(), what);
        try {
            directory.pool().delete(current.getDN());
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw StoreConflictException.staleRevision(what);
            }
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /** Makes sure a container ({@code ou=<name>}) exists, for directories loaded without it. */
    void ensureContainer(String name) {
        DN dn = container(name);
        if (read(dn).isPresent()) {
            return;
        }
        Entry entry = new Entry(dn);
        entry.addAttribute(OBJECT_CLASS, "top", "organizationalUnit");
        entry.addAttribute("ou", name);
        try {
            directory.pool().add(entry);
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                throw Directory.unavailable(directory.config(), e);
            }
        }
    }
}
