package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.ENTRY_UUID;
import static org.toegang.core.directory.Attributes.LEGAL_REPRESENTATIVE_OF;
import static org.toegang.core.directory.Attributes.OBJECT_CLASS;
import static org.toegang.core.directory.Attributes.ORGANISATION_KEY;
import static org.toegang.core.directory.Attributes.PERSON_ID;
import static org.toegang.core.directory.Attributes.UID;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.IntermediateResponseListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoType;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;
import com.unboundid.ldap.sdk.controls.PersistentSearchChangeType;
import com.unboundid.ldap.sdk.controls.PersistentSearchRequestControl;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows every change under the base DN on a connection of its own and tells a {@link Listener}.
 * Two standard ways, tried in this order: a persistent search (draft-ietf-ldapext-psearch,
 * offered by ApacheDS, 389 Directory Server and OpenDJ), then content synchronisation in
 * refreshAndPersist mode (RFC 4533, offered by OpenLDAP with the {@code syncprov} overlay). A
 * directory that refuses both is never followed, and the listener never hears it is live. After
 * a lost connection it tells the listener at once and follows again by itself, waiting longer
 * each time (up to 30 s). Thread-safe.
 */
public final class DirectoryChanges implements AutoCloseable {
    /**
     * What the feed tells, one call at a time, on the connection's reader or the feed's own
     * thread; calls must be short.
     */
    public interface Listener {
        /** From now on every change is told, until {@link #interrupted}. */
        void live();

        /** Changes may go untold from now on. */
        void interrupted();

        void changed(Change change);

        /**
         * The feed's connection answered a request just now ({@link #KEEPALIVE_INTERVAL}): the
         * feed is still alive. Told only while live.
         */
        default void alive() {
        }

        /** A listener that tells {@code first}, then {@code second}. */
        static Listener both(Listener first, Listener second) {
            return new Listener() {
                @Override
                public void live() {
                    first.live();
                    second.live();
                }

                @Override
                public void interrupted() {
                    first.interrupted();
                    second.interrupted();
                }

                @Override
                public void changed(Change change) {
                    first.changed(change);
                    second.changed(change);
                }

                @Override
                public void alive() {
                    first.alive();
                    second.alive();
                }
            };
        }
    }

    /**
     * One changed entry.
     *
     * @param entryUuid the entry's entryUUID (RFC 4530) in lower case; empty when the server did
     *                  not say which entry changed
     * @param personIds the entry's {@code toegangPersonId} values now; empty for an entry of no
     *                  person and for a deleted entry
     * @param username  the entry's {@code uid} now, when it is a person entry (whose Keycloak copy
     *                  must then be dropped); empty otherwise and for a deleted entry
     * @param objectClasses the entry's object classes now, in lower case; empty for a deleted entry
     * @param organisationKeys the organisations the entry names now ({@code toegangOrganisationKey},
     *                  {@code toegangLegalRepresentativeOf}); empty for a deleted entry
     */
    public record Change(Optional<String> entryUuid, Set<String> personIds, Optional<String> username,
                         Set<String> objectClasses, Set<String> organisationKeys) {
        public Change(Optional<String> entryUuid, Set<String> personIds) {
            this(entryUuid, personIds, Optional.empty(), Set.of(), Set.of());
        }

        /** Whether the entry is, or may have been, one of these classes (a deleted entry may have been any). */
        public boolean mayBe(String... classes) {
            return objectClasses.isEmpty()
                    || Arrays.stream(classes).anyMatch(name -> objectClasses.contains(name.toLowerCase(Locale.ROOT)));
        }
    }

    private enum Way {
        PERSISTENT_SEARCH, CONTENT_SYNC
    }

    private static final System.Logger LOG = System.getLogger(DirectoryChanges.class.getName());
    /**
     * A server registers a persistent search without answering; this long after sending it with
     * no failure the feed counts as live (servers register within milliseconds). Content
     * synchronisation says when it is live.
     */
    private static final Duration REGISTRATION_GRACE = Duration.ofSeconds(1);
    /** Answers that say a server will not report its changes that way; asking again would not help. */
    private static final Set<ResultCode> REFUSALS = Set.of(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION,
            ResultCode.UNWILLING_TO_PERFORM, ResultCode.INSUFFICIENT_ACCESS_RIGHTS, ResultCode.OTHER);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    /** How long reading past a directory's whole content may take. */
    private static final Duration CONTENT_READ_TIMEOUT = Duration.ofMinutes(10);
    /**
     * How often the feed proves it is alive with a cheap request on its own connection (a read of
     * the root DSE's {@code 1.1}, no attributes), and how long that may take before the connection
     * counts as lost. A silent partition is noticed within their sum; {@link RightsCache} stops
     * serving when the last proof is older than {@link RightsCache#SILENCE_BOUND}.
     */
    public static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(2);
    static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(2);

