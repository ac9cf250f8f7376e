package org.toegang.scim.users;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.directory.PersonStore.PersonField;
import org.toegang.scim.schema.ToegangUserExtension;

/**
 * Where each filterable User attribute is stored. An attribute the schemas define but the
 * directory never holds ({@link #ABSENT}) matches no comparison, so filters on it are valid and
 * simply match nothing; an attribute no schema defines is an invalid filter (RFC 7644 §3.4.2.2).
 */
final class UserAttributes {
    static final String CORE_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** Stored as a directory attribute. */
    record Stored(PersonField field, Kind kind) {
    }

    enum Kind { STRING, DATE, EMAIL_TYPE, CONSTANT_TRUE, ACTIVE }

    static final Stored ABSENT = new Stored(null, Kind.STRING);

    private static final Map<String, Stored> STORED = Map.ofEntries(
            Map.entry("id", new Stored(PersonField.ID, Kind.STRING)),
            Map.entry("username", new Stored(PersonField.USERNAME, Kind.STRING)),
            Map.entry("name.familyname", new Stored(PersonField.FAMILY_NAME, Kind.STRING)),
            Map.entry("name.givenname", new Stored(PersonField.GIVEN_NAME, Kind.STRING)),
            Map.entry("name.formatted", new Stored(PersonField.DISPLAY_NAME, Kind.STRING)),
            Map.entry("displayname", new Stored(PersonField.DISPLAY_NAME, Kind.STRING)),
            Map.entry("emails", new Stored(PersonField.EMAIL, Kind.STRING)),
            Map.entry("emails.value", new Stored(PersonField.EMAIL, Kind.STRING)),
            Map.entry("emails.type", new Stored(PersonField.EMAIL, Kind.EMAIL_TYPE)),
            Map.entry("emails.primary", new Stored(PersonField.EMAIL, Kind.CONSTANT_TRUE)),
            Map.entry("title", new Stored(PersonField.TITLE, Kind.STRING)),
            Map.entry("usertype", new Stored(PersonField.USER_TYPE, Kind.STRING)),
            Map.entry("preferredlanguage", new Stored(PersonField.PREFERRED_LANGUAGE, Kind.STRING)),
            Map.entry("profileurl", new Stored(PersonField.PROFILE_URL, Kind.STRING)),
            Map.entry("phonenumbers", new Stored(PersonField.PHONE_NUMBER, Kind.STRING)),
            Map.entry("phonenumbers.value", new Stored(PersonField.PHONE_NUMBER, Kind.STRING)),
            Map.entry("externalid", new Stored(PersonField.EXTERNAL_ID, Kind.STRING)),
            Map.entry("active", new Stored(PersonField.ID, Kind.ACTIVE)),
            Map.entry("meta.created", new Stored(PersonField.CREATED, Kind.DATE)),
            Map.entry("meta.lastmodified", new Stored(PersonField.MODIFIED, Kind.DATE)),
            Map.entry("meta.resourcetype", ABSENT),
            Map.entry(ENTERPRISE_URN.toLowerCase(Locale.ROOT) + ":employeenumber",
                    new Stored(PersonField.EMPLOYEE_NUMBER, Kind.STRING)),
            Map.entry(ENTERPRISE_URN.toLowerCase(Locale.ROOT) + ":organization",
                    new Stored(PersonField.ORGANIZATION, Kind.STRING)),
            Map.entry(ENTERPRISE_URN.toLowerCase(Locale.ROOT) + ":department",
                    new Stored(PersonField.DEPARTMENT, Kind.STRING)),
            Map.entry(ToegangUserExtension.URN.toLowerCase(Locale.ROOT) + ":nationalregisternumber",
                    new Stored(PersonField.NATIONAL_REGISTER_NUMBER, Kind.STRING)),
            Map.entry(ToegangUserExtension.URN.toLowerCase(Locale.ROOT) + ":directoryid",
                    new Stored(PersonField.ID, Kind.STRING)),
            Map.entry(ToegangUserExtension.URN.toLowerCase(Locale.ROOT) + ":legalrepresentativeof",
                    new Stored(PersonField.LEGAL_REPRESENTATIVE_OF, Kind.STRING)));

    /** Defined by RFC 7643 for User (and the enterprise extension) but never stored by Toegang. */
    private static final Set<String> DEFINED_NOT_STORED = Set.of(
            "name.middlename", "name.honorificprefix", "name.honorificsuffix", "nickname",
            "locale", "timezone", "phonenumbers.type", "phonenumbers.primary", "ims", "ims.value", "photos",
            "photos.value", "addresses", "addresses.formatted", "addresses.streetaddress", "addresses.locality",
            "addresses.region", "addresses.postalcode", "addresses.country", "addresses.type", "groups",
            "groups.value", "groups.display", "entitlements", "entitlements.value", "roles", "roles.value",
            "x509certificates", "x509certificates.value", "emails.display", "meta.version", "meta.location",
            ENTERPRISE_URN.toLowerCase(Locale.ROOT) + ":costcenter",
            ENTERPRISE_URN.toLowerCase(Locale.ROOT) + ":division",
            ENTERPRISE_URN.toLowerCase(Locale.ROOT) + ":manager",
            ENTERPRISE_URN.toLowerCase(Locale.ROOT) + ":manager.value");

    /**
     * What an application's client may not read (UserMapper shows these to provisioning clients
     * only), so it may neither filter nor sort on them: a filter would reveal the values one
     * prefix search at a time.
     */
    private static final Set<String> PROVISIONERS_ONLY = Set.of("externalid",
            ToegangUserExtension.URN.toLowerCase(Locale.ROOT) + ":nationalregisternumber",
            ToegangUserExtension.URN.toLowerCase(Locale.ROOT) + ":legalrepresentativeof",
            ToegangUserExtension.URN.toLowerCase(Locale.ROOT) + ":workrelations");

    private UserAttributes() {
    }

    /**
     * Where the attribute at {@code path} is stored, for a caller who may read it.
     *
     * @param provisioner whether the caller may read what only provisioning clients see
     * @throws BadRequestException invalidFilter, with the same words as for an attribute that
     *         does not exist, when the caller may not read the attribute
     */
    static Stored of(String parent, Path path, boolean provisioner) throws BadRequestException {
        requireReadable(parent, path, provisioner);
        return of(parent, path);
    }

    /** @throws BadRequestException invalidFilter when the caller may not read the attribute at {@code path} */
    static void requireReadable(String parent, Path path, boolean provisioner) throws BadRequestException {
        String key = key(parent, path);
        if (!provisioner && PROVISIONERS_ONLY.stream().anyMatch(hidden -> key.equals(hidden)
                || key.startsWith(hidden + "."))) {
            throw unknown(path);
        }
    }

    private static BadRequestException unknown(Path path) {
        return BadRequestException.invalidFilter("Unknown attribute " + path + " in filter");
    }

    /**
     * Where the attribute at {@code path} (under {@code parent} inside a value filter) is stored.
     *
     * @throws BadRequestException invalidFilter for an attribute no User schema defines, or one
     *         that can be shown but not searched (work relations, rights)
     */
    static Stored of(String parent, Path path) throws BadRequestException {
        String key = key(parent, path);
        Stored stored = STORED.get(key);
        if (stored != null) {
            return stored;
        }
        if (DEFINED_NOT_STORED.contains(key)) {
            return ABSENT;
        }
        if (key.startsWith(ToegangUserExtension.URN.toLowerCase(Locale.ROOT))) {
            throw BadRequestException.invalidFilter("Filtering on " + path + " is not supported");
        }
        throw unknown(path);
    }

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
