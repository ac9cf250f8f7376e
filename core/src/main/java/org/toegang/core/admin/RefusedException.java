package org.toegang.core.admin;

import java.util.List;
import org.toegang.core.ValidationException;

/**
 * A request was refused for its content or for the state it would change; each {@link FieldError}
 * names the field and the reason. {@link Kind} tells the API which status to answer.
 */
public final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Why: the input breaks a rule (422), the resource is not in a state that allows it (409), it
     * changed since the caller read it (412), or a change of it did not name the revision it was
     * made against (428).
     */
    public enum Kind { INVALID, CONFLICT, STALE, PRECONDITION_REQUIRED }

    /** One refused field: its name (e.g. {@code validTo}, {@code changes[699].validTo}) and why. */
    public record FieldError(String field, String reason) {
    }

    private final Kind kind;
    private final transient List<FieldError> errors;

    private RefusedException(Kind kind, List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.reason()).reduce((a, b) -> a + "; " + b).orElse("refused"));
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static RefusedException invalid(String field, String reason) {
        return new RefusedException(Kind.INVALID, List.of(new FieldError(field, reason)));
    }

    public static RefusedException invalid(List<FieldError> errors) {
        return new RefusedException(Kind.INVALID, errors);
    }

    public static RefusedException conflict(String field, String reason) {
        return new RefusedException(Kind.CONFLICT, List.of(new FieldError(field, reason)));
    }

    public static RefusedException stale(String field, String reason) {
        return new RefusedException(Kind.STALE, List.of(new FieldError(field, reason)));
    }

    /** A change of an existing resource that does not name the revision it was made against ({@code If-Match}). */
    public static RefusedException preconditionRequired() {
        return new RefusedException(Kind.PRECONDITION_REQUIRED, List.of(new FieldError("If-Match", "is required")));
    }

    /**
     * The revision a change of an existing resource was made against.
     *
     * @throws RefusedException (precondition required) when there is none
     */
    public static String requireRevision(java.util.Optional<String> ifMatch) {
        return ifMatch.orElseThrow(RefusedException::preconditionRequired);
    }

    /** A core validation failure, with its field, optionally placed under a prefix such as {@code changes[3].}. */
    public static FieldError of(ValidationException e, String prefix) {
        return new FieldError(prefix + e.field(), e.getMessage());
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
