package org.toegang.scim.schema;

import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.types.AttributeDefinition;
import java.util.Date;

/** One right a person holds, as the Toegang extension shows it. */
public final class RightValue {
    @Attribute(description = "The right as a 3D role: <Right>[-<context>]:<organisation key>",
            mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String value;

    @Attribute(description = "The application (its client id)", mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String application;

    @Attribute(description = "The right's name", mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String right;

    @Attribute(description = "Key of the organisation on whose behalf the right is held",
            mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String organisation;

    @Attribute(description = "The context value refining the right, if any",
            mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String context;

    @Attribute(description = "Start of the validity period", mutability = AttributeDefinition.Mutability.READ_ONLY)
    private Date validFrom;

    @Attribute(description = "End of the validity period (exclusive); absent when open-ended",
            mutability = AttributeDefinition.Mutability.READ_ONLY)
    private Date validTo;

    @Attribute(description = "requested, active, rejected or revoked",
            canonicalValues = {"requested", "active", "rejected", "revoked"},
            mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String status;

    public String getValue() {
        return value;
    }

    public RightValue setValue(String value) {
        this.value = value;
        return this;
    }

    public String getApplication() {
        return application;
    }

    public RightValue setApplication(String application) {
        this.application = application;
        return this;
    }

    public String getRight() {
        return right;
    }

    public RightValue setRight(String right) {
        this.right = right;
        return this;
    }

    public String getOrganisation() {
        return organisation;
    }

    public RightValue setOrganisation(String organisation) {
        this.organisation = organisation;
        return this;
    }

    public String getContext() {
        return context;
    }

    public RightValue setContext(String context) {
        this.context = context;
        return this;
    }

    public Date getValidFrom() {
        return validFrom;
    }

    public RightValue setValidFrom(Date validFrom) {
        this.validFrom = validFrom;
        return this;
    }

    public Date getValidTo() {
        return validTo;
    }

    public RightValue setValidTo(Date validTo) {
        this.validTo = validTo;
        return this;
    }

    public String getStatus() {
        return status;
    }

    public RightValue setStatus(String status) {
        this.status = status;
        return this;
    }
}
