package org.toegang.scim.users;

import static org.toegang.core.directory.PersonStore.PersonField.CREATED;
import static org.toegang.core.directory.PersonStore.PersonField.DEPARTMENT;
import static org.toegang.core.directory.PersonStore.PersonField.DISPLAY_NAME;
import static org.toegang.core.directory.PersonStore.PersonField.EMAIL;
import static org.toegang.core.directory.PersonStore.PersonField.EMPLOYEE_NUMBER;
import static org.toegang.core.directory.PersonStore.PersonField.EXTERNAL_ID;
import static org.toegang.core.directory.PersonStore.PersonField.FAMILY_NAME;
import static org.toegang.core.directory.PersonStore.PersonField.GIVEN_NAME;
import static org.toegang.core.directory.PersonStore.PersonField.ID;
import static org.toegang.core.directory.PersonStore.PersonField.LEGAL_REPRESENTATIVE_OF;
import static org.toegang.core.directory.PersonStore.PersonField.MODIFIED;
import static org.toegang.core.directory.PersonStore.PersonField.NATIONAL_REGISTER_NUMBER;
import static org.toegang.core.directory.PersonStore.PersonField.ORGANIZATION;
import static org.toegang.core.directory.PersonStore.PersonField.PHONE_NUMBER;
import static org.toegang.core.directory.PersonStore.PersonField.PREFERRED_LANGUAGE;
import static org.toegang.core.directory.PersonStore.PersonField.PROFILE_URL;
import static org.toegang.core.directory.PersonStore.PersonField.TITLE;
import static org.toegang.core.directory.PersonStore.PersonField.USERNAME;
import static org.toegang.core.directory.PersonStore.PersonField.USER_TYPE;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.toegang.core.directory.PersonStore.PersonField;
import org.toegang.scim.schema.ToegangUserExtension;

/**
 * The one table of how Toegang holds each User attribute: the directory field it is stored in
 * (whose LDAP attributes {@link org.toegang.core.directory.PersonStore} names), how a filter
 * compares it, whether only provisioning clients may read it, and whether it is kept in the
 * lossless JSON copy ({@link UserExtras}). Filtering, sorting and that copy all look it up here.
 *
 * <p>What the User schemas define (names, types, multi-valued, mutability) is read from the very
 * definitions {@code /Schemas} serves ({@link UsersEndpoint#DEFINITION}), not repeated: a
 * sub-attribute they define without a row here is compared as the attribute it is part of is, and
 * a filter on an attribute they do not define is refused as unknown (invalidFilter, RFC 7644 §3.4.2.2).
 */
final class UserSchema {
    static final String CORE_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** How a filter compares the attribute. */
    enum Comparison {
        /** Text in the field's attributes: every operator. */
        TEXT,
        /** A moment (xsd:dateTime) in a GeneralizedTime attribute. */
        MOMENT,
        /** {@code active}: only a deactivation is stored. */
        ACTIVE,
        /**
         * Shown with every User, but held in no directory attribute a search can compare (the JSON
         * copy; which address is of which type): the directory search is widened over it, and each
         * User found is tested against the whole filter as shown ({@link ShownUserFilter}).
         */
        SHOWN,
        /**
         * Not part of the User a search reads (rights, work relations, the version and location of
         * the answer): refused as invalidFilter (RFC 7644 §3.12: a comparison not supported), never
         * a silent "no match" for data that is there.
         */
        UNSEARCHABLE;

        /** Whether the directory compares it itself. */
        boolean inDirectory() {
            return this == TEXT || this == MOMENT || this == ACTIVE;
        }
    }

    /**
     * One attribute.
     *
     * @param path the RFC spelling, dotted for a sub-attribute, URN-qualified in an extension
     * @param field where it is stored; null when it has no directory attribute of its own
     * @param provisionersOnly whether only provisioning clients may read (so filter and sort on) it
     * @param kept whether it is kept, exactly as sent, in the JSON copy
     */
    record Row(String path, PersonField field, Comparison comparison, boolean provisionersOnly, boolean kept) {
        String key() {
            return path.toLowerCase(Locale.ROOT);
        }

        /** Where it sits in the JSON copy: the top level (null), {@code name} or an extension's URN. */
        Optional<String> container() {
            int colon = path.lastIndexOf(':');
            if (colon > 0) {
                return Optional.of(path.substring(0, colon));
            }
            int dot = path.indexOf('.');
            return dot < 0 ? Optional.empty() : Optional.of(path.substring(0, dot));
        }

        /** Its name inside {@link #container()}. */
        String name() {
            return path.substring(Math.max(path.lastIndexOf(':'), path.indexOf('.')) + 1);
        }

