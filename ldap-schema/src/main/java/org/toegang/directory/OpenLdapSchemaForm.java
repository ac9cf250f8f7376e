package org.toegang.directory;

import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Toegang schema in the form OpenLDAP loads into {@code cn=config}
 * ({@code ldapadd -Y EXTERNAL -H ldapi:/// -f toegang.ldif}). The shipped file
 * {@code openldap/toegang.ldif} is this output; a test keeps the two equal.
 */
public final class OpenLdapSchemaForm {
    public static final String SCHEMA_FILE = "toegang.ldif";
    public static final String INDEX_FILE = "toegang-indexes.ldif";
    static final String DEFAULT_DATABASE_DN = "olcDatabase={1}mdb,cn=config";

    private OpenLdapSchemaForm() {
    }

    /** The cn=config LDIF text, with a header saying where it comes from. */
    public static String ldif(ToegangSchema schema) {
        StringBuilder ldif = new StringBuilder()
                .append("# Toegang directory schema for OpenLDAP (cn=config).\n")
                .append("# Generated from ldap-schema/src/main/resources/org/toegang/directory/toegang-schema.ldif;\n")
                .append("# do not edit: OpenLdapSchemaFormTest keeps this file equal to the source.\n")
                .append("# Load with: ldapadd -Y EXTERNAL -H ldapi:/// -f toegang.ldif\n")
                .append("# Needs the core, cosine and inetorgperson schemas.\n")
                .append("dn: cn=").append(ToegangSchema.NAME).append(",cn=schema,cn=config\n")
                .append("objectClass: olcSchemaConfig\n")
                .append("cn: ").append(ToegangSchema.NAME).append('\n');
        for (AttributeTypeDefinition type : schema.attributeTypes()) {
            ldif.append("olcAttributeTypes: ").append(type).append('\n');
        }
        for (ObjectClassDefinition objectClass : schema.objectClasses()) {
            ldif.append("olcObjectClasses: ").append(objectClass).append('\n');
        }
        return ldif.toString();
    }

    /**
     * A modification adding the indexes Toegang needs to an OpenLDAP database
     * ({@code ldapmodify -Y EXTERNAL -H ldapi:/// -f toegang-indexes.ldif}).
     */
    public static String indexLdif(String databaseDn) {
        StringBuilder ldif = new StringBuilder()
                .append("# Indexes for the attributes Toegang filters on (ToegangSchema.INDEXED_ATTRIBUTES).\n")
                .append("# Generated; adjust the database DN to yours.\n")
                .append("dn: ").append(databaseDn).append('\n')
                .append("changetype: modify\n")
                .append("add: olcDbIndex\n");
        for (String attribute : ToegangSchema.INDEXED_ATTRIBUTES) {
            ldif.append("olcDbIndex: ").append(attribute)
                    .append(ToegangSchema.SUBSTRING_INDEXED_ATTRIBUTES.contains(attribute) ? " eq,sub\n" : " eq\n");
        }
        return ldif.append("-\n").toString();
    }

    /** Writes the shipped files into the directory named by the first argument. */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        Files.writeString(directory.resolve(SCHEMA_FILE), ldif(ToegangSchema.load()));
        Files.writeString(directory.resolve(INDEX_FILE), indexLdif(DEFAULT_DATABASE_DN));
    }
}
