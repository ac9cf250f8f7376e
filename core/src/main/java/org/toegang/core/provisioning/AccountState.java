package org.toegang.core.provisioning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one application's own account store should hold for one person: who the person is and
 * the person's rights for that application only (need-to-know), as 3D-role strings
 * ({@code <Right>[-<context>]:<organisation key>}, one per organisation), sorted.
 *
 * @param personId the directory id, sent as the account's {@code externalId}
 * @param active   whether at least one right of the application counts now; an inactive
 *                 state carries no roles, since nothing of the application's data may leave
 *                 for a person who holds none of its rights
 */
public record AccountState(String personId, String username, String givenName, String familyName,
                           Optional<String> email, List<String> roles, boolean active) {
    public AccountState {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(email, "email");
        roles = List.copyOf(roles);
        if (!active && !roles.isEmpty()) {
            throw new IllegalArgumentException("an inactive account state carries no roles");
        }
    }

    /** The state of a person whose last right stopped counting (or who never had one). */
    public static AccountState inactive(String personId, String username, String givenName, String familyName,
                                        Optional<String> email) {
        return new AccountState(personId, username, givenName, familyName, email, List.of(), false);
    }
}
