package org.toegang.core.directory;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.toegang.core.model.Organisation;

/**
 * Reads organisations' rosters ({@link OrganisationRosters}) before anybody lists them, on one
 * background thread, so that the first listing of an organisation of 10,000 people does not wait
 * the second or so its roster takes to read: when the change feed becomes live (a node's start,
 * and again after an interruption, which drops every roster), every organisation's roster in
 * turn, only into the room the rosters have left and never past the first that does not fit; and
 * when someone looks at their organisations ({@link #prepare}), those they may list the people of,
 * read as their listing would read them. An organisation already kept or already waiting is not
 * read again, nothing is read while rosters are not kept, and beyond {@value #MOST_WAITING}
 * waiting organisations the newest are left for their listing to read. A failed read (a directory
 * that is down) is left for the listing too. Thread-safe.
 */
public final class RosterPrefetch implements DirectoryChanges.Listener, AutoCloseable {
    static final int MOST_WAITING = 256;
    private static final System.Logger LOG = System.getLogger(RosterPrefetch.class.getName());
    private static final String EVERY_ORGANISATION = "\u0000every organisation";

    private final OrganisationPeople people;
    private final RegistryStore registry;
    private final OrganisationRosters rosters;
    /** Organisation keys as the rosters key them, and {@link #EVERY_ORGANISATION}, while they wait or are read. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor reader;
    /** Counts the times the feed became live, so that a walk that overlapped one starts again. */
    private final AtomicLong lives = new AtomicLong();

    /** @param rosters the node's rosters, which this listener must follow the change feed after */
    public RosterPrefetch(Directory directory, OrganisationRosters rosters) {
        this.people = new OrganisationPeople(directory, rosters);
        this.registry = new RegistryStore(directory);
        this.rosters = rosters;
        this.reader = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MOST_WAITING),
                runnable -> {
                    Thread thread = new Thread(runnable, "toegang-roster-prefetch");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
    }

    /** Reads the rosters of these organisations that are not kept, in the background. */
    public void prepare(Collection<String> organisationKeys) {
        organisationKeys.forEach(key -> submit(OrganisationRosters.key(key), () -> people.prepare(key)));
    }

    /**
     * Every organisation's roster in turn, into the room left ({@link OrganisationPeople#prepareIntoRoom});
     * from the start again when the feed became live again meanwhile (which dropped every roster).
     */
    private void readEveryOrganisation() {
        long walk;
        do {
            walk = lives.get();
            long begin = System.nanoTime();
            int read = 0;
            for (Organisation organisation : registry.organisations().stream().map(Versioned::value).toList()) {
                if (!rosters.hasRoom() || !people.prepareIntoRoom(organisation.key())) {
                    break;
                }
                read++;
            }
            LOG.log(System.Logger.Level.INFO, "Read the rosters of {0} organisations ahead in {1} ms", read,
                    (System.nanoTime() - begin) / 1_000_000);
        } while (walk != lives.get());
    }

    /** Whether nothing waits or is being read. */
    boolean idle() {
        return waiting.isEmpty();
    }

    private void submit(String waitingKey, Runnable read) {
        if (rosters.ticket().isEmpty() || !waiting.add(waitingKey)) {
            return;
        }
        try {
            reader.execute(() -> {
                try {
                    read.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Reading a roster ahead failed; its listing reads it", e);
                } finally {
                    waiting.remove(waitingKey);
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.remove(waitingKey);
        }
    }

    @Override
    public void live() {
        lives.incrementAndGet();
        submit(EVERY_ORGANISATION, this::readEveryOrganisation);
    }

    @Override
    public void interrupted() {
    }

    @Override
    public void changed(DirectoryChanges.Change change) {
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
