package org.toegang.core.audit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered identifiers for audit entries: UUID version 7 (RFC 9562 section 5.7), 48 bits of
 * milliseconds then random bits. Their text form sorts by time, so the directory can name entries
 * by id and a page cursor is simply the last id seen.
 */
public final class AuditIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuditIds() {
    }

    public static String next(Instant at) {
        long millis = at.toEpochMilli();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** The millisecond a version 7 id was made. */
    public static Instant instantOf(String id) {
        return Instant.ofEpochMilli(UUID.fromString(id).getMostSignificantBits() >>> 16);
    }
}
