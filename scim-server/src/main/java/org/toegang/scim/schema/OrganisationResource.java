package org.toegang.scim.schema;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition;

/** An organisation, keyed in its target group; its id is its key. Read-only over SCIM. */
@Schema(id = OrganisationResource.URN, name = "Organisation",
        description = "An organisation known to Toegang (government entity, local government, company...)")
public final class OrganisationResource extends BaseScimResource {
    public static final String URN = "urn:toegang:params:scim:schemas:core:2.0:Organisation";

    @Attribute(description = "Key in the target group's authentic source (OVO code, KBO number...)",
            isRequired = true, isCaseExact = true, mutability = AttributeDefinition.Mutability.READ_ONLY,
            uniqueness = AttributeDefinition.Uniqueness.SERVER)
    private String key;

    @Attribute(description = "Name", mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String displayName;

    @Attribute(description = "Target group code", canonicalValues = {"BUR", "GID", "LB", "OV", "EA", "VER"},
            mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String targetGroup;

    @Attribute(description = "Key of the parent organisation, if any", mutability = AttributeDefinition.Mutability.READ_ONLY)
    private String parent;

    public String getKey() {
        return key;
    }

    public OrganisationResource setKey(String key) {
        this.key = key;
        return this;
    }

    public String getDisplayName() {
        return displayName;
    }

    public OrganisationResource setDisplayName(String displayName) {
        this.displayName = displayName;
        return this;
    }

    public String getTargetGroup() {
        return targetGroup;
    }

    public OrganisationResource setTargetGroup(String targetGroup) {
        this.targetGroup = targetGroup;
        return this;
    }

    public String getParent() {
        return parent;
    }

    public OrganisationResource setParent(String parent) {
        this.parent = parent;
        return this;
    }
}
