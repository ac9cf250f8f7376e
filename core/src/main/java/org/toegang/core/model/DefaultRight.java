package org.toegang.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A right of a default package: granted, with the work relation's validity, when a work relation
 * of the package's type is created in its organisation.
 */
public record DefaultRight(String clientId, String right, Optional<String> context) implements Comparable<DefaultRight> {
    public DefaultRight {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(context, "context");
    }

    /**
     * The directory form: the three parts joined by a space; client ids, right names and context
     * values hold no spaces in the directory ({@code toegangClientId}, {@code toegangRightName}
     * are names), so this is unambiguous. A part is percent-encoded if it ever holds one.
     */
    public String encoded() {
        return encode(clientId) + " " + encode(right) + context.map(value -> " " + encode(value)).orElse("");
    }

    public static DefaultRight decode(String value) {
        String[] parts = value.split(" ");
        return new DefaultRight(decodePart(parts[0]), decodePart(parts[1]),
                parts.length > 2 ? Optional.of(decodePart(parts[2])) : Optional.empty());
    }

    private static String encode(String part) {
        return part.replace("%", "%25").replace(" ", "%20");
    }

    private static String decodePart(String part) {
        return part.replace("%20", " ").replace("%25", "%");
    }

    @Override
    public int compareTo(DefaultRight other) {
        return encoded().compareTo(other.encoded());
    }
}
