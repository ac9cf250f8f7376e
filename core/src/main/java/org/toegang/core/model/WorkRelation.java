package org.toegang.core.model;

import java.util.Objects;

/** A person works for an organisation, of some type, for a period. */
public record WorkRelation(String id, String personId, String organisationKey, WorkRelationType type,
                           Validity validity) {
    public WorkRelation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(organisationKey, "organisationKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validity, "validity");
    }
}
