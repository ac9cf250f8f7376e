package org.toegang.core.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;

/**
 * Removes a grant entry, for one purpose only: undoing a grant that an all-or-nothing call
 * (bulk upload, copy of rights) made before a later step failed. A grant that stood is never
 * deleted, it is revoked. Thread-safe.
 */
public final class GrantEntries {
    private final Directory directory;

    public GrantEntries(Directory directory) {
        this.directory = directory;
    }

    /** Deletes the grant with this id; nothing when there is none. */
    public void undoCreation(String grantId) {
        try {
            List<SearchResultEntry> found = directory.pool().search(new SearchRequest(directory.config().baseDn(),
                    SearchScope.SUB, Filter.createANDFilter(
                    Filter.createEqualityFilter(Attributes.OBJECT_CLASS, Attributes.GRANT_CLASS),
                    Filter.createEqualityFilter(Attributes.ID, grantId)), "1.1")).getSearchEntries();
            for (SearchResultEntry entry : found) {
                directory.pool().delete(entry.getDN());
            }
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }
}
