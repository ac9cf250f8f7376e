package org.toegang.core.capacity;

import java.util.List;
import java.util.Objects;

import org.toegang.core.model.Application;

/**
 * What the capacity step of a sign-in does for one person at one client, decided once in core
 * ({@link CapacityOffers#decide}); the sign-in page only renders it. Immutable and thread-safe.
 */
public sealed interface CapacityDecision {

    /** The client is no Toegang application (the account console): no capacity step. */
    record NotAnApplication() implements CapacityDecision {
    }

    /** The person holds exactly one capacity that fits (or the hint names one): it is taken. */
    record Take(Application application, Capacity capacity) implements CapacityDecision {
        public Take {
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(capacity, "capacity");
        }
    }

    /** The person holds several capacities that fit: they choose one, in this order. */
    record Choose(Application application, List<Capacity> capacities) implements CapacityDecision {
        public Choose {
            Objects.requireNonNull(application, "application");
            capacities = List.copyOf(capacities);
            if (capacities.size() < 2) {
                throw new IllegalArgumentException("a choice needs at least two capacities");
            }
        }
    }

    /** The person may not enter the application; {@code reason} says why. */
    record Refuse(Reason reason) implements CapacityDecision {
        public Refuse {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The application's {@code login_hint} cannot be read; {@code detail} names the field and why. */
    record MalformedHint(String detail) implements CapacityDecision {
        public MalformedHint {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a person is refused; each reason has a page text (message key) in the four languages. */
    enum Reason {
        /** The signed-in account has no entry in the directory. */
        NOT_IN_DIRECTORY("toegangRefusedNotInDirectory"),
        /** No active right at the application in any capacity it is open to. */
        NO_RIGHT("toegangRefusedNoRight"),
        /** The hint names a capacity the person does not hold. */
        FOREIGN_HINT("toegangRefusedForeignHint");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The theme's message key for the refusal page; never null. */
        public String messageKey() {
            return messageKey;
        }
    }
}
