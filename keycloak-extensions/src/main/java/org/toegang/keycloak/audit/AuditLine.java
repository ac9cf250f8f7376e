package org.toegang.keycloak.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One audit record as a single line of {@code key=value} pairs (the "logfmt" convention), so log
 * tools can parse it and a reader can scan it. Values are quoted when they hold spaces, quotes or
 * {@code =}, and control characters are escaped: a user name typed with a line break can never
 * forge a second record.
 *
 * <p>Not thread-safe; make one per record.
 */
final class AuditLine {
    /** Detail keys whose values may be secret are left out, whatever their event. */
    private static final Pattern SENSITIVE_KEY =
            Pattern.compile("(?i).*(pass|secret|token|credential|assertion|otp|private).*|code");
    private static final Pattern UNSAFE_KEY_CHARACTERS = Pattern.compile("[^A-Za-z0-9_.-]");

    private final Map<String, String> fields = new LinkedHashMap<>();

    /** Adds a field unless its value is null or empty; a key already present keeps its first value. */
    AuditLine add(String key, String value) {
        if (value != null && !value.isEmpty()) {
            fields.putIfAbsent(safeKey(key), value);
        }
        return this;
    }

    /** Adds event details in key order, leaving out those whose key suggests a secret. */
    AuditLine addDetails(Map<String, String> details) {
        if (details != null) {
            details.entrySet().stream()
                    .filter(detail -> detail.getKey() != null && !isSensitive(detail.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(detail -> add(detail.getKey(), detail.getValue()));
        }
        return this;
    }

    static boolean isSensitive(String key) {
        return SENSITIVE_KEY.matcher(key).matches();
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        fields.forEach((key, value) -> {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(key).append('=');
            appendValue(line, value);
        });
        return line.toString();
    }

    private static String safeKey(String key) {
        return UNSAFE_KEY_CHARACTERS.matcher(key).replaceAll("_");
    }

    private static void appendValue(StringBuilder line, String value) {
        boolean quote = value.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c == '\\' || c < 0x20 || c == 0x7f);
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
