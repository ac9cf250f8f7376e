package org.toegang.keycloak.admin;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.toegang.core.admin.AdminContext;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.Caller;
import org.toegang.core.capacity.ApplicationClients;
import org.toegang.keycloak.capacity.ChosenCapacity;

/**
 * Runs one API call: verifies the bearer token the Keycloak way ({@link AppAuthManager.BearerTokenAuthenticator}:
 * signature, issuer = this realm, expiry, active session), makes the {@link Caller}, reads its roles
 * at this moment, runs the action, and turns any failure into a problem document ({@link Problems}).
 *
 * <p>Accepted callers: a person's token issued to the portal client {@value #PORTAL_CLIENT}, or
 * the service account of an application client holding the realm role {@value #APPLICATION_ROLE},
 * which then acts as owner of that application. The central administrator is a person or
 * realm-local account with the realm role {@value #CENTRAL_ROLE}.
 */
final class ApiCall {
    static final String PORTAL_CLIENT = "toegang-portal";
    static final String CENTRAL_ROLE = "toegang-central-admin";
    static final String APPLICATION_ROLE = "toegang-application-owner";

    private final KeycloakSession session;
    private final Administration administration;

    ApiCall(KeycloakSession session, Administration administration) {
        this.session = session;
        this.administration = administration;
    }

    /** Authenticates, then runs {@code action}; every failure becomes a problem response. */
    Response run(Function<AdminContext, Response> action) {
        try {
            return action.apply(authenticate());
        } catch (RuntimeException e) {
            return Problems.of(e);
        }
    }

    private AdminContext authenticate() {
        AuthenticationManager.AuthResult auth;
        try {
            auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (WebApplicationException e) {
            throw Problems.unauthorized("the bearer token is not a valid access token of this realm");
        }
        if (auth == null) {
            throw Problems.unauthorized("a bearer access token of this realm is required");
        }
        return administration.context(caller(auth), Instant.now());
    }

    private Caller caller(AuthenticationManager.AuthResult auth) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = auth.getUser();
        AccessToken token = auth.getToken();
        String azp = token.getIssuedFor();
        if (user.getServiceAccountClientLink() != null) {
            ClientModel client = realm.getClientById(user.getServiceAccountClientLink());
            if (client != null && hasRole(realm, user, APPLICATION_ROLE)) {
                return ApplicationClients.applicationOf(client.getClientId()).map(Caller::serviceAccount)
                        .orElseThrow(() -> Problems.unauthorized("the service account belongs to no application"));
            }
            return new Caller(Optional.empty(), false, Optional.empty(), azp == null ? "unknown" : azp);
        }
        if (!PORTAL_CLIENT.equals(azp)) {
            throw Problems.unauthorized("a person's token must be issued to the client " + PORTAL_CLIENT);
        }
        Optional<String> personId = Optional.ofNullable(user.getFirstAttribute(ChosenCapacity.PERSON_ID_ATTRIBUTE));
        return new Caller(personId, hasRole(realm, user, CENTRAL_ROLE), Optional.empty(), azp);
    }

    private static boolean hasRole(RealmModel realm, UserModel user, String name) {
        RoleModel role = realm.getRole(name);
        return role != null && user.hasRole(role);
    }
}
