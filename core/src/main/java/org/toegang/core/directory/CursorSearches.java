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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Searches a client walks page by page across HTTP requests (RFC 9865 cursors), each backed by
 * the directory's simple paged results control (RFC 2696). The control's cookie is valid only on
 * the connection that received it (RFC 2696 §3), so each open search holds a connection of its
 * own, outside the pool, until its last page, until it has been idle for {@link #TIMEOUT}, or
 * until {@link #MAX_OPEN} newer searches push it out; then it is closed, and its cursor answers
 * {@link ExpiredCursorException}. A cursor is used once: each page names the next one. A cursor
 * lives in the server process that made it, so behind a load balancer cursor paging needs
 * session affinity. Thread-safe; close it with the server.
 */
public final class CursorSearches implements AutoCloseable {
    /** How long an open search waits for its next page. */
    public static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** How many searches may be open at once (each holds one directory connection). */
    public static final int MAX_OPEN = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Directory directory;
    private final Clock clock;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    public CursorSearches(Directory directory) {
        this(directory, Clock.systemUTC());
    }

    CursorSearches(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** A cursor that is unknown here, used already, or whose search was closed. */
    public static final class ExpiredCursorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpiredCursorException(String message) {
            super(message);
        }
    }

    /**
     * One page.
     *
     * @param next the cursor of the next page; empty on the last
     * @param estimate the directory's estimate of all matches, when it gives one (RFC 2696 size)
     */
    public record Page<T>(List<T> items, Optional<String> next, OptionalInt estimate) {
        public <R> Page<R> map(Function<T, R> mapper) {
            return new Page<>(items.stream().map(mapper).toList(), next, estimate);
        }
    }

    private record Open(LDAPConnection connection, SearchRequest request, ASN1OctetString cookie, Instant lastUsed) {
    }

    /** The first page of a new search. */
    Page<SearchResultEntry> first(String base, SearchScope scope, Filter filter, int size, String... attributes) {
        expire();
        LDAPConnection connection;
        try {
            connection = directory.openConnection();
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
        return page(connection, new SearchRequest(base, scope, filter, attributes), null, size);
    }

    /**
     * The page after the one that named {@code cursor}.
     *
     * @throws ExpiredCursorException when the cursor is unknown here, used already or expired
     */
    Page<SearchResultEntry> next(String cursor, int size) {
        expire();
        Open search = open.remove(cursor);
        if (search == null) {
            throw new ExpiredCursorException("The cursor " + cursor + " is unknown, used already, or expired (after "
                    + TIMEOUT.toSeconds() + " s idle); start again without one");
        }
        return page(search.connection(), search.request(), search.cookie(), size);
    }

    private Page<SearchResultEntry> page(LDAPConnection connection, SearchRequest template, ASN1OctetString cookie,
                                         int size) {
        boolean keep = false;
        try {
            SearchRequest request = template.duplicate();
            request.setControls(new SimplePagedResultsControl(Math.max(1, size), cookie, true));
            SearchResult result = connection.search(request);
            SimplePagedResultsControl answer = SimplePagedResultsControl.get(result);
            ASN1OctetString next = answer == null ? null : answer.getCookie();
            OptionalInt estimate = answer == null || answer.getSize() <= 0 ? OptionalInt.empty()
                    : OptionalInt.of(answer.getSize());
            Optional<String> cursor = Optional.empty();
            if (next != null && next.getValueLength() > 0) {
                String id = newCursor();
                open.put(id, new Open(connection, template, next, clock.instant()));
                keep = true;
                cursor = Optional.of(id);
            }
            return new Page<>(result.getSearchEntries(), cursor, estimate);
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        } finally {
            if (!keep) {
                connection.close();
            }
        }
    }

    /** Closes searches idle for longer than the timeout, and the oldest beyond the most that may be open. */
    private void expire() {
        Instant limit = clock.instant().minus(TIMEOUT);
        open.entrySet().removeIf(entry -> {
            if (entry.getValue().lastUsed().isBefore(limit)) {
                entry.getValue().connection().close();
                return true;
            }
            return false;
        });
        while (open.size() >= MAX_OPEN) {
            open.entrySet().stream().min(Comparator.comparing(entry -> entry.getValue().lastUsed()))
                    .ifPresent(oldest -> {
                        if (open.remove(oldest.getKey(), oldest.getValue())) {
                            oldest.getValue().connection().close();
                        }
                    });
        }
    }

    private static String newCursor() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How many searches are open now (for tests and metrics). */
    public int openSearches() {
        return open.size();
    }

    @Override
    public void close() {
        open.values().forEach(search -> search.connection().close());
        open.clear();
    }
}
