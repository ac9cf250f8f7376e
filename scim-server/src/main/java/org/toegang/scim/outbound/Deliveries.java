package org.toegang.scim.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.toegang.core.provisioning.TargetConfig;

/**
 * Delivers the journal's changes to the targets: the changes of one person at one target one after
 * another in journal order, different people at once (up to {@code workers}). A failure that may
 * pass is tried again after an exponentially growing wait with jitter, or after the target's
 * {@code Retry-After}, during which the whole target rests (a target that is down or overloaded is
 * not hammered by every person's queue); after {@code maxAttempts} tries, or at once when the
 * target refuses the change, it becomes a dead letter, and that person's later changes go on.
 *
 * <p>The journal is the truth: this class loads what is queued there (all of it at start, what is
 * new after each {@link #wake()}), and removes a change from it only once the target acknowledged it.
 */
public final class Deliveries implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Deliveries.class.getName());
    private static final int LOAD = 2_000;

    private record Key(String target, String personId) {
    }

    private final Journal journal;
    private final Map<String, TargetWriter> writers = new HashMap<>();
    private final Map<String, TargetConfig> targets = new HashMap<>();
    private final ProvisioningConfig config;
    private final StatusBoard status;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Thread loader;
    private final Semaphore wake = new Semaphore(0);
    /** Guarded by this: queued changes per person and target, and the keys being worked on or waiting. */
    private final Map<Key, ArrayDeque<JournalEntry>> queues = new HashMap<>();
    private final Set<Key> busy = new HashSet<>();
    private final Map<String, Long> queuedPerTarget = new HashMap<>();
    private final Map<String, Instant> restingUntil = new ConcurrentHashMap<>();
    /**
     * The target's id of each account worked on since the start, as the journal has it: read from
     * the journal once per person and target, then kept here as each delivery records it (this
     * process is the journal's only writer), so a change costs no read of the journal.
     */
    private final Map<Key, Optional<String>> targetIds = new ConcurrentHashMap<>();
    private final Acknowledgements acknowledgements;
    private long loaded;
    private volatile boolean closed;

    Deliveries(Journal journal, Map<String, TargetClient> clients, ProvisioningConfig config, StatusBoard status,
               Clock clock) {
        this.journal = journal;
        this.config = config;
        this.status = status;
        this.clock = clock;
        clients.forEach((name, client) -> {
            writers.put(name, new TargetWriter(client));
            targets.put(name, client.target());
        });
        this.workers = Executors.newFixedThreadPool(config.workers(), daemon("toegang-provisioning-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("toegang-provisioning-timer"));
        this.loader = daemon("toegang-provisioning-loader").newThread(this::load);
        this.acknowledgements = new Acknowledgements(journal);
        status.queues(this::queueFigures);
    }

    void start() {
        loader.start();
        timer.scheduleWithFixedDelay(this::persistStatus, 1, 1, TimeUnit.SECONDS);
    }

    /** New changes were committed to the journal: load them. */
    void wake() {
        wake.release();
    }

    private void load() {
        while (!closed) {
            try {
                List<JournalEntry> entries;
                do {
                    entries = journal.pendingAfter(loaded, LOAD);
                    knowTargetIds(entries);
                    synchronized (this) {
                        for (JournalEntry entry : entries) {
                            Key key = new Key(entry.target(), entry.personId());
                            if (!writers.containsKey(entry.target())) {
                                continue; // a target no longer configured: its changes stay in the journal
                            }
                            queues.computeIfAbsent(key, k -> new ArrayDeque<>()).add(entry);
                            queuedPerTarget.merge(entry.target(), 1L, Long::sum);
                            loaded = Math.max(loaded, entry.seq());
                            if (busy.add(key)) {
                                runAt(key, entry.nextAttemptAt());
                            }
                        }
                    }
                } while (entries.size() == LOAD && !closed);
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "Cannot read the provisioning journal: {0}", e.getMessage());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    /**
     * Reads the target ids of the accounts of newly loaded changes in a few queries, so that no
     * delivery has to read its own. Only what is not known yet: a worker's later record is newer.
     */
    private void knowTargetIds(List<JournalEntry> entries) {
        Map<String, Set<String>> unknown = new HashMap<>();
        for (JournalEntry entry : entries) {
            if (!targetIds.containsKey(new Key(entry.target(), entry.personId()))) {
                unknown.computeIfAbsent(entry.target(), t -> new HashSet<>()).add(entry.personId());
            }
        }
        unknown.forEach((target, people) -> {
            Map<String, String> ids = journal.targetIds(target, people);
            people.forEach(person -> targetIds.putIfAbsent(new Key(target, person), Optional.ofNullable(ids.get(person))));
        });
    }

    private void runAt(Key key, Instant at) {
        long delay = Duration.between(clock.instant(), at).toMillis();
        try {
            if (delay <= 0) {
                workers.execute(() -> work(key));
            } else {
                timer.schedule(() -> workers.execute(() -> work(key)), delay, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void work(Key key) {
        if (closed) {
            return;
        }
        JournalEntry entry;
        synchronized (this) {
            entry = queues.get(key).peek();
        }
        Instant rest = restingUntil.get(key.target());
        if (rest != null && rest.isAfter(clock.instant())) {
            runAt(key, rest.plusMillis(ThreadLocalRandom.current().nextLong(50)));
            return;
        }
        try {
            Optional<String> knownId = targetIds.get(key);
            if (knownId == null) {
                knownId = journal.account(key.target(), key.personId()).flatMap(JournalAccount::targetId);
            }
            Optional<String> targetId = writers.get(key.target()).apply(entry.state(), knownId);
            acknowledgements.delivered(entry, targetId); // committed once this returns
            targetIds.put(key, targetId);
            status.succeeded(key.target());
            next(key);
        } catch (DeliveryFailure failure) {
            failed(key, entry, failure);
        } catch (RuntimeException e) {
            // the journal itself failed: nothing was recorded, try the same change again shortly
            LOG.log(System.Logger.Level.WARNING, "Provisioning journal failed: {0}", e.getMessage());
            runAt(key, clock.instant().plus(config.firstRetry()));
        }
    }

    private void failed(Key key, JournalEntry entry, DeliveryFailure failure) {
        int attempts = entry.attempts() + 1;
        String error = failure.getMessage();
        status.failed(key.target(), error);
        TargetConfig target = targets.get(key.target());
        if (!failure.retryable() || attempts >= target.maxAttempts()) {
            LOG.log(System.Logger.Level.WARNING, "Gave up change {0} for target {1} after {2} tries: {3}",
                    entry.seq(), key.target(), attempts, error);
            journal.dead(entry.seq(), attempts, error);
            status.deadLetter(key.target());
            next(key);
            return;
        }
        Duration wait = backoff(attempts, failure.retryAfter());
        Instant next = clock.instant().plus(wait);
        restingUntil.merge(key.target(), next, (a, b) -> a.isAfter(b) ? a : b);
        journal.failed(entry.seq(), attempts, next, error);
        JournalEntry retried = new JournalEntry(entry.seq(), entry.target(), entry.personId(), entry.state(),
                entry.enqueuedAt(), attempts, next, false, Optional.of(error));
        synchronized (this) {
            ArrayDeque<JournalEntry> queue = queues.get(key);
            queue.poll();
            queue.addFirst(retried);
        }
        runAt(key, next);
    }

    /**
     * The wait before try number {@code attempts + 1}: the target's {@code Retry-After} when it
     * gave one (never sooner), else {@code firstRetry * 2^(attempts-1)} capped at {@code longestRetry};
     * with up to half of it as random jitter, so that queues do not come back all at once.
     */
    Duration backoff(int attempts, Optional<Duration> retryAfter) {
        long base = Math.min(config.longestRetry().toMillis(),
                config.firstRetry().toMillis() << Math.min(20, attempts - 1));
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        if (retryAfter.isPresent()) {
            long told = retryAfter.get().toMillis();
            return Duration.ofMillis(told + ThreadLocalRandom.current().nextLong(Math.max(1, told / 10) + 1));
        }
        return Duration.ofMillis(jittered);
    }

    private void next(Key key) {
        synchronized (this) {
            ArrayDeque<JournalEntry> queue = queues.get(key);
            queue.poll();
            queuedPerTarget.merge(key.target(), -1L, Long::sum);
            if (queue.isEmpty()) {
                queues.remove(key);
                busy.remove(key);
                return;
            }
            runAt(key, queue.peek().nextAttemptAt());
        }
    }

    private synchronized StatusBoard.QueueFigures queueFigures(String target) {
        Instant oldest = null;
        for (Map.Entry<Key, ArrayDeque<JournalEntry>> entry : queues.entrySet()) {
            if (entry.getKey().target().equals(target)) {
                Instant head = entry.getValue().peek().enqueuedAt();
                oldest = oldest == null || head.isBefore(oldest) ? head : oldest;
            }
        }
        return new StatusBoard.QueueFigures(queuedPerTarget.getOrDefault(target, 0L), Optional.ofNullable(oldest));
    }

    /** Whether nothing is queued for any target. */
    public synchronized boolean idle() {
        return queues.isEmpty();
    }

    private void persistStatus() {
        try {
            status.changedSinceLastCall().forEach(journal::recordStatus);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot record the targets' status: {0}", e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        closed = true;
        loader.interrupt();
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acknowledgements.close();
        persistStatus();
    }
}
