package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.OBJECT_CLASS;
import static org.toegang.core.directory.Attributes.PERSON_ID;

import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.EntryChangeNotificationControl;
import com.unboundid.ldap.sdk.controls.PersistentSearchChangeType;
import com.unboundid.ldap.sdk.controls.PersistentSearchRequestControl;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows every change under the base DN through a persistent search (draft-ietf-ldapext-psearch,
 * control {@value PersistentSearchRequestControl#PERSISTENT_SEARCH_REQUEST_OID}) on a connection
 * of its own, and tells a {@link Listener}. ApacheDS, 389 Directory Server and OpenDJ offer it;
 * OpenLDAP does not, and there the feed never becomes live. After a failure it tells the listener
 * at once and reconnects by itself, waiting longer each time (up to 30 s). Thread-safe.
 */
public final class DirectoryChanges implements AutoCloseable {
    /**
     * What the feed tells, one call at a time, on the connection's reader or the feed's own thread;
     * calls must be short.
     */
    public interface Listener {
        /** From now on every change is told, until {@link #interrupted}. */
        void live();

        /** Changes may go untold from now on. */
        void interrupted();

        void changed(Change change);
    }

    /**
     * One changed entry.
     *
     * @param dn the entry's DN now (for a deletion: before)
     * @param renamed whether the entry (and with it any entries below it) moved, or the server
     *                did not say what kind of change it was
     * @param personIds the entry's {@code toegangPersonId} values now; empty for entries of no person
     */
    public record Change(String dn, boolean renamed, Set<String> personIds) {
    }

    private static final System.Logger LOG = System.getLogger(DirectoryChanges.class.getName());
    /**
     * The server registers a persistent search without answering; this long after sending it with
     * no failure the feed counts as live. Servers register within milliseconds.
     */
    private static final Duration REGISTRATION_GRACE = Duration.ofSeconds(1);
    /** Answers that say the server will not report changes to us; trying again would not help. */
    private static final Set<ResultCode> REFUSALS = Set.of(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION,
            ResultCode.UNWILLING_TO_PERFORM, ResultCode.INSUFFICIENT_ACCESS_RIGHTS);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final Directory directory;
    private final Listener listener;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "toegang-directory-changes");
        thread.setDaemon(true);
        return thread;
    });
    /** Counts the feed's searches, so callbacks of an ended one are ignored. Guarded by this, as are the next three. */
    private long search;
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
        return changes;
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
        synchronized (this) {
            if (closed) {
                opened.close();
                return;
            }
            current = ++search;
            connection = opened; // before the search is sent: its refusal may come back at once
        }
        SearchRequest request = new SearchRequest(new Feed(current), directory.config().baseDn(), SearchScope.SUB,
                Filter.createPresenceFilter(OBJECT_CLASS), PERSON_ID);
        // critical: a server without persistent search refuses it rather than answering a plain search
        request.addControl(new PersistentSearchRequestControl(PersistentSearchChangeType.allChangeTypes(),
                true, true, true));
        request.setResponseTimeoutMillis(0); // it stays open
        try {
            opened.asyncSearch(request);
        } catch (LDAPException e) {
            ended(current, new SearchResult(e));
            return;
        }
        scheduler.schedule(() -> goLive(current), REGISTRATION_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void goLive(long which) {
        if (!closed && which == search && connection != null) {
            nextRetry = FIRST_RETRY;
            listener.live();
        }
    }

    private synchronized void changed(long which, SearchResultEntry entry) {
        if (closed || which != search) {
            return;
        }
        Optional<EntryChangeNotificationControl> notice;
        try {
            notice = Optional.ofNullable(EntryChangeNotificationControl.get(entry));
        } catch (LDAPException e) {
            notice = Optional.empty();
        }
        boolean renamed = notice.map(control -> control.getChangeType() == PersistentSearchChangeType.MODIFY_DN)
                .orElse(true);
        String[] personIds = entry.getAttributeValues(PERSON_ID);
        listener.changed(new Change(entry.getDN(), renamed,
                personIds == null ? Set.of() : Set.copyOf(Arrays.asList(personIds))));
    }

    private void ended(long which, SearchResult result) {
        synchronized (this) {
            if (closed || which != search) {
                return;
            }
            search++;
            LDAPConnection ending = connection;
            connection = null;
            listener.interrupted();
            scheduler.execute(ending::close); // not on the connection's own reader thread
        }
        if (REFUSALS.contains(result.getResultCode())) {
            LOG.log(System.Logger.Level.INFO, "Directory {0} does not report its changes ({1}): rights are read"
                    + " from it at every token", directory.config().url(), result.getResultCode());
            return;
        }
        retry(result.getResultCode() + " " + result.getResultString());
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

    private final class Feed implements AsyncSearchResultListener {
        private final long which;

        Feed(long which) {
            this.which = which;
        }

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            changed(which, entry);
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
