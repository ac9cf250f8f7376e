package org.toegang.scim.schema;

import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition;
import java.util.List;

/**
 * The Toegang extension of a User: what the directory knows beyond RFC 7643. The work relations
 * and rights are read-only here; they are managed through Toegang's delegated administration.
 */
@Schema(id = ToegangUserExtension.URN, name = "ToegangUser",
        description = "Toegang: national register number, directory id, legal representation, work relations and rights")
public final class ToegangUserExtension {
    public static final String URN = "urn:toegang:params:scim:schemas:extension:toegang:2.0:User";

    @Attribute(description = "Belgian national register number (11 digits, checksum validated)",
            uniqueness = AttributeDefinition.Uniqueness.SERVER, returned = AttributeDefinition.Returned.DEFAULT)
    private String nationalRegisterNumber;

    @Attribute(description = "The person's directory id (vo_id), a UUID; equal to id",
            mutability = AttributeDefinition.Mutability.READ_ONLY, uniqueness = AttributeDefinition.Uniqueness.GLOBAL)
    private String directoryId;

    @Attribute(description = "KBO numbers of the organisations the person legally represents",
            multiValueClass = String.class)
    private List<String> legalRepresentativeOf;

    @Attribute(description = "The person's work relations", mutability = AttributeDefinition.Mutability.READ_ONLY,
            multiValueClass = WorkRelationValue.class)
    private List<WorkRelationValue> workRelations;

    @Attribute(description = "The person's rights; an application's client sees only its own active rights",
            mutability = AttributeDefinition.Mutability.READ_ONLY, multiValueClass = RightValue.class)
    private List<RightValue> rights;

    public String getNationalRegisterNumber() {
        return nationalRegisterNumber;
    }

    public void setNationalRegisterNumber(String nationalRegisterNumber) {
        this.nationalRegisterNumber = nationalRegisterNumber;
    }

    public String getDirectoryId() {
        return directoryId;
    }

    public void setDirectoryId(String directoryId) {
        this.directoryId = directoryId;
    }

    public List<String> getLegalRepresentativeOf() {
        return legalRepresentativeOf;
    }

    public void setLegalRepresentativeOf(List<String> legalRepresentativeOf) {
        this.legalRepresentativeOf = legalRepresentativeOf;
    }

    public List<WorkRelationValue> getWorkRelations() {
        return workRelations;
    }

    public void setWorkRelations(List<WorkRelationValue> workRelations) {
        this.workRelations = workRelations;
    }

    public List<RightValue> getRights() {
        return rights;
    }

    public void setRights(List<RightValue> rights) {
        this.rights = rights;
    }
}
