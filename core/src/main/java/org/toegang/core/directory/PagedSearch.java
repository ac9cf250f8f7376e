package org.toegang.core.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;
import java.util.function.Consumer;

/**
 * A search that hands entries to a consumer page by page with the simple paged results control
 * (RFC 2696), so that a report of 10,000 people never holds them all: each page is consumed and
 * dropped before the next is asked for. The pages run on one connection of the pool, as RFC 2696
 * section 3 requires of the cookie.
 */
final class PagedSearch {
    static final int PAGE_SIZE = 500;
    /**
     * A page's response timeout. Paged searches serve administration (reports, people search), not
     * sign-in, whose 2 s budget ({@link Directory}) would fail them: a selective filter (a name)
     * may make the directory read every person before the first page is complete.
     */
    static final long PAGE_TIMEOUT_MILLIS = 30_000;

    private PagedSearch() {
    }

    static void forEach(Directory directory, String base, Filter filter, Consumer<SearchResultEntry> consumer,
                        String... attributes) {
        forEachPage(directory, base, filter, page -> page.forEach(consumer), attributes);
    }

    /** As {@link #forEach}, a page (at most {@value #PAGE_SIZE} entries) at a time. */
    static void forEachPage(Directory directory, String base, Filter filter,
                            Consumer<List<SearchResultEntry>> consumer, String... attributes) {
        LDAPConnection connection;
        try {
            connection = directory.pool().getConnection();
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
        boolean healthy = false;
        try {
            ASN1OctetString cookie = null;
            do {
                SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
                request.addControl(new SimplePagedResultsControl(PAGE_SIZE, cookie, false));
                request.setResponseTimeoutMillis(PAGE_TIMEOUT_MILLIS);
                SearchResult page = connection.search(request);
                consumer.accept(page.getSearchEntries());
                SimplePagedResultsControl answer = SimplePagedResultsControl.get(page);
                cookie = answer == null ? null : answer.getCookie();
            } while (cookie != null && cookie.getValueLength() > 0);
            healthy = true;
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        } finally {
            if (healthy) {
                directory.pool().releaseConnection(connection);
            } else {
                directory.pool().releaseDefunctConnection(connection);
            }
        }
    }
}
