package org.toegang.core.identifier;

import java.util.Locale;
import java.util.regex.Pattern;

import org.toegang.core.ValidationException;

/**
 * An OVO code, the identifier of a Flemish government entity in the Flemish register of
 * organisations (Organisatieregister Vlaamse Overheid): {@code OVO} followed by 6 digits, for
 * example {@code OVO900001}. It is the organisation key of the target group {@code GID}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OvoCode {

    /** The field name used in {@link ValidationException}s. */
    public static final String FIELD = "ovoCode";

    // [0-9] rather than \d, so that only ASCII digits are accepted whatever the flags
    private static final Pattern FORMAT = Pattern.compile("OVO[0-9]{6}");

    private final String value;

    private OvoCode(String value) {
        this.value = value;
    }

    /**
     * Parses an OVO code. Surrounding whitespace is ignored and the prefix may be in any case:
     * {@code ovo900001} gives {@code OVO900001}.
     *
     * @param input the code as typed or received; may be null
     * @return the parsed code, never null
     * @throws ValidationException with field {@value #FIELD} if the input is null or blank, or
     *         is not {@code OVO} followed by exactly 6 digits
     */
    public static OvoCode parse(String input) {
        if (input == null || input.isBlank()) {
            throw ValidationException.missing(FIELD);
        }
        String code = input.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(code).matches()) {
            throw ValidationException.invalid(FIELD, input,
                    "must be OVO followed by 6 digits, as in OVO900001");
        }
        return new OvoCode(code);
    }

    /**
     * The canonical stored form, upper case: {@code OVO900001}.
     *
     * @return the code, never null
     */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OvoCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Returns {@link #value()}. */
    @Override
    public String toString() {
        return value;
    }
}
