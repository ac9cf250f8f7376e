package org.toegang.keycloak.mapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * The audience ({@code aud}) of an application's access and refresh tokens: the application's
 * own client and the resource servers its owner allows in the client attribute
 * {@value #ALLOWED_ATTRIBUTE} (client ids separated by spaces). Keycloak 26.7 answers
 * {@code {"active": false}} (event {@code INTROSPECT_TOKEN_ERROR}, "client not in the token
 * audience") to every client that introspects a token whose {@code aud} does not name it, so this
 * list is exactly who may introspect the application's tokens.
 */
public final class ApplicationAudienceMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, TokenIntrospectionTokenMapper {
    public static final String PROVIDER_ID = "toegang-audience";
    /** Client attribute: the resource servers allowed to introspect the application's tokens. */
    public static final String ALLOWED_ATTRIBUTE = "toegang.introspection.allowed";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, ApplicationAudienceMapper.class);
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        token.addAudience(client.getClientId());
        String allowed = client.getAttribute(ALLOWED_ATTRIBUTE);
        if (allowed != null) {
            Arrays.stream(allowed.trim().split("\\s+"))
                    .filter(id -> !id.isEmpty())
                    // only clients that exist: a typo must not hand the tokens to a later namesake unseen
                    .filter(id -> session.getContext().getRealm().getClientByClientId(id) != null)
                    .forEach(token::addAudience);
        }
        return token;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        // the audience is set in transformAccessToken; ID tokens keep theirs (the client)
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Toegang application audience";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "aud = the application's client and the resource servers in its attribute " + ALLOWED_ATTRIBUTE + ".";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
