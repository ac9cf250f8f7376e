package org.toegang.scim.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.toegang.core.directory.DirectoryChanges;
import org.toegang.core.directory.PersonRights;
import org.toegang.core.directory.ProvisioningSource;
import org.toegang.core.provisioning.AccountState;
import org.toegang.core.provisioning.ProvisioningRule;
import org.toegang.core.provisioning.TargetConfig;

/**
 * Turns what happens into changes in the journal, without polling everything: a directory change
 * names the people concerned (through the entryUUIDs of their entries when an entry was deleted);
 * the validity boundaries of their grants and work relations are scheduled, so that a right that
 * starts or ends is noticed at that moment without any directory write; and every time the
 * directory's change feed becomes live (at start, and after a lost connection) everyone a target
 * holds or should hold is recomputed, which catches up with whatever happened while no feed ran.
 *
 * <p>For each person and target the rule in core decides the state; a change is queued only when
 * it differs from the state last queued, and never for a person the target has not held and
 * should not hold (need-to-know). All of it runs on one thread, so changes reach the journal in
 * the order they were decided.
 */
final class ChangeFollower implements DirectoryChanges.Listener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChangeFollower.class.getName());
    private static final int BATCH = 500;

    private final ProvisioningSource source;
    private final Journal journal;
    private final Deliveries deliveries;
    private final List<TargetConfig> targets;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Deliveries.daemon("toegang-provisioning-changes"));
    /** Per target, per person: the state last queued. Only touched on {@link #thread}. */
    private final Map<String, Map<String, AccountState>> queued = new HashMap<>();
    /** entryUUID of a grant, work relation or person entry, to the person's id. */
    private final Map<String, String> personOfEntry = new ConcurrentHashMap<>();
    /** Per person, the boundary already scheduled. Only touched on {@link #thread}. */
    private final Map<String, Instant> scheduled = new HashMap<>();
    private final Set<String> waiting = new LinkedHashSet<>();

    ChangeFollower(ProvisioningSource source, Journal journal, Deliveries deliveries, List<TargetConfig> targets,
                   Clock clock) {
        this.source = source;
        this.journal = journal;
        this.deliveries = deliveries;
        this.targets = List.copyOf(targets);
        this.clock = clock;
        for (TargetConfig target : targets) {
            Map<String, AccountState> states = new HashMap<>();
            journal.accounts(target.name()).forEach((person, account) -> states.put(person, account.queued()));
            queued.put(target.name(), states);
        }
    }

    @Override
    public void live() {
        submit(this::catchUp);
    }

    @Override
    public void interrupted() {
        LOG.log(System.Logger.Level.INFO, "The directory's change feed was interrupted; catching up when it is back");
    }

    @Override
    public void changed(DirectoryChanges.Change change) {
        Set<String> people = new HashSet<>(change.personIds());
        change.entryUuid().map(personOfEntry::get).ifPresent(people::add);
        if (!people.isEmpty()) {
            recompute(people);
        }
    }

    /** Recomputes these people at every target, soon. */
    void recompute(Collection<String> personIds) {
        Set<String> copy = Set.copyOf(personIds);
        submit(() -> {
            boolean first = waiting.isEmpty();
            waiting.addAll(copy);
            if (first) {
                // what arrives meanwhile is read in the same searches
                thread.schedule(this::drain, 20, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Recomputes everyone any target holds or should hold; what a reconciliation and a (re)start do. */
    void catchUp() {
        Set<String> everyone = new LinkedHashSet<>();
        for (TargetConfig target : targets) {
            everyone.addAll(source.holdersOf(target.application()));
            everyone.addAll(queued.get(target.name()).keySet());
        }
        LOG.log(System.Logger.Level.INFO, "Provisioning catches up: {0} people", everyone.size());
        List<String> all = new ArrayList<>(everyone);
        for (int start = 0; start < all.size(); start += BATCH) {
            decide(all.subList(start, Math.min(all.size(), start + BATCH)), false);
        }
    }

    /** Queues the state every target should hold for these people even when it equals the one last queued. */
    void force(Collection<String> personIds) {
        submit(() -> decide(List.copyOf(personIds), true));
    }

    /**
     * Decides, outside any running follower, the state {@code target} should hold for these people
     * and queues it (what a reconciliation's repair from the command line does).
     */
    static void queueNow(ProvisioningSource source, Journal journal, TargetConfig target, List<String> personIds,
                         Clock clock) {
        Instant now = clock.instant();
        Map<String, PersonRights> read = source.read(personIds);
        Map<String, JournalAccount> known = journal.accounts(target.name());
        List<Journal.Change> changes = new ArrayList<>();
        for (String personId : personIds) {
            PersonRights rights = read.get(personId);
            JournalAccount account = known.get(personId);
            if (rights != null) {
                changes.add(new Journal.Change(target.name(), ProvisioningRule.stateAt(rights.person(),
                        target.application(), rights.grants(), rights.workRelations(), now)));
            } else if (account != null) {
                AccountState before = account.queued();
                changes.add(new Journal.Change(target.name(), AccountState.inactive(before.personId(),
                        before.username(), before.givenName(), before.familyName(), before.email())));
            }
        }
        journal.enqueue(changes, now);
    }

    private void drain() {
        List<String> people = new ArrayList<>(waiting);
        waiting.clear();
        for (int start = 0; start < people.size(); start += BATCH) {
            decide(people.subList(start, Math.min(people.size(), start + BATCH)), false);
        }
    }

    private void decide(List<String> personIds, boolean force) {
        Instant now = clock.instant();
        Map<String, PersonRights> read = source.read(personIds);
        List<Journal.Change> changes = new ArrayList<>();
        for (String personId : personIds) {
            PersonRights rights = read.get(personId);
            if (rights != null) {
                rights.entryUuids().forEach(uuid -> personOfEntry.put(uuid, personId));
                ProvisioningRule.nextBoundary(rights.grants(), rights.workRelations(), now)
                        .ifPresent(boundary -> scheduleBoundary(personId, boundary));
            }
            for (TargetConfig target : targets) {
                Map<String, AccountState> states = queued.get(target.name());
                AccountState before = states.get(personId);
                Optional<AccountState> desired = rights != null
                        ? Optional.of(ProvisioningRule.stateAt(rights.person(), target.application(), rights.grants(),
                                rights.workRelations(), now))
                        // the person is gone from the directory: whoever held them takes the account away
                        : Optional.ofNullable(before).map(state -> AccountState.inactive(state.personId(),
                                state.username(), state.givenName(), state.familyName(), state.email()));
                if (desired.isEmpty() || (before == null && !desired.get().active() && !force)) {
                    continue; // never held there and no right of that application: nothing may leave
                }
                if (force || !desired.get().equals(before)) {
                    changes.add(new Journal.Change(target.name(), desired.get()));
                    states.put(personId, desired.get());
                }
            }
        }
        if (!changes.isEmpty()) {
            journal.enqueue(changes, now);
            deliveries.wake();
        }
    }

    private void scheduleBoundary(String personId, Instant boundary) {
        Instant known = scheduled.get(personId);
        if (known != null && !known.isAfter(boundary) && known.isAfter(clock.instant())) {
            return; // an earlier or equal wake-up is already set; it schedules the next one itself
        }
        scheduled.put(personId, boundary);
        // a few milliseconds past the boundary: validity ends are exclusive, starts inclusive
        long delay = Math.max(0, boundary.toEpochMilli() - clock.millis()) + 5;
        try {
            thread.schedule(() -> submit(() -> {
                if (boundary.equals(scheduled.get(personId))) {
                    scheduled.remove(personId);
                }
                decide(List.of(personId), false);
            }), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void submit(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Provisioning could not read the directory or write the"
                            + " journal ({0}); a catch-up follows in 5 s", e.getMessage());
                    thread.schedule(this::catchUpQuietly, 5, TimeUnit.SECONDS);
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void catchUpQuietly() {
        submit(this::catchUp);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
