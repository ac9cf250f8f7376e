package org.toegang.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A validity period (looptijd): from {@code from} inclusive until {@code to} exclusive, or
 * open-ended when {@code to} is absent.
 */
public record Validity(Instant from, Optional<Instant> to) {
    public Validity {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isPresent() && !to.get().isAfter(from)) {
            throw new IllegalArgumentException("validity ends at " + to.get() + ", not after its start " + from);
        }
    }

    public static Validity openEnded(Instant from) {
        return new Validity(from, Optional.empty());
    }

    public static Validity between(Instant from, Instant to) {
        return new Validity(from, Optional.of(to));
    }

    /** Whether {@code moment} lies in the period. */
    public boolean contains(Instant moment) {
        return !moment.isBefore(from) && to.map(moment::isBefore).orElse(true);
    }
}
