package org.toegang.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A person asks to work for an organisation: what they ask for (type and validity), why, and how
 * it was decided. Only an administrator of the organisation decides it, never the person it
 * concerns; approving it creates the work relation named by {@code workRelationId}. Immutable.
 *
 * @param reason the requester's reason
 * @param decidedBy directory id of the administrator who approved or rejected it
 * @param decisionReason why it was approved or rejected
 * @param workRelationId the work relation its approval created
 */
public record WorkRelationRequest(String id, String personId, String organisationKey, WorkRelationType type,
                                  Validity validity, RequestStatus status, Optional<String> reason,
                                  Optional<String> decidedBy, Optional<String> decisionReason,
                                  Optional<String> workRelationId) {
    public WorkRelationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(organisationKey, "organisationKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decisionReason, "decisionReason");
        Objects.requireNonNull(workRelationId, "workRelationId");
    }

    /** The same request in another state. */
    public WorkRelationRequest decided(RequestStatus newStatus, Optional<String> by, Optional<String> why,
                                       Optional<String> relation) {
        return new WorkRelationRequest(id, personId, organisationKey, type, validity, newStatus, reason, by, why,
                relation);
    }
}
