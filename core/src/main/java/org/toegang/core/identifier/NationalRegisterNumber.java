package org.toegang.core.identifier;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

import org.toegang.core.ValidationException;

/**
 * A Belgian national register number (rijksregisternummer) or BIS number, stored as its
 * 11 digits {@code YYMMDDnnncc}.
 *
 * <p>The check digits are {@code cc = 97 - (YYMMDDnnn mod 97)}; for people born from 2000 on
 * the nine digits are prefixed with {@code 2} before the modulo. The century whose check
 * matches is recorded ({@link #century()}); at most one can match, because 2,000,000,000 is
 * not a multiple of 97.
 *
 * <p>BIS numbers add 20 (gender unknown when assigned) or 40 (gender known) to the month.
 * As in the real register, a month of 00 (20, 40 for BIS) means the month of birth is
 * unknown and a day of 00 means the day is unknown; any other date must be a real calendar
 * day of the matched century, so 29 February only exists in leap years.
 *
 * <p>The number is personal data: {@link #toString()} returns it in full, so do not log it.
 * Instances are immutable and thread-safe.
 */
public final class NationalRegisterNumber {

    /** The field name used in {@link ValidationException}s. */
    public static final String FIELD = "nationalRegisterNumber";

    private static final int LENGTH = 11;
    private static final long PREFIX_2000 = 2_000_000_000L;

    private final String value;
    private final int century;
    private final boolean bis;
    private final LocalDate birthDate; // null when the month or day of birth is unknown

    private NationalRegisterNumber(String value, int century, boolean bis, LocalDate birthDate) {
        this.value = value;
        this.century = century;
        this.bis = bis;
        this.birthDate = birthDate;
    }

    /**
     * Parses a national register number or BIS number. Surrounding whitespace is ignored, and
     * so are the usual separators inside it: {@code 85.03.12-123.62} and {@code 850312 123 62}
     * both give {@code 85031212362}.
     *
     * @param input the number as typed or received; may be null
     * @return the parsed number, never null
     * @throws ValidationException with field {@value #FIELD} if the input is null or blank,
     *         is not 11 digits, has wrong check digits, or encodes an impossible birth date
     */
    public static NationalRegisterNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw ValidationException.missing(FIELD);
        }
        String digits = input.strip().replace(".", "").replace("-", "").replace(" ", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ValidationException.invalid(FIELD, input,
                    "must contain only digits, optionally separated by dots, hyphens or spaces");
        }
        if (digits.length() != LENGTH) {
            throw ValidationException.invalid(FIELD, input,
                    "must have " + LENGTH + " digits, found " + digits.length());
        }
        long base = Long.parseLong(digits.substring(0, 9));
        int check = Integer.parseInt(digits.substring(9));
        int check1900 = (int) (97 - base % 97);
        int check2000 = (int) (97 - (PREFIX_2000 + base) % 97);
        int century;
        if (check == check1900) {
            century = 1900;
        } else if (check == check2000) {
            century = 2000;
        } else {
            throw ValidationException.invalid(FIELD, input, String.format(Locale.ROOT,
                    "check digits %02d do not match %02d (born before 2000) nor %02d (born in 2000 or later)",
                    check, check1900, check2000));
        }
        int year = century + Integer.parseInt(digits.substring(0, 2));
        int encodedMonth = Integer.parseInt(digits.substring(2, 4));
        int day = Integer.parseInt(digits.substring(4, 6));
        boolean bis = encodedMonth >= 20;
        int month = encodedMonth % 20; // 0-12, 20-32 and 40-52 all reduce to 0-12 here
        if (encodedMonth > 52 || month > 12) {
            throw ValidationException.invalid(FIELD, input, String.format(Locale.ROOT,
                    "month %02d is not 01-12, nor 21-32 or 41-52 for a BIS number"
                            + " (00, 20 or 40 when unknown)", encodedMonth));
        }
        return new NationalRegisterNumber(digits, century, bis, birthDate(input, year, month, day));
    }

    private static LocalDate birthDate(String input, int year, int month, int day) {
        if (day > 31) {
            throw ValidationException.invalid(FIELD, input, "day " + day + " is not 01-31 (00 when unknown)");
        }
        if (month == 0 || day == 0) {
            return null;
        }
        Month m = Month.of(month);
        if (day > m.length(Year.isLeap(year))) {
            throw ValidationException.invalid(FIELD, input, "day " + day + " does not exist in "
                    + m.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year);
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * The canonical stored form: 11 digits, no separators.
     *
     * @return the digits, never null
     */
    public String value() {
        return value;
    }

    /**
     * Whether this is a BIS number (month increased by 20 or 40), given to people who are
     * not in the national register.
     *
     * @return true for a BIS number
     */
    public boolean isBis() {
        return bis;
    }

    /**
     * The century whose check digits matched.
     *
     * @return 1900 for people born before 2000, 2000 for people born in 2000 or later
     */
    public int century() {
        return century;
    }

    /**
     * The birth date encoded in the number.
     *
     * @return the date, or empty when the register did not know the month or the day;
     *         never null
     */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NationalRegisterNumber that && value.equals(that.value);
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
