package org.toegang.scim.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records acknowledged changes in the journal in groups (a group commit): every worker that
 * finished a change waits here until its acknowledgement is committed, and whatever arrived while
 * the previous commit was being written goes into the next one. The journal's durability is
 * unchanged (nothing counts as delivered before its commit), but a backlog delivered by many
 * workers costs one transaction, and on H2 one write to disk, per group instead of per change,
 * which was the larger part of the cost of a change to a fast target. Thread-safe.
 */
final class Acknowledgements implements AutoCloseable {
    private static final int MOST_AT_ONCE = 256;

    private record Pending(Journal.Delivery delivery, CompletableFuture<Void> committed) {
    }

    private final Journal journal;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;

    Acknowledgements(Journal journal) {
        this.journal = journal;
        this.committer = Deliveries.daemon("toegang-provisioning-journal").newThread(this::commitLoop);
        committer.start();
    }

    /**
     * Records that the target acknowledged {@code entry}; returns once that is committed.
     *
     * @throws IllegalStateException when the journal could not commit it (nothing was recorded)
     */
    void delivered(JournalEntry entry, Optional<String> targetId) {
        Pending pending = new Pending(new Journal.Delivery(entry, targetId), new CompletableFuture<>());
        queue.add(pending);
        while (true) {
            try {
                pending.committed().get(1, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                if (!committer.isAlive() && !pending.committed().isDone()) {
                    throw new IllegalStateException("Provisioning is stopping");
                }
            } catch (InterruptedException e) {
                // stopping: the acknowledgement is committed or not, as the journal will tell after a restart
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Provisioning is stopping", e);
            }
        }
    }

    /**
     * Commits what is queued, in groups, until closed. Never interrupted: an interrupt in the
     * middle of a write can close the database's file.
     */
    private void commitLoop() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            group.add(first);
            queue.drainTo(group, MOST_AT_ONCE - 1);
            try {
                journal.delivered(group.stream().map(Pending::delivery).toList());
                group.forEach(pending -> pending.committed().complete(null));
            } catch (RuntimeException e) {
                group.forEach(pending -> pending.committed().completeExceptionally(e));
            }
            group.clear();
        }
    }

    /** Commits what is queued already, then stops; call once no worker records anything any more. */
    @Override
    public void close() {
        closed = true;
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
