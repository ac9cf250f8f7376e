package org.toegang.core.directory;

import java.util.function.LongSupplier;

/**
 * Whether what a cache kept while following the directory's change feed may still serve: the feed
 * is live and proved it within {@link RightsCache#SILENCE_BOUND} (a keep-alive answered, or a change
 * reported). A silent partition keeps the feed's connection open with no packet arriving, so only
 * a recent proof tells a quiet directory from a lost one. Not thread-safe: its owner guards it.
 */
final class FeedProof {
    private final LongSupplier nanoTime;
    private boolean live;
    private long provenAtNanos;

    FeedProof(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    void live() {
        live = true;
        proved();
    }

    void proved() {
        provenAtNanos = nanoTime.getAsLong();
    }

    void interrupted() {
        live = false;
    }

    boolean holds() {
        return live && nanoTime.getAsLong() - provenAtNanos <= RightsCache.SILENCE_BOUND.toNanos();
    }
}