    private final Directory directory;
    private final Listener listener;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "toegang-directory-changes");
        thread.setDaemon(true);
        return thread;
    });
    /** Counts the feed's searches, so callbacks of an ended one are ignored. Guarded by this, as are the rest. */
    private long search;
    private Way way = Way.PERSISTENT_SEARCH;
    private boolean live;
    private LDAPConnection connection;
    private Duration nextRetry = FIRST_RETRY;
    private boolean closed;

    private DirectoryChanges(Directory directory, Listener listener) {
        this.directory = directory;
        this.listener = listener;
    }

    /** Starts following the directory's changes in the background; returns at once. */
    public static DirectoryChanges follow(Directory directory, Listener listener) {
        DirectoryChanges changes = new DirectoryChanges(directory, listener);
        changes.scheduler.execute(changes::start);
        changes.scheduler.scheduleWithFixedDelay(changes::keepAlive, KEEPALIVE_INTERVAL.toMillis(),
                KEEPALIVE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return changes;
    }

    /**
     * Proves the live feed's connection still answers; a request without an answer in time ends
     * the feed as a lost connection (which tells the listener and follows again by itself).
     */
    private void keepAlive() {
        LDAPConnection checking;
        long which;
        synchronized (this) {
            if (closed || !live || connection == null) {
                return;
            }
            checking = connection;
            which = search;
        }
        SearchRequest request = new SearchRequest("", SearchScope.BASE, Filter.createPresenceFilter(OBJECT_CLASS),
                SearchRequest.NO_ATTRIBUTES);
        request.setResponseTimeoutMillis(KEEPALIVE_TIMEOUT.toMillis());
        try {
            checking.search(request);
            synchronized (this) {
                if (!closed && which == search && live) {
                    listener.alive();
                }
            }
        } catch (LDAPException e) {
            LOG.log(System.Logger.Level.WARNING, "Directory {0} did not answer the change feed''s keep-alive"
                    + " within {1} ms ({2}); following again", directory.config().url(),
                    KEEPALIVE_TIMEOUT.toMillis(), e.getResultCode());
            ended(which, new SearchResult(e));
        } catch (RuntimeException e) {
            // a failure escaping here would cancel every later keep-alive
            LOG.log(System.Logger.Level.WARNING, "Change feed keep-alive failed", e);
            ended(which, new SearchResult(new LDAPException(ResultCode.LOCAL_ERROR, String.valueOf(e))));
        }
    }

    private void start() {
        LDAPConnection opened;
        try {
            opened = directory.openConnection();
        } catch (LDAPException e) {
            retry(e.getMessage());
            return;
        }
        long current;
        Way trying;
        synchronized (this) {
            if (closed) {
                opened.close();
                return;
            }
            current = ++search;
            trying = way;
            connection = opened; // before the search is sent: its refusal may come back at once
        }
        Feed feed = new Feed(current, trying);
        SearchRequest request = feedRequest(feed);
        try {
            // critical: a server without the control refuses it rather than answering a plain search
            if (trying == Way.PERSISTENT_SEARCH) {
                request.addControl(new PersistentSearchRequestControl(PersistentSearchChangeType.allChangeTypes(),
                        true, true, true));
            } else {
                request.addControl(new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_AND_PERSIST,
                        cookieOfNow(opened), false));
                request.setIntermediateResponseListener(feed);
            }
            request.setResponseTimeoutMillis(0); // it stays open
            opened.asyncSearch(request);
        } catch (LDAPException e) {
            ended(current, new SearchResult(e));
            return;
        }
        if (trying == Way.PERSISTENT_SEARCH) {
            scheduler.schedule(() -> goLive(current), REGISTRATION_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private SearchRequest feedRequest(SearchResultListener listener) {
        return new SearchRequest(listener, directory.config().baseDn(), SearchScope.SUB,
                Filter.createPresenceFilter(OBJECT_CLASS), PERSON_ID, UID, ENTRY_UUID, OBJECT_CLASS, ORGANISATION_KEY,
                LEGAL_REPRESENTATIVE_OF);
    }

    /**
     * Reads past the content once (RFC 4533 refreshOnly) for the cookie that marks its end, so
     * the lasting sync that starts from it has only what changed since to send before it is live:
     * OpenLDAP may send the last entries of a long refresh after saying it is done, and those
     * would count as changes.
     */
    private ASN1OctetString cookieOfNow(LDAPConnection opened) throws LDAPException {
        SearchRequest request = feedRequest(new Discard());
        request.addControl(new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY, null, false));
        request.setResponseTimeoutMillis(CONTENT_READ_TIMEOUT.toMillis());
        ContentSyncDoneControl done = ContentSyncDoneControl.get(opened.search(request));
        return done == null ? null : done.getCookie();
    }

    private synchronized void goLive(long which) {
        if (!closed && which == search && !live) {
            live = true;
            nextRetry = FIRST_RETRY;
            LOG.log(System.Logger.Level.INFO, "Following the changes of directory {0} ({1})",
                    directory.config().url(), way == Way.PERSISTENT_SEARCH ? "persistent search" : "RFC 4533 sync");
            listener.live();
        }
    }

    private synchronized void changed(long which, Optional<String> entryUuid, SearchResultEntry entry) {
        // before live nothing is kept, so nothing needs dropping (and a sync's refresh stage is content)
        if (closed || which != search || !live) {
            return;
        }
        Set<String> organisationKeys = new HashSet<>(values(entry, ORGANISATION_KEY));
        organisationKeys.addAll(values(entry, LEGAL_REPRESENTATIVE_OF));
        Set<String> objectClasses = new HashSet<>();
        values(entry, OBJECT_CLASS).forEach(name -> objectClasses.add(name.toLowerCase(Locale.ROOT)));
        listener.changed(new Change(entryUuid.map(uuid -> uuid.toLowerCase(Locale.ROOT)),
                values(entry, PERSON_ID), Optional.ofNullable(entry.getAttributeValue(UID)), Set.copyOf(objectClasses),
                Set.copyOf(organisationKeys)));
    }

    private static Set<String> values(SearchResultEntry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
    }

    private void ended(long which, SearchResult result) {
        Way refused;
        synchronized (this) {
            if (closed || which != search) {
                return;
            }
            search++;
            boolean wasLive = live;
            live = false;
            LDAPConnection ending = connection;
            connection = null;
            listener.interrupted();
            scheduler.execute(ending::close); // not on the connection's own reader thread
            // a refusal answers the request; a feed that was live was lost, not refused
            refused = !wasLive && REFUSALS.contains(result.getResultCode()) ? way : null;
            if (refused == Way.PERSISTENT_SEARCH) {
                way = Way.CONTENT_SYNC;
            }
        }
        if (refused == Way.PERSISTENT_SEARCH) {
            scheduler.execute(this::start);
        } else if (refused == Way.CONTENT_SYNC) {
            LOG.log(System.Logger.Level.INFO, "Directory {0} reports its changes neither by persistent search nor"
                    + " by RFC 4533 sync ({1}): rights are read from it at every token", directory.config().url(),
                    result.getResultCode());
        } else {
            retry(result.getResultCode() + " " + result.getResultString());
        }
    }

    private void retry(String reason) {
        Duration after;
        synchronized (this) {
            after = nextRetry;
            nextRetry = after.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : after.multipliedBy(2);
        }
        LOG.log(System.Logger.Level.WARNING, "Not following the changes of directory {0} ({1}); trying again in {2} s",
                directory.config().url(), reason, after.toSeconds());
        try {
            scheduler.schedule(this::start, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** Stops following; the listener hears nothing more. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
        scheduler.shutdownNow();
    }

    private static final class Discard implements SearchResultListener {
        private static final long serialVersionUID = 1L;

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            // only the cookie at the end is wanted
        }

        @Override
        public void searchReferenceReturned(SearchResultReference reference) {
            // nor references
        }
    }

    private final class Feed implements AsyncSearchResultListener, IntermediateResponseListener {
        private static final long serialVersionUID = 1L;
        private final long which;
        private final Way way;

        Feed(long which, Way way) {
            this.which = which;
            this.way = way;
        }

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            changed(which, entryUuid(entry), entry);
        }

        private Optional<String> entryUuid(SearchResultEntry entry) {
            if (way == Way.PERSISTENT_SEARCH) {
                return Optional.ofNullable(entry.getAttributeValue(ENTRY_UUID));
            }
            try {
                ContentSyncStateControl state = ContentSyncStateControl.get(entry);
                return state == null ? Optional.empty() : Optional.of(state.getEntryUUID().toString());
            } catch (LDAPException e) {
                return Optional.empty();
            }
        }

        @Override
        public void intermediateResponseReturned(IntermediateResponse response) {
            try {
                ContentSyncInfoIntermediateResponse info = ContentSyncInfoIntermediateResponse.decode(response);
                boolean refreshEnd = info.getType() == ContentSyncInfoType.REFRESH_DELETE
                        || info.getType() == ContentSyncInfoType.REFRESH_PRESENT;
                if (refreshEnd && info.refreshDone()) {
                    goLive(which); // RFC 4533 section 3.4: the refresh stage is over, changes follow
                }
            } catch (LDAPException e) {
                // not a sync info message; nothing we wait for
            }
        }

        @Override
        public void searchReferenceReturned(SearchResultReference reference) {
            // changes below a referral are another directory's
        }

        @Override
        public void searchResultReceived(AsyncRequestID requestId, SearchResult result) {
            ended(which, result);
        }
    }
}
