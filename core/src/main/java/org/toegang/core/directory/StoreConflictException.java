package org.toegang.core.directory;

/**
 * A write was refused because of the state of the directory, not because of its input. The
 * {@link Kind} says why, so that callers can answer precisely (SCIM: 409 uniqueness, 412).
 */
public final class StoreConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a write was refused. */
    public enum Kind {
        /** Another entry already holds a value that must be unique. */
        UNIQUENESS,
        /** The caller's version of the entry is no longer the stored one. */
        STALE_VERSION,
        /** A search would return more entries than allowed. */
        TOO_MANY_RESULTS
    }

    private final Kind kind;
    private final String field;

    private StoreConflictException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static StoreConflictException uniqueness(String field, String value) {
        return new StoreConflictException(Kind.UNIQUENESS, field, field + " \"" + value + "\" is already taken");
    }

    static StoreConflictException staleVersion(String id) {
        return new StoreConflictException(Kind.STALE_VERSION, "version",
                "person " + id + " was changed since the given version was read");
    }

    /** {@code what}, e.g. {@code grant 5f1c...}, was changed since the given revision was read. */
    static StoreConflictException staleRevision(String what) {
        return new StoreConflictException(Kind.STALE_VERSION, "If-Match",
                what + " was changed since the given version was read");
    }

    static StoreConflictException tooManyResults(int limit) {
        return new StoreConflictException(Kind.TOO_MANY_RESULTS, "filter",
                "the search matches more than " + limit + " entries; narrow the filter");
    }

    public Kind kind() {
        return kind;
    }

    /** The field concerned, e.g. {@code userName}. */
    public String field() {
        return field;
    }
}
