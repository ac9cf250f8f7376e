package org.toegang.core.directory;

import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reads directory times. Stateless and thread-safe. */
final class GeneralizedTimes {
    private GeneralizedTimes() {
    }

    /**
     * A GeneralizedTime (RFC 4517 3.3.13). Every token parses several per grant, so the form the
     * SDK and our writers produce, UTC {@code yyyyMMddHHmmss[.fff]Z}, is read directly; any other
     * form (minutes only, an offset) goes to the SDK's general parser, which builds a
     * {@code SimpleDateFormat} per call: in a profile of refreshes it was the largest part of the
     * Keycloak CPU our providers spend on reading a person's grants.
     */
    static Instant parse(String value) throws ParseException {
        int length = value.length();
        if (length >= 15 && value.charAt(length - 1) == 'Z' && digits(value, 0, 14)
                && (length == 15 || (length >= 17 && length <= 25 && value.charAt(14) == '.' && digits(value, 15, length - 1)))) {
            int nanos = 0;
            if (length > 15) {
                // milliseconds, as the SDK's parser keeps them
                String millis = (value.substring(15, length - 1) + "00").substring(0, 3);
                nanos = Integer.parseInt(millis) * 1_000_000;
            }
            try {
                return LocalDateTime.of(number(value, 0, 4), number(value, 4, 6), number(value, 6, 8),
                        number(value, 8, 10), number(value, 10, 12), number(value, 12, 14), nanos)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw new ParseException(value + ": " + e.getMessage(), 0);
            }
        }
        return StaticUtils.decodeGeneralizedTime(value).toInstant();
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String value, int from, int to) {
        return Integer.parseInt(value, from, to, 10);
    }
}
