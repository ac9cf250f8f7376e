package org.toegang.core;

import java.util.Objects;

/**
 * Thrown when an input value (an identifier, a role string, a code) does not satisfy its rule.
 *
 * <p>Every instance names the offending field ({@link #field()}) and carries a plain-English
 * message of the form {@code <field> "<input>": <reason>} or {@code <field> <reason>}, for
 * example {@code nationalRegisterNumber "85031212363": check digits 63 do not match 62}.
 * Instances are made only through the static factory methods, so the message format stays
 * the same everywhere in core.
 *
 * <p>Messages echo the offending input. Some inputs are personal data (a national register
 * number), so callers must not show a message to anyone but the person who typed the value,
 * and should not log it verbatim.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Longer inputs are cut, so a hostile value cannot flood a log or an error page. */
    private static final int MAX_ECHOED_INPUT = 64;

    private final String field;

    private ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * A required value is absent: {@code null}, empty or only whitespace.
     *
     * @param field the name of the field, e.g. {@code "kboNumber"}; must not be null
     * @return a new exception, never null
     * @throws NullPointerException if {@code field} is null
     */
    public static ValidationException missing(String field) {
        return new ValidationException(requireField(field), field + " is required but was missing or blank");
    }

    /**
     * A value was given but breaks a rule; the message quotes the (sanitised) input.
     *
     * @param field  the name of the field; must not be null
     * @param input  the offending input as received; may be null
     * @param reason why it is refused, in plain English, starting in lower case; must not be null
     * @return a new exception, never null
     * @throws NullPointerException if {@code field} or {@code reason} is null
     */
    public static ValidationException invalid(String field, String input, String reason) {
        Objects.requireNonNull(reason, "reason");
        return new ValidationException(requireField(field),
                field + " \"" + sanitise(input) + "\": " + reason);
    }

    /**
     * A value breaks a rule and quoting it would not help the reader (or it is not a single
     * string).
     *
     * @param field  the name of the field; must not be null
     * @param reason why it is refused, in plain English, starting in lower case; must not be null
     * @return a new exception, never null
     * @throws NullPointerException if {@code field} or {@code reason} is null
     */
    public static ValidationException invalid(String field, String reason) {
        Objects.requireNonNull(reason, "reason");
        return new ValidationException(requireField(field), field + ": " + reason);
    }

    /**
     * The name of the field whose value was refused, e.g. {@code "nationalRegisterNumber"}.
     *
     * @return the field name, never null
     */
    public String field() {
        return field;
    }

    private static String requireField(String field) {
        return Objects.requireNonNull(field, "field");
    }

    /** Control characters are replaced so a message can never forge a log line. */
    private static String sanitise(String input) {
        if (input == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_ECHOED_INPUT + 1));
        for (int i = 0; i < input.length() && i < MAX_ECHOED_INPUT; i++) {
            char c = input.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (input.length() > MAX_ECHOED_INPUT) {
            out.append('…');
        }
        return out.toString();
    }
}
