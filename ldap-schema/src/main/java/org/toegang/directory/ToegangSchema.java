package org.toegang.directory;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Toegang directory schema, read from its one source ({@code toegang-schema.ldif}, RFC 4512
 * definitions in a subschema entry). Every shipped form is derived from this.
 */
public final class ToegangSchema {
    /** Classpath location of the schema source. */
    public static final String RESOURCE = "/org/toegang/directory/toegang-schema.ldif";
    /** Name of the schema in servers that group definitions per schema (ApacheDS, OpenLDAP). */
    public static final String NAME = "toegang";
    /**
     * Attributes the code filters on; every directory holding Toegang data indexes them
     * (equality, and ordering where the schema defines it).
     */
    public static final List<String> INDEXED_ATTRIBUTES = List.of(
            "uid", "mail", "cn", "sn", "givenName", "entryUUID",
            "toegangId", "toegangPersonId", "toegangNationalRegisterNumber", "toegangOrganisationKey",
            "toegangTargetGroup", "toegangLegalRepresentativeOf", "toegangClientId", "toegangRightName",
            "toegangGrantStatus", "toegangValidFrom", "toegangValidTo", "toegangDelegationRole",
            "toegangExternalId",
            // SCIM (issue 11)
            "toegangInternationalMail", "toegangOtherMail",
            // SCIM plain groups (issue 11): members.value filters and a User's groups
            "member");
    /**
     * Of those, the name attributes people are searched by with substrings ({@code *word*}); a
     * directory that distinguishes index kinds (OpenLDAP: {@code sub}) indexes them for that too.
     * ApacheDS's index on an attribute serves every kind of filter.
     */
    public static final List<String> SUBSTRING_INDEXED_ATTRIBUTES = List.of("cn", "sn", "givenName");

    private final Entry subschemaEntry;
    private final Schema schema;

    private ToegangSchema(Entry subschemaEntry) {
        this.subschemaEntry = subschemaEntry;
        Map<String, LDAPException> unparsableTypes = new LinkedHashMap<>();
        Map<String, LDAPException> unparsableClasses = new LinkedHashMap<>();
        this.schema = new Schema(subschemaEntry, new HashMap<>(), new HashMap<>(), unparsableTypes,
                unparsableClasses, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        // The plain constructor drops what it cannot parse; a broken definition must stop us instead.
        unparsableTypes.putAll(unparsableClasses);
        if (!unparsableTypes.isEmpty()) {
            throw new DirectoryException("The Toegang schema is malformed: " + unparsableTypes);
        }
    }

    /** Reads the schema shipped in this jar; never returns null. */
    public static ToegangSchema load() {
        try (InputStream in = ToegangSchema.class.getResourceAsStream(RESOURCE);
             LDIFReader reader = new LDIFReader(in)) {
            return new ToegangSchema(reader.readEntry());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDIFException e) {
            throw new DirectoryException("The Toegang schema is malformed: " + e.getMessage(), e);
        }
    }

    /** The subschema entry itself, as the UnboundID in-memory server and LDAP clients read it. */
    public Entry subschemaEntry() {
        return subschemaEntry.duplicate();
    }

    /** Attribute types in source order. */
    public List<AttributeTypeDefinition> attributeTypes() {
        return List.copyOf(schema.getAttributeTypes());
    }

    /** Object classes in source order. */
    public List<ObjectClassDefinition> objectClasses() {
        return List.copyOf(schema.getObjectClasses());
    }
}
