package org.toegang.scim.schema;

import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.types.AttributeDefinition;
import java.util.Date;

/** One work relation, as the Toegang extension shows it. */
public final class WorkRelationValue {
    @Attribute(description = "Key of the organisation (OVO code or KBO number)",
            mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String organisation;

    @Attribute(description = "Type of the work relation", mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String type;

    @Attribute(description = "Start of the validity period", mutability = AttributeDefinition.Mutability.READ_ONLY)
    private Date validFrom;

    @Attribute(description = "End of the validity period (exclusive); absent when open-ended",
            mutability = AttributeDefinition.Mutability.READ_ONLY)
    private Date validTo;

    public String getOrganisation() {
        return organisation;
    }

    public WorkRelationValue setOrganisation(String organisation) {
        this.organisation = organisation;
        return this;
    }

    public String getType() {
        return type;
    }

    public WorkRelationValue setType(String type) {
        this.type = type;
        return this;
    }

    public Date getValidFrom() {
        return validFrom;
    }

    public WorkRelationValue setValidFrom(Date validFrom) {
        this.validFrom = validFrom;
        return this;
    }

    public Date getValidTo() {
        return validTo;
    }

    public WorkRelationValue setValidTo(Date validTo) {
        this.validTo = validTo;
        return this;
    }
}
