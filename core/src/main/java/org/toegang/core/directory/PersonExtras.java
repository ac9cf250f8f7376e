package org.toegang.core.directory;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What SCIM stores about a person beyond the typed fields of {@link PersonDraft}: the User
 * attributes no standard or Toegang attribute holds, losslessly as one JSON object
 * ({@code toegangScimAttributes}), and copies of some of them in the standard inetOrgPerson
 * attributes (RFC 2798) for LDAP readers and filters: {@code employeeType} (userType),
 * {@code preferredLanguage}, {@code labeledURI} (profileUrl), {@code telephoneNumber} and
 * {@code mobile} (phoneNumbers), {@code toegangOtherMail} (the e-mail addresses besides the one
 * in {@code mail}), {@code userCertificate;binary} (x509Certificates that are certificates). The
 * JSON is what SCIM reads back; the copies follow it.
 *
 * @param attributes the JSON object, at most {@value #MAX_JSON} characters
 * @param otherMails the e-mail addresses besides the person's one ({@link PersonDraft#email()})
 * @param certificates DER-encoded X.509 certificates, each base64 (RFC 4648 §4) as SCIM carries them
 */
public record PersonExtras(Optional<String> attributes, Optional<String> userType, Optional<String> preferredLanguage,
                           Optional<String> profileUrl, List<String> telephoneNumbers, List<String> mobileNumbers,
                           List<String> otherMails, List<String> certificates) {
    /** Nothing beyond the typed fields. */
    public static final PersonExtras NONE = new PersonExtras(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of(), List.of(), List.of(), List.of());
    /** The longest JSON form stored (certificates and photos make it long). */
    public static final int MAX_JSON = 65_536;

    public PersonExtras {
        attributes = Objects.requireNonNull(attributes, "attributes")
                .map(json -> PersonDraft.text("User attributes", json, MAX_JSON));
        userType = Objects.requireNonNull(userType, "userType").map(v -> PersonDraft.text("userType", v, PersonDraft.MAX_TEXT));
        preferredLanguage = Objects.requireNonNull(preferredLanguage, "preferredLanguage")
                .map(v -> PersonDraft.text("preferredLanguage", v, PersonDraft.MAX_TEXT));
        profileUrl = Objects.requireNonNull(profileUrl, "profileUrl")
                .map(v -> PersonDraft.text("profileUrl", v, PersonDraft.MAX_TEXT));
        telephoneNumbers = List.copyOf(telephoneNumbers).stream()
                .map(v -> PersonDraft.text("phoneNumbers.value", v, PersonDraft.MAX_TEXT)).distinct().toList();
        mobileNumbers = List.copyOf(mobileNumbers).stream()
                .map(v -> PersonDraft.text("phoneNumbers.value", v, PersonDraft.MAX_TEXT)).distinct().toList();
        Set<String> seen = new HashSet<>();
        // the directory compares addresses ignoring case, so one differing only in case is the same value there
        otherMails = List.copyOf(otherMails).stream().map(String::strip).filter(v -> !v.isEmpty())
                .map(v -> PersonDraft.emailAddress("emails.value", v))
                .filter(v -> seen.add(v.toLowerCase(Locale.ROOT))).toList();
        certificates = List.copyOf(certificates).stream().distinct().toList();
        certificates.forEach(Base64.getDecoder()::decode); // IllegalArgumentException: a caller's defect, not input
    }

    /** The certificates as the directory stores them (DER). */
    public byte[][] derCertificates() {
        return certificates.stream().map(Base64.getDecoder()::decode).toArray(byte[][]::new);
    }
}
