package org.toegang.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.identifier.NationalRegisterNumber;

/**
 * A person in the directory.
 *
 * @param id stable directory id (UUID), released as {@code vo_id}
 * @param legalRepresentativeOf keys of the organisations the person legally represents
 */
public record Person(String id, String username, String givenName, String familyName, Optional<String> email,
                     Optional<NationalRegisterNumber> nationalRegisterNumber, Set<String> legalRepresentativeOf) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(nationalRegisterNumber, "nationalRegisterNumber");
        legalRepresentativeOf = Set.copyOf(legalRepresentativeOf);
    }
}
