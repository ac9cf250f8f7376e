package org.toegang.core.model;

import java.util.Objects;

/**
 * A person works for an organisation, of some type, for a period.
 *
 * @param primary whether the person marked this relation as their primary one (directory
 *                attribute {@code toegangPrimary}); it decides {@code vo_orgcode} in a capacity per
 *                target group ({@link org.toegang.core.capacity.PrimaryOrganisation})
 */
public record WorkRelation(String id, String personId, String organisationKey, WorkRelationType type,
                           Validity validity, boolean primary) {

    /** A relation without the primary mark. */
    public WorkRelation(String id, String personId, String organisationKey, WorkRelationType type, Validity validity) {
        this(id, personId, organisationKey, type, validity, false);
    }

    public WorkRelation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(organisationKey, "organisationKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validity, "validity");
    }
}
