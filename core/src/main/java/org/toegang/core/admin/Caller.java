package org.toegang.core.admin;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a request, as the Keycloak layer establishes it from a verified access token. Nothing
 * here grants a power by itself except {@code centralAdministrator}, a realm role; every other
 * role is read from the directory at the moment of the request ({@link AdministratorRoles}).
 *
 * @param personId the directory id of the signed-in person; empty for a service account or for a
 *        realm-local account such as the central administrator
 * @param centralAdministrator whether the token carries the central administrator's realm role
 * @param serviceAccountOf the application whose service account calls, with the documented role;
 *        it then acts as that application's owner
 * @param clientId the client the token was issued to ({@code azp}), for the audit trail
 */
public record Caller(Optional<String> personId, boolean centralAdministrator, Optional<String> serviceAccountOf,
                     String clientId) {
    public Caller {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(serviceAccountOf, "serviceAccountOf");
        Objects.requireNonNull(clientId, "clientId");
    }

    public static Caller person(String personId, String clientId) {
        return new Caller(Optional.of(personId), false, Optional.empty(), clientId);
    }

    public static Caller centralAdministrator(Optional<String> personId, String clientId) {
        return new Caller(personId, true, Optional.empty(), clientId);
    }

    public static Caller serviceAccount(String applicationClientId) {
        return new Caller(Optional.empty(), false, Optional.of(applicationClientId), applicationClientId);
    }
}
