package org.toegang.keycloak.session;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.representations.IDToken;
import org.keycloak.services.Urls;
import org.keycloak.util.TokenUtil;

/**
 * The realm's end-session endpoint as discovery advertises it. With {@code switch=true} (the
 * ACM/IDM way to switch capacity) it ends only the client session of the application named by
 * a valid {@code id_token_hint}, keeps the person's single sign-on, shows no page, and redirects
 * to the application's registered {@code post_logout_redirect_uri}; the next authorization
 * request runs the capacity step again without asking for the password. Every other request
 * goes on, unchanged, to Keycloak's own end-session endpoint (RP-Initiated Logout 1.0), which
 * ends the whole session (and shows its confirmation page when no valid hint is given).
 */
public final class SwitchCapacityResource {
    static final String SWITCH_PARAM = "switch";
    private static final Logger LOG = Logger.getLogger(SwitchCapacityResource.class);

    private final KeycloakSession session;

    SwitchCapacityResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("end-session")
    public Response endSessionGet() {
        return endSession(session.getContext().getUri().getQueryParameters(), false);
    }

    @POST
    @Path("end-session")
    public Response endSessionPost() {
        MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
        return endSession(form, true);
    }

    private Response endSession(MultivaluedMap<String, String> params, boolean post) {
        if (!"true".equals(params.getFirst(SWITCH_PARAM))) {
            return toKeycloaksEndpoint(post);
        }
        RealmModel realm = session.getContext().getRealm();
        IDToken idToken = verifiedHint(realm, params.getFirst(OIDCLoginProtocol.ID_TOKEN_HINT));
        if (idToken == null) {
            return refuse("id_token_hint is missing or is not a valid ID token of this realm");
        }
        ClientModel client = realm.getClientByClientId(idToken.getIssuedFor());
        if (client == null || !client.isEnabled()) {
            return refuse("the application of id_token_hint is unknown or disabled");
        }
        String redirect = registeredRedirect(client, params.getFirst(OIDCLoginProtocol.POST_LOGOUT_REDIRECT_URI_PARAM));
        if (redirect == null) {
            return refuse("post_logout_redirect_uri is missing or not registered for " + client.getClientId());
        }
        UserSessionModel userSession = idToken.getSessionId() == null ? null
                : session.sessions().getUserSession(realm, idToken.getSessionId());
        if (userSession != null) {
            AuthenticatedClientSessionModel clientSession = userSession.getAuthenticatedClientSessionByClient(client.getId());
            if (clientSession != null) {
                waitUntilLaterTokensAreDistinguishable(userSession, idToken);
                // only this application's session: its tokens stop refreshing; single sign-on stays
                clientSession.detachFromUserSession();
            }
        }
        LOG.debugf("capacity switch: ended the client session of %s", client.getClientId());
        UriBuilder target = UriBuilder.fromUri(redirect);
        String state = params.getFirst(OIDCLoginProtocol.STATE_PARAM);
        if (state != null) {
            target.queryParam(OIDCLoginProtocol.STATE_PARAM, state);
        }
        return Response.status(Response.Status.FOUND).location(target.build()).build();
    }

    /**
     * Keycloak refuses a refresh token of an ended client session only when it was issued more
     * than one second before the next client session of the same application started
     * ({@code JsonWebToken#isIssuedBeforeSessionStart}, whole seconds). A person takes longer
     * than that to choose again; an automated client does not, so the switch waits, at most two
     * seconds, until the old tokens can no longer pass for the new session's.
     */
    private static void waitUntilLaterTokensAreDistinguishable(UserSessionModel userSession, IDToken hint) {
        // the last refresh of any of the session's clients, or the hint's issue: no token of this client is newer
        long lastIssued = Math.max(userSession.getLastSessionRefresh(), hint.getIat() == null ? 0 : hint.getIat());
        long waitMillis = (lastIssued + 2) * 1000 - Time.currentTimeMillis();
        if (waitMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(waitMillis, 2_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The hint when its signature, type and issuer check out; an expired hint still names its session. */
    private IDToken verifiedHint(RealmModel realm, String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        IDToken token;
        try {
            token = session.tokens().decode(hint, IDToken.class);
        } catch (RuntimeException e) {
            return null;
        }
        String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
        if (token == null || !TokenUtil.TOKEN_TYPE_ID.equals(token.getType()) || !issuer.equals(token.getIssuer())) {
            return null;
        }
        return token;
    }

    private String registeredRedirect(ClientModel client, String redirect) {
        if (redirect == null || redirect.isBlank()) {
            return null;
        }
        Set<String> valid = new HashSet<>(OIDCAdvancedConfigWrapper.fromClientModel(client).getPostLogoutRedirectUris());
        if (valid.remove("+")) {
            valid.addAll(client.getRedirectUris());
        }
        return RedirectUtils.verifyRedirectUri(session, client.getRootUrl(), redirect, valid, true);
    }

    private Response toKeycloaksEndpoint(boolean post) {
        URI base = session.getContext().getUri().getBaseUri();
        UriBuilder logout = UriBuilder.fromUri(Urls.realmIssuer(base, session.getContext().getRealm().getName()))
                .path("protocol/openid-connect/logout");
        String query = session.getContext().getUri().getRequestUri().getRawQuery();
        if (query != null) {
            logout.replaceQuery(query);
        }
        // 307 keeps a POST a POST, with its form
        return Response.status(post ? Response.Status.TEMPORARY_REDIRECT : Response.Status.FOUND)
                .location(logout.build()).build();
    }

    private static Response refuse(String reason) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"error\":\"invalid_request\",\"error_description\":\"" + reason.replace("\"", "'") + "\"}")
                .build();
    }
}
