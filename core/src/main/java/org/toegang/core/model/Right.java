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
 * @param grantableBy target group codes or organisation keys whose administrators may grant it
 */
public record Right(String clientId, String name, Optional<String> description, List<String> contextValues,
                    boolean needsApproval, Optional<Duration> maximumDuration, Set<String> grantableBy) {
    public Right {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(maximumDuration, "maximumDuration");
        contextValues = List.copyOf(contextValues);
        grantableBy = Set.copyOf(grantableBy);
    }
}
