package org.toegang.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.List;
import org.toegang.core.role.RoleAssignment;
import org.toegang.core.role.ThreeDimensionalRole;

/**
 * A person holds a right of an application on behalf of an organisation, optionally refined by a
 * context value, for a period.
 */
public record Grant(String id, String personId, String clientId, String right, String organisationKey,
                    Optional<String> context, Validity validity, GrantStatus status, Optional<String> reason,
                    Optional<String> grantedBy, Optional<String> decidedBy) {
    public Grant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(organisationKey, "organisationKey");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(grantedBy, "grantedBy");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }

    /**
     * The grant as one 3D role, {@code <Right>[-<context>]:<organisation key>} (DOMAIN.md).
     *
     * @throws org.toegang.core.ValidationException when a part breaks the 3D role's rules
     */
    public ThreeDimensionalRole toThreeDimensionalRole() {
        return ThreeDimensionalRole.of(right, context.orElse(null), List.of(organisationKey));
    }

    /** What a 3D role needs of this grant. */
    public RoleAssignment toRoleAssignment() {
        return new RoleAssignment(right, context.orElse(null), organisationKey);
    }
}
