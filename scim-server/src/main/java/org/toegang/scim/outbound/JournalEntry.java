package org.toegang.scim.outbound;

import java.time.Instant;
import java.util.Optional;
import org.toegang.core.provisioning.AccountState;

/**
 * One change in the journal: the state one target should hold for one person, as it was decided
 * at {@code enqueuedAt}. Changes of one person at one target are delivered in {@code seq} order.
 */
public record JournalEntry(long seq, String target, String personId, AccountState state, Instant enqueuedAt,
                           int attempts, Instant nextAttemptAt, boolean dead, Optional<String> lastError) {
}
