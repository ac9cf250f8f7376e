package org.toegang.core.directory;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.ValidationException;
import org.toegang.core.identifier.KboNumber;
import org.toegang.core.identifier.NationalRegisterNumber;

/**
 * What a writer (SCIM, the portal) asks to store about a person, validated on construction:
 * the national register number and the KBO numbers of legal representation must be valid,
 * the user name and family name present. Dotted KBO input is normalised to its digits.
 *
 * @param externalId the person's identifier in the provisioning client (SCIM {@code externalId}),
 *        kept exactly as given: it is case-exact (RFC 7643 §3.1)
 * @param active false for a deactivated person, who may not sign in
 *
 * @throws ValidationException from the constructor, naming the field that is wrong
 */
public record PersonDraft(String username, String givenName, String familyName, Optional<String> displayName,
                          Optional<String> email, Optional<String> nationalRegisterNumber,
                          Set<String> legalRepresentativeOf, Optional<String> title,
                          Optional<String> employeeNumber, Optional<String> organization,
                          Optional<String> department, Optional<String> externalId, boolean active) {
    public PersonDraft {
        username = required("userName", username);
        if (username.length() > 256 || username.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.invalid("userName", username, "must be at most 256 printable characters");
        }
        familyName = required("name.familyName", familyName);
        givenName = givenName == null ? "" : givenName.strip();
        displayName = blankToEmpty(displayName);
        email = blankToEmpty(email);
        nationalRegisterNumber = blankToEmpty(nationalRegisterNumber).map(value -> NationalRegisterNumber.parse(value).value());
        Set<String> keys = new LinkedHashSet<>();
        for (String key : Objects.requireNonNullElse(legalRepresentativeOf, Set.<String>of())) {
            keys.add(KboNumber.parse(key).value());
        }
        legalRepresentativeOf = Set.copyOf(keys);
        title = blankToEmpty(title);
        employeeNumber = blankToEmpty(employeeNumber);
        organization = blankToEmpty(organization);
        department = blankToEmpty(department);
        externalId = externalId == null ? Optional.empty() : externalId.filter(v -> !v.isBlank());
        if (externalId.isPresent() && (externalId.get().length() > 256
                || externalId.get().chars().anyMatch(Character::isISOControl))) {
            throw ValidationException.invalid("externalId", externalId.get(), "must be at most 256 printable characters");
        }
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
