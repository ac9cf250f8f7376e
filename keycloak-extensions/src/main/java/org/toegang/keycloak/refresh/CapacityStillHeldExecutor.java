package org.toegang.keycloak.refresh;

import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.toegang.keycloak.capacity.ChosenCapacity;

/**
 * Refuses a refresh when the person no longer holds the capacity chosen at sign-in (the last
 * right for it ended or was revoked). A protocol mapper cannot refuse a token, so this runs as
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
        boolean held = ChosenCapacity.of(session, clientSession.getUserSession().getUser(), clientSession)
                .map(ChosenCapacity::stillHeld)
                .orElse(true);
        if (!held) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT,
                    "no active right left for the chosen capacity; sign in again", Response.Status.BAD_REQUEST);
        }
    }

    @Override
    public String getProviderId() {
        return CapacityStillHeldExecutorFactory.PROVIDER_ID;
    }
}
