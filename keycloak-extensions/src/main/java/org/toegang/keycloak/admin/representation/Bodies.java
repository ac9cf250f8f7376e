package org.toegang.keycloak.admin.representation;

import java.util.List;
import java.util.Set;

/** The JSON bodies the API reads. Unknown properties are refused, so a typo cannot pass silently. */
public final class Bodies {
    private Bodies() {
    }

    public record GrantInput(String personId, String clientId, String right, String context, String validFrom,
                             String validTo, String reason) {
    }

    public record RequestInput(String organisationKey, String clientId, String right, String context,
                               String validFrom, String validTo, String reason) {
    }

    public record WorkRelationRequestInput(String organisationKey, String type, String validFrom, String validTo,
                                           String reason) {
    }

    public record ValidityInput(String validFrom, String validTo) {
    }

    public record ReasonInput(String reason) {
    }

    public record PersonInput(String nationalRegisterNumber, String givenName, String familyName, String email,
                              String workRelationType, String validFrom, String validTo) {
    }

    public record WorkRelationInput(String personId, String type, String validFrom, String validTo) {
    }

    public record WorkRelationChange(String type, String validFrom, String validTo) {
    }

    public record DelegationInput(String personId, String role, Set<String> limitedToClientIds, String validFrom,
                                  String validTo) {
    }

    public record OrganisationInput(String key, String name, String targetGroup, String parentKey) {
    }

    public record LegalRepresentativeInput(String personId) {
    }

    public record ApplicationInput(String clientId, String name, String ownerOrganisationKey, String capacityPer,
                                   Set<String> openTo) {
    }

    public record RightInput(String description, List<String> contextValues, Boolean needsApproval,
                             String needsApprovalBy, Integer maximumDays, Set<String> grantableBy) {
    }

    /** A provisioning target as its owner writes it; {@code secret} is never read back. */
    public record ProvisioningTargetInput(String baseUrl, String authentication, String tokenEndpoint, String clientId,
                                          String secret, String scope, String rights, Boolean groups,
                                          String whenLastRightEnds) {
    }

    public record BulkValidityInput(List<BulkItem> changes) {
    }

    public record BulkItem(String grantId, String ifMatch, String validFrom, String validTo) {
    }
}
