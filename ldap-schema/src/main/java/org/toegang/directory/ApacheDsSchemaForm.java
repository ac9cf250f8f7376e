package org.toegang.directory;

import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The Toegang schema in the form ApacheDS keeps schemas: entries under {@code ou=schema} with
 * {@code m-*} attributes (ApacheDS meta schema). Derived from {@link ToegangSchema}, never edited
 * by hand.
 */
final class ApacheDsSchemaForm {
    static final String SCHEMA_DN = "cn=" + ToegangSchema.NAME + ",ou=schema";

    private ApacheDsSchemaForm() {
    }

    /**
     * The entries to add, parents first. Each entry is its DN followed by {@code "attr: value"}
     * lines, the form ApacheDS's {@code DefaultEntry} constructor takes.
     */
    static List<List<String>> entries(ToegangSchema schema) {
        List<List<String>> entries = new ArrayList<>();
        entries.add(List.of(SCHEMA_DN,
                "objectClass: top", "objectClass: metaSchema", "cn: " + ToegangSchema.NAME,
                "m-dependencies: system", "m-dependencies: core", "m-dependencies: cosine",
                "m-dependencies: inetorgperson"));
        entries.add(container("attributeTypes"));
        entries.add(container("objectClasses"));
        schema.attributeTypes().forEach(type -> entries.add(attributeType(type)));
        schema.objectClasses().forEach(objectClass -> entries.add(objectClass(objectClass)));
        return entries;
    }

    private static List<String> container(String name) {
        return List.of("ou=" + name + "," + SCHEMA_DN,
                "objectClass: top", "objectClass: organizationalUnit", "ou: " + name);
    }

    private static List<String> attributeType(AttributeTypeDefinition type) {
        List<String> entry = new ArrayList<>();
        entry.add("m-oid=" + type.getOID() + ",ou=attributeTypes," + SCHEMA_DN);
        entry.add("objectClass: top");
        entry.add("objectClass: metaTop");
        entry.add("objectClass: metaAttributeType");
        entry.add("m-oid: " + type.getOID());
        for (String name : type.getNames()) {
            entry.add("m-name: " + name);
        }
        addIfPresent(entry, "m-description", type.getDescription());
        addIfPresent(entry, "m-supAttributeType", type.getSuperiorType());
        addIfPresent(entry, "m-equality", type.getEqualityMatchingRule());
        addIfPresent(entry, "m-ordering", type.getOrderingMatchingRule());
        addIfPresent(entry, "m-substr", type.getSubstringMatchingRule());
        addIfPresent(entry, "m-syntax", type.getSyntaxOID());
        if (type.isSingleValued()) {
            entry.add("m-singleValue: TRUE");
        }
        return entry;
    }

    private static List<String> objectClass(ObjectClassDefinition objectClass) {
        List<String> entry = new ArrayList<>();
        entry.add("m-oid=" + objectClass.getOID() + ",ou=objectClasses," + SCHEMA_DN);
        entry.add("objectClass: top");
        entry.add("objectClass: metaTop");
        entry.add("objectClass: metaObjectClass");
        entry.add("m-oid: " + objectClass.getOID());
        for (String name : objectClass.getNames()) {
            entry.add("m-name: " + name);
        }
        addIfPresent(entry, "m-description", objectClass.getDescription());
        for (String superior : objectClass.getSuperiorClasses()) {
            entry.add("m-supObjectClass: " + superior);
        }
        entry.add("m-typeObjectClass: " + objectClass.getObjectClassType().getName());
        for (String must : objectClass.getRequiredAttributes()) {
            entry.add("m-must: " + must);
        }
        for (String may : objectClass.getOptionalAttributes()) {
            entry.add("m-may: " + may);
        }
        return entry;
    }

    private static void addIfPresent(List<String> entry, String attribute, String value) {
        if (value != null) {
            entry.add(attribute + ": " + value);
        }
    }
}
