package org.toegang.scim.protocol;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import java.util.Arrays;
import java.util.Optional;

/** Entity-tag preconditions (RFC 7232, RFC 7644 §3.14), over versions compared weakly. */
public final class ETags {
    private ETags() {
    }

    /** The version an {@code If-Match} header requires, or empty for none or {@code *}. */
    public static Optional<String> requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        String[] tags = ifMatch.split(",");
        // Several tags: only the first can be checked atomically; a client sends one in practice.
        return Optional.of(opaque(tags[0]));
    }

    /** Whether any tag in an {@code If-None-Match} header matches {@code version}. */
    public static boolean matchesAny(String ifNoneMatch, String version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return ifNoneMatch.strip().equals("*")
                || Arrays.stream(ifNoneMatch.split(",")).map(ETags::opaque).anyMatch(version::equals);
    }

    /** Refuses when {@code If-Match} names another version than the current one. */
    public static void requireMatch(String ifMatch, String currentVersion) throws PreconditionFailedException {
        Optional<String> required = requiredVersion(ifMatch);
        if (required.isPresent() && Arrays.stream(ifMatch.split(",")).map(ETags::opaque).noneMatch(currentVersion::equals)) {
            throw new PreconditionFailedException("The resource has changed since version " + required.get());
        }
    }

    private static String opaque(String tag) {
        String value = tag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }
}
