package org.toegang.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person administers an organisation in a role, optionally only for some applications.
 *
 * @param limitedToClientIds empty means every application
 */
public record Delegation(String id, String personId, String organisationKey, DelegationRole role,
                         Set<String> limitedToClientIds, Optional<Validity> validity) {
    public Delegation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(organisationKey, "organisationKey");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(validity, "validity");
        limitedToClientIds = Set.copyOf(limitedToClientIds);
    }
}
