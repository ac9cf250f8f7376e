package org.toegang.keycloak.refresh;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.toegang.keycloak.capacity.ChosenCapacity;

/**
 * Refuses a refresh when the person no longer holds the capacity chosen at sign-in (the last
 * right for it ended or was revoked), or was deactivated in the directory: then every session of
 * hers ends too. A protocol mapper cannot refuse a token, so this runs as
 * a client-policy executor on {@link ClientPolicyEvent#TOKEN_REFRESH_RESPONSE}, after the
 * mappers, and reuses the grants they read in the same request.
 */
final class CapacityStillHeldExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {
    private final KeycloakSession session;

    CapacityStillHeldExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.TOKEN_REFRESH_RESPONSE) {
            return;
        }
        AuthenticatedClientSessionModel clientSession = ((TokenRefreshResponseContext) context).getClientSession();
        if (clientSession == null) {
            return;
        }
        Optional<ChosenCapacity> chosen = ChosenCapacity.of(session, clientSession.getUserSession().getUser(),
                clientSession);
        if (chosen.isPresent() && !chosen.get().personActive()) {
            endSessionsOf(clientSession.getRealm(), clientSession.getUserSession().getUser());
            throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT,
                    "the person was deactivated in the directory", Response.Status.BAD_REQUEST);
        }
        if (chosen.isPresent() && !chosen.get().stillHeld()) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT,
                    "no active right left for the chosen capacity; sign in again", Response.Status.BAD_REQUEST);
        }
    }

    /**
     * Ends every session of a deactivated person, on all clients: a refused refresh answers with
     * an error, and Keycloak rolls this request's transaction back, so the sessions are removed
     * in a transaction of their own.
     */
    private void endSessionsOf(RealmModel realm, UserModel user) {
        String realmId = realm.getId();
        String userId = user.getId();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
            RealmModel ownRealm = own.realms().getRealm(realmId);
            own.getContext().setRealm(ownRealm);
            UserModel ownUser = own.users().getUserById(ownRealm, userId);
            if (ownUser == null) {
                return; // gone from the directory: Keycloak no longer finds her, nor her sessions
            }
            own.sessions().getUserSessionsStream(ownRealm, ownUser).toList()
                    .forEach(userSession -> own.sessions().removeUserSession(ownRealm, userSession));
            own.sessions().getOfflineUserSessionsStream(ownRealm, ownUser).toList()
                    .forEach(userSession -> own.sessions().removeOfflineUserSession(ownRealm, userSession));
        });
    }

    @Override
    public String getProviderId() {
        return CapacityStillHeldExecutorFactory.PROVIDER_ID;
    }
}
