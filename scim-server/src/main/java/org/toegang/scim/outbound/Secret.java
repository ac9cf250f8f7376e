package org.toegang.scim.outbound;

import java.util.Objects;

/**
 * A credential (bearer token, client secret, database password). Its {@link #toString()} never
 * shows the value, so that no log line, exception message or debugger view can leak it by accident;
 * only {@link #reveal()} does, at the one place that sends it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value itself; call it only to put it on the wire. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "********";
    }
}
