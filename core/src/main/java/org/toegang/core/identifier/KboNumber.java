package org.toegang.core.identifier;

import java.util.Locale;

import org.toegang.core.ValidationException;

/**
 * A Belgian enterprise number (ondernemingsnummer) from the Crossroads Bank for Enterprises
 * (KBO), stored as its 10 digits, for example {@code 0900000147}.
 *
 * <p>The first digit is 0 or 1, and the last two digits are
 * {@code 97 - (first 8 digits mod 97)}. It is the organisation key of the target groups
 * {@code LB} and {@code EA}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KboNumber {

    /** The field name used in {@link ValidationException}s. */
    public static final String FIELD = "kboNumber";

    private static final int LENGTH = 10;

    private final String value;

    private KboNumber(String value) {
        this.value = value;
    }

    /**
     * Parses an enterprise number. Surrounding whitespace is ignored, and so are dots and
     * spaces inside it: {@code 0900.000.147} gives {@code 0900000147}.
     *
     * <p>The old 9-digit form is refused rather than silently given a leading 0: the caller
     * should store and show the number exactly as the register does.
     *
     * @param input the number as typed or received; may be null
     * @return the parsed number, never null
     * @throws ValidationException with field {@value #FIELD} if the input is null or blank, is
     *         not 10 digits, does not start with 0 or 1, or has wrong check digits
     */
    public static KboNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw ValidationException.missing(FIELD);
        }
        String digits = input.strip().replace(".", "").replace(" ", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ValidationException.invalid(FIELD, input,
                    "must contain only digits, optionally grouped with dots as in 0900.000.147");
        }
        if (digits.length() == LENGTH - 1) {
            throw ValidationException.invalid(FIELD, input,
                    "has the old 9-digit form; write the 10-digit number with a leading 0");
        }
        if (digits.length() != LENGTH) {
            throw ValidationException.invalid(FIELD, input,
                    "must have " + LENGTH + " digits, found " + digits.length());
        }
        if (digits.charAt(0) != '0' && digits.charAt(0) != '1') {
            throw ValidationException.invalid(FIELD, input,
                    "must start with 0 or 1, found " + digits.charAt(0));
        }
        int expected = (int) (97 - Long.parseLong(digits.substring(0, 8)) % 97);
        int check = Integer.parseInt(digits.substring(8));
        if (check != expected) {
            throw ValidationException.invalid(FIELD, input, String.format(Locale.ROOT,
                    "check digits %02d do not match %02d", check, expected));
        }
        return new KboNumber(digits);
    }

    /**
     * The canonical stored form: 10 digits, no separators.
     *
     * @return the digits, never null
     */
    public String value() {
        return value;
    }

    /**
     * The form people read, as the register prints it: {@code 0900.000.147}.
     *
     * @return the dotted form, never null
     */
    public String formatted() {
        return value.substring(0, 4) + '.' + value.substring(4, 7) + '.' + value.substring(7);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KboNumber that && value.equals(that.value);
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
