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
     * Why: the input breaks a rule (422), the resource is not in a state that allows it (409), or
     * it changed since the caller read it (412).
     */
    public enum Kind { INVALID, CONFLICT, STALE }

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
