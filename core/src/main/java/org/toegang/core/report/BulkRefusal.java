package org.toegang.core.report;

import java.util.List;
import java.util.Objects;

/**
 * Why one line of a bulk upload cannot be applied.
 *
 * @param line  the line number in the uploaded file (the header is line 1); 0 for the file as a whole
 * @param field the column at fault, or {@code line}/{@code header}/{@code file}
 */
public record BulkRefusal(int line, String field, String reason) {
    public BulkRefusal {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** The upload as a whole cannot be read; nothing was changed. */
    public static final class Invalid extends RuntimeException {
        private final transient List<BulkRefusal> refusals;

        public Invalid(BulkRefusal refusal) {
            this(List.of(refusal));
        }

        public Invalid(List<BulkRefusal> refusals) {
            super(refusals.isEmpty() ? "invalid upload" : refusals.get(0).field() + " " + refusals.get(0).reason());
            this.refusals = List.copyOf(refusals);
        }

        public List<BulkRefusal> refusals() {
            return refusals;
        }
    }
}
