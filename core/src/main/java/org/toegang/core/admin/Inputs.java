package org.toegang.core.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.toegang.core.model.Validity;

/**
 * Reads the API's input values, refusing with the field's name: free text is at most
 * {@value #MAX_TEXT} characters without control characters (a NUL or a line break has no place
 * in a name or a reason, and could forge log lines); every other character, including those LDAP
 * gives a meaning ({@code * ( ) \ , + =}), is kept exactly: the stores escape them.
 */
public final class Inputs {
    public static final int MAX_TEXT = 500;

    private Inputs() {
    }

    /** A required text value. */
    public static String text(String field, String value) {
        return optionalText(field, value).orElseThrow(() -> RefusedException.invalid(field, "is required"));
    }

    /** An optional text value; blank counts as absent. */
    public static Optional<String> optionalText(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > MAX_TEXT) {
            throw RefusedException.invalid(field, "is longer than " + MAX_TEXT + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw RefusedException.invalid(field, "contains control characters");
        }
        return Optional.of(value.strip());
    }

    /**
     * A validity period from {@code validFrom} (default: now) to {@code validTo} (optional), each an
     * ISO-8601 instant ({@code 2026-05-01T00:00:00Z}) or a date (start of that day, UTC).
     */
    public static Validity validity(String prefix, String validFrom, String validTo, Instant now) {
        Instant from = validFrom == null || validFrom.isBlank() ? now : instant(prefix + "validFrom", validFrom);
        Optional<Instant> to = validTo == null || validTo.isBlank() ? Optional.empty()
                : Optional.of(instant(prefix + "validTo", validTo));
        if (to.isPresent() && !to.get().isAfter(from)) {
            throw RefusedException.invalid(prefix + "validTo", "must be after validFrom");
        }
        return new Validity(from, to);
    }

    static Instant instant(String field, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw RefusedException.invalid(field, "is not an ISO-8601 instant or date");
        }
    }
}
