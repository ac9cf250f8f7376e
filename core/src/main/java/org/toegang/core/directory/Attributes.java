package org.toegang.core.directory;

/** Names of the directory attributes and object classes, as the published schema defines them. */
final class Attributes {
    static final String OBJECT_CLASS = "objectClass";
    static final String UID = "uid";
    /** RFC 4530: the server's stable id of an entry, kept across renames. */
    static final String ENTRY_UUID = "entryUUID";
    static final String GIVEN_NAME = "givenName";
    static final String SURNAME = "sn";
    static final String MAIL = "mail";

    static final String ID = "toegangId";
    static final String PERSON_ID = "toegangPersonId";
    static final String NATIONAL_REGISTER_NUMBER = "toegangNationalRegisterNumber";
    static final String ORGANISATION_KEY = "toegangOrganisationKey";
    static final String ORGANISATION_NAME = "toegangOrganisationName";
    static final String TARGET_GROUP = "toegangTargetGroup";
    static final String PARENT_ORGANISATION = "toegangParentOrganisation";
    static final String LEGAL_REPRESENTATIVE_OF = "toegangLegalRepresentativeOf";
    static final String WORK_RELATION_TYPE = "toegangWorkRelationType";
    /** TRUE on the work relation a person marked as primary (decides vo_orgcode per target group). */
    static final String PRIMARY = "toegangPrimary";
    static final String VALID_FROM = "toegangValidFrom";
    static final String VALID_TO = "toegangValidTo";
    static final String CLIENT_ID = "toegangClientId";
    static final String OWNER_ORGANISATION = "toegangOwnerOrganisation";
    static final String CAPACITY_PER = "toegangCapacityPer";
    static final String OPEN_TO = "toegangOpenTo";
    static final String RIGHT_NAME = "toegangRightName";
    static final String CONTEXT_VALUE = "toegangContextValue";
    static final String NEEDS_APPROVAL = "toegangNeedsApproval";
    static final String MAXIMUM_DURATION = "toegangMaximumDuration";
    static final String GRANTABLE_BY = "toegangGrantableBy";
    static final String GRANT_STATUS = "toegangGrantStatus";
    static final String REASON = "toegangReason";
    static final String GRANTED_BY = "toegangGrantedBy";
    static final String DECIDED_BY = "toegangDecidedBy";
    static final String DELEGATION_ROLE = "toegangDelegationRole";
    static final String LIMITED_TO_CLIENT_ID = "toegangLimitedToClientId";
    static final String EXTERNAL_ID = "toegangExternalId";
    static final String ACTIVE = "toegangActive";

    /** RFC 6531 addresses, which {@code mail} (IA5String) cannot hold. */
    static final String INTERNATIONAL_MAIL = "toegangInternationalMail";
    /** A person's addresses besides the one in {@code mail} (or {@code toegangInternationalMail}), for filters. */
    static final String OTHER_MAIL = "toegangOtherMail";

    static final String NEEDS_APPROVAL_BY = "toegangNeedsApprovalBy";
    static final String REVISION = "toegangRevision";
    static final String DECISION_REASON = "toegangDecisionReason";
    static final String IDEMPOTENCY_KEY = "toegangIdempotencyKey";
    static final String REQUEST_DIGEST = "toegangRequestDigest";
    static final String RESPONSE_STATUS = "toegangResponseStatus";
    static final String RESPONSE_BODY = "toegangResponseBody";
    static final String CREATED_AT = "toegangCreatedAt";

    static final String VERSIONED_CLASS = "toegangVersioned";
    static final String IDEMPOTENCY_CLASS = "toegangIdempotencyRecord";
    static final String PERSON_CLASS = "toegangPerson";
    /** Auxiliary: what SCIM stores beyond inetOrgPerson and toegangPerson. */
    static final String SCIM_PERSON_CLASS = "toegangScimPerson";
    /** Auxiliary, its own class so that directories made before it keep their toegangScimPerson: {@link #OTHER_MAIL}. */
    static final String SCIM_MAIL_PERSON_CLASS = "toegangScimMailPerson";
    /** A value one person holds alone ({@link UniqueClaims}). */
    static final String CLAIM_CLASS = "toegangClaim";
    static final String ORGANISATION_CLASS = "toegangOrganisation";
    static final String WORK_RELATION_CLASS = "toegangWorkRelation";
    static final String APPLICATION_CLASS = "toegangApplication";
    static final String RIGHT_CLASS = "toegangRight";
    static final String GRANT_CLASS = "toegangGrant";
    static final String DELEGATION_CLASS = "toegangDelegation";
    static final String PROVISIONING_TARGET_CLASS = "toegangProvisioningTarget";
    static final String SCIM_BASE_URL = "toegangScimBaseUrl";
    static final String TARGET_AUTHENTICATION = "toegangTargetAuthentication";
    static final String TOKEN_ENDPOINT = "toegangTokenEndpoint";
    static final String TARGET_CLIENT_ID = "toegangTargetClientId";
    static final String TARGET_SECRET = "toegangTargetSecret";
    static final String TARGET_SCOPE = "toegangTargetScope";
    static final String RIGHTS_AS = "toegangRightsAs";
    static final String GROUP_MEMBERSHIPS = "toegangGroupMemberships";
    static final String WHEN_LAST_RIGHT_ENDS = "toegangWhenLastRightEnds";

    private Attributes() {
    }
}