        Row readByProvisionersOnly() {
            return new Row(path, field, comparison, true, kept);
        }

        Row keptAsSent() {
            return new Row(path, field, comparison, provisionersOnly, true);
        }
    }

    private static final String TOEGANG = ToegangUserExtension.URN + ":";
    private static final String ENTERPRISE = ENTERPRISE_URN + ":";

    static final List<Row> TABLE = List.of(
            text("id", ID),
            text("externalId", EXTERNAL_ID).readByProvisionersOnly(),
            text("userName", USERNAME),
            shown("name"),
            text("name.formatted", DISPLAY_NAME).keptAsSent(),
            text("name.familyName", FAMILY_NAME),
            text("name.givenName", GIVEN_NAME),
            kept("name.middleName"),
            kept("name.honorificPrefix"),
            kept("name.honorificSuffix"),
            text("displayName", DISPLAY_NAME),
            kept("nickName"),
            text("profileUrl", PROFILE_URL).keptAsSent(),
            text("title", TITLE),
            text("userType", USER_TYPE).keptAsSent(),
            text("preferredLanguage", PREFERRED_LANGUAGE).keptAsSent(),
            kept("locale"),
            kept("timezone"),
            new Row("active", ID, Comparison.ACTIVE, false, false),
            unsearchable("password"), // never shown (RFC 7643 §4.1.1), and refused when sent
            unsearchable("groups"), // looked up for the Users of a page, after filtering
            // every address is searchable (mail, toegangOtherMail); which is of which type, and primary,
            // only the kept copy says (UserExtras), so those are tested on the Users shown
            text("emails", EMAIL),
            text("emails.value", EMAIL),
            shown("emails.type"),
            shown("emails.primary"),
            text("phoneNumbers", PHONE_NUMBER).keptAsSent(),
            text("phoneNumbers.value", PHONE_NUMBER),
            kept("ims"),
            kept("photos"),
            kept("addresses"),
            kept("entitlements"),
            kept("roles"),
            kept("x509Certificates"),
            new Row("meta.created", CREATED, Comparison.MOMENT, false, false),
            new Row("meta.lastModified", MODIFIED, Comparison.MOMENT, false, false),
            shown("meta.resourceType"),
            unsearchable("meta.version"),
            unsearchable("meta.location"),
            text(ENTERPRISE + "employeeNumber", EMPLOYEE_NUMBER),
            text(ENTERPRISE + "organization", ORGANIZATION),
            text(ENTERPRISE + "department", DEPARTMENT),
            kept(ENTERPRISE + "costCenter"),
            kept(ENTERPRISE + "division"),
            kept(ENTERPRISE + "manager"),
            text(TOEGANG + "nationalRegisterNumber", NATIONAL_REGISTER_NUMBER).readByProvisionersOnly(),
            text(TOEGANG + "directoryId", ID),
            text(TOEGANG + "legalRepresentativeOf", LEGAL_REPRESENTATIVE_OF).readByProvisionersOnly(),
            new Row(TOEGANG + "workRelations", null, Comparison.UNSEARCHABLE, true, false),
            unsearchable(TOEGANG + "rights"));

    private static final Map<String, Row> BY_KEY = new HashMap<>();
    private static final Map<String, AttributeDefinition> DEFINED = new LinkedHashMap<>();
    private static final List<Row> KEPT = TABLE.stream().filter(Row::kept).toList();
    private static final List<String> MULTI_VALUED_COMPLEX;

    static {
        TABLE.forEach(row -> BY_KEY.put(row.key(), row));
        SchemaResource core = UsersEndpoint.DEFINITION.getCoreSchema();
        define("", core.getAttributes());
        UsersEndpoint.DEFINITION.getSchemaExtensions().keySet()
                .forEach(extension -> define(extension.getId() + ":", extension.getAttributes()));
        MULTI_VALUED_COMPLEX = core.getAttributes().stream()
                .filter(attribute -> attribute.isMultiValued() && attribute.getType() == AttributeDefinition.Type.COMPLEX)
                .map(AttributeDefinition::getName).toList();
    }

    private UserSchema() {
    }

    private static Row text(String path, PersonField field) {
        return new Row(path, field, Comparison.TEXT, false, false);
    }

    private static Row kept(String path) {
        return new Row(path, null, Comparison.SHOWN, false, true);
    }

    private static Row shown(String path) {
        return new Row(path, null, Comparison.SHOWN, false, false);
    }

    private static Row unsearchable(String path) {
        return new Row(path, null, Comparison.UNSEARCHABLE, false, false);
    }

