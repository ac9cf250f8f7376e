package org.toegang.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A right an application defines.
 *
 * @param contextValues allowed context values; empty when the right takes none
 * @param grantableBy target group codes or organisation keys whose administrators may grant it,
 *        and whose organisations may receive it
 * @param approvalBy who decides a request, when {@code needsApproval}
 */
public record Right(String clientId, String name, Optional<String> description, List<String> contextValues,
                    boolean needsApproval, Optional<Duration> maximumDuration, Set<String> grantableBy,
                    ApprovalBy approvalBy) {
    public Right {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(maximumDuration, "maximumDuration");
        Objects.requireNonNull(approvalBy, "approvalBy");
        contextValues = List.copyOf(contextValues);
        grantableBy = Set.copyOf(grantableBy);
    }

    /** A right whose requests, if it needs approval, the application owner decides. */
    public Right(String clientId, String name, Optional<String> description, List<String> contextValues,
                 boolean needsApproval, Optional<Duration> maximumDuration, Set<String> grantableBy) {
        this(clientId, name, description, contextValues, needsApproval, maximumDuration, grantableBy, ApprovalBy.OWNER);
    }
}
