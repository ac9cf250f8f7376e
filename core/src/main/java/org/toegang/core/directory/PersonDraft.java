package org.toegang.core.directory;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.toegang.core.ValidationException;
import org.toegang.core.identifier.KboNumber;
import org.toegang.core.identifier.NationalRegisterNumber;

/**
 * What a writer (SCIM, the portal) asks to store about a person, validated on construction:
 * the national register number and the KBO numbers of legal representation must be valid,
 * the user name and family name present. Dotted KBO input is normalised to its digits. Every
 * text is checked here, so that the directory never refuses what passed ({@link #MAX_TEXT}
 * characters at most, no control characters, none outside the Basic Multilingual Plane, which
 * the directory's string preparation cannot handle). E-mail addresses may be internationalised
 * (RFC 6531).
 *
 * @param externalId the person's identifier in the provisioning client (SCIM {@code externalId}),
 *        kept exactly as given: it is case-exact (RFC 7643 §3.1)
 * @param active false for a deactivated person, who may not sign in
 * @param extras what SCIM stores beyond these fields ({@link PersonExtras})
 *
 * @throws ValidationException from the constructor, naming the field that is wrong
 */
public record PersonDraft(String username, String givenName, String familyName, Optional<String> displayName,
                          Optional<String> email, Optional<String> nationalRegisterNumber,
                          Set<String> legalRepresentativeOf, Optional<String> title,
                          Optional<String> employeeNumber, Optional<String> organization,
                          Optional<String> department, Optional<String> externalId, boolean active,
                          PersonExtras extras) {
    /** The most characters an identifier ({@code userName}, {@code externalId}) may hold. */
    public static final int MAX_IDENTIFIER = 256;
    /** The most characters any other text may hold. */
    public static final int MAX_TEXT = 1024;

    /** A draft with nothing beyond the typed fields ({@link PersonExtras#NONE}). */
    public PersonDraft(String username, String givenName, String familyName, Optional<String> displayName,
                       Optional<String> email, Optional<String> nationalRegisterNumber, Set<String> legalRepresentativeOf,
                       Optional<String> title, Optional<String> employeeNumber, Optional<String> organization,
                       Optional<String> department, Optional<String> externalId, boolean active) {
        this(username, givenName, familyName, displayName, email, nationalRegisterNumber, legalRepresentativeOf, title,
                employeeNumber, organization, department, externalId, active, PersonExtras.NONE);
    }

    public PersonDraft {
        extras = Objects.requireNonNullElse(extras, PersonExtras.NONE);
        username = text("userName", required("userName", username), MAX_IDENTIFIER);
        familyName = text("name.familyName", required("name.familyName", familyName), MAX_TEXT);
        givenName = givenName == null ? "" : text("name.givenName", givenName.strip(), MAX_TEXT);
        displayName = text("displayName", blankToEmpty(displayName));
        email = blankToEmpty(email).map(address -> emailAddress("emails", address));
        nationalRegisterNumber = blankToEmpty(nationalRegisterNumber).map(value -> NationalRegisterNumber.parse(value).value());
        Set<String> keys = new LinkedHashSet<>();
        for (String key : Objects.requireNonNullElse(legalRepresentativeOf, Set.<String>of())) {
            keys.add(KboNumber.parse(key).value());
        }
        legalRepresentativeOf = Set.copyOf(keys);
        title = text("title", blankToEmpty(title));
        employeeNumber = text("employeeNumber", blankToEmpty(employeeNumber));
        organization = text("organization", blankToEmpty(organization));
        department = text("department", blankToEmpty(department));
        externalId = externalId == null ? Optional.empty() : externalId.filter(v -> !v.isBlank());
        if (externalId.isPresent()) {
            text("externalId", externalId.get(), MAX_IDENTIFIER);
        }
    }

    /** RFC 5321/6531 in outline: no spaces or controls, one {@code @} between a local part and a dotted domain. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)*");

    /**
     * Checks a text the directory will store.
     *
     * @throws ValidationException naming the field when the text is too long, holds a control
     *         character or a character outside the Basic Multilingual Plane
     */
    public static String text(String field, String value, int max) {
        if (value.length() > max) {
            throw ValidationException.invalid(field, value, "is " + value.length() + " characters long; at most "
                    + max + " are allowed");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.invalid(field, value, "holds a control character");
        }
        if (value.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            throw ValidationException.invalid(field, value, "holds a character outside the Basic Multilingual Plane"
                    + " (such as an emoji), which the directory cannot store");
        }
        return value;
    }

    /**
     * Checks an e-mail address the directory will store (the person's one, and the others SCIM keeps).
     *
     * @throws ValidationException naming the field when it is no local-part@domain, or as {@link #text}
     */
    static String emailAddress(String field, String value) {
        text(field, value, MAX_TEXT);
        if (!EMAIL.matcher(value).matches()) {
            throw ValidationException.invalid(field, value, "is not an e-mail address (local-part@domain)");
        }
        return value;
    }

    private static Optional<String> text(String field, Optional<String> value) {
        return value.map(v -> text(field, v, MAX_TEXT));
    }

    /** The common name the directory requires: the display name, or given and family name. */
    public String commonName() {
        return displayName.orElseGet(() -> (givenName + " " + familyName).strip());
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.missing(field);
        }
        return value.strip();
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