    private static void define(String prefix, Collection<AttributeDefinition> attributes) {
        for (AttributeDefinition attribute : attributes) {
            String key = (prefix + attribute.getName()).toLowerCase(Locale.ROOT);
            DEFINED.put(key, attribute);
            if (attribute.getSubAttributes() != null) {
                define(key + ".", attribute.getSubAttributes());
            }
        }
    }

    /** The rows kept in the JSON copy. */
    static List<Row> kept() {
        return KEPT;
    }

    /** The multi-valued complex attributes of the core schema (where RFC 7643 §2.4 allows one primary value). */
    static List<String> multiValuedComplex() {
        return MULTI_VALUED_COMPLEX;
    }

    /** The canonical keys of every attribute and sub-attribute the User schemas define. */
    static Set<String> definedKeys() {
        return Collections.unmodifiableSet(DEFINED.keySet());
    }

    /** The schemas' definition of {@code key} (the canonical form {@link #key} makes), if they define it. */
    static Optional<AttributeDefinition> definition(String key) {
        return Optional.ofNullable(DEFINED.get(key));
    }

    /** Whether {@code key} names a multi-valued attribute, whose values a value filter ({@code attr[...]}) tests one by one. */
    static boolean isMultiValued(String key) {
        return definition(key).filter(AttributeDefinition::isMultiValued).isPresent();
    }

    /** Whether {@code key} names a complex attribute, whose sub-attributes a value filter ({@code attr[...]}) tests. */
    static boolean isComplex(String key) {
        return definition(key).filter(attribute -> attribute.getType() == AttributeDefinition.Type.COMPLEX).isPresent();
    }

    /**
     * How a filter compares the attribute at {@code path} (under {@code parent} inside a value
     * filter), for a caller who may read it: by its row when the directory compares it, or empty
     * when only the Users shown can be tested ({@link Comparison#SHOWN}: its own row, or, for a
     * sub-attribute without one, the row of the attribute it is part of).
     *
     * @param provisioner whether the caller may read what only provisioning clients see
     * @throws BadRequestException invalidFilter for an attribute no User schema defines, for one
     *         the caller may not read (in the same words, so a filter cannot tell it exists), and
     *         for one that is not part of the User a search reads
     */
    static Optional<Row> of(String parent, Path path, boolean provisioner) throws BadRequestException {
        requireReadable(parent, path, provisioner);
        String key = key(parent, path);
        Row own = BY_KEY.get(key);
        if (own == null && !DEFINED.containsKey(key)) {
            throw unknown(path);
        }
        List<Row> governing = governing(key).toList();
        if (governing.isEmpty() || governing.stream().anyMatch(row -> row.comparison() == Comparison.UNSEARCHABLE)) {
            throw BadRequestException.invalidFilter("Filtering on " + path + " is not supported: it is not part of "
                    + "the User a search reads");
        }
        return own != null && own.comparison().inDirectory() ? Optional.of(own) : Optional.empty();
    }

    /** @throws BadRequestException invalidFilter when the caller may not read the attribute at {@code path} */
    static void requireReadable(String parent, Path path, boolean provisioner) throws BadRequestException {
        if (!provisioner && governing(key(parent, path)).anyMatch(Row::provisionersOnly)) {
            throw unknown(path);
        }
    }

    /** The attribute's own row and that of the attribute it is part of ({@code workRelations.organisation}). */
    private static Stream<Row> governing(String key) {
        int dot = key.lastIndexOf('.') > key.lastIndexOf(':') ? key.lastIndexOf('.') : -1;
        return Stream.of(BY_KEY.get(key), dot < 0 ? null : BY_KEY.get(key.substring(0, dot)))
                .filter(Objects::nonNull);
    }

    private static BadRequestException unknown(Path path) {
        return BadRequestException.invalidFilter("Unknown attribute " + path + " in filter");
    }

    /**
     * The canonical, lower-case key of {@code path}: dotted, URN-qualified for an extension
     * attribute, without the core URN; {@code parent} is the enclosing attribute inside a value filter.
     */
    static String key(String parent, Path path) {
        StringBuilder key = new StringBuilder();
        String urn = Optional.ofNullable(path.getSchemaUrn()).orElse("");
        if (!urn.isEmpty() && !urn.equalsIgnoreCase(CORE_URN)) {
            key.append(urn).append(':');
        } else if (parent != null) {
            key.append(parent);
        }
        if (parent != null && urn.isEmpty()) {
            key.append('.');
        }
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                key.append('.');
            }
            key.append(path.getElement(i).getAttribute());
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
