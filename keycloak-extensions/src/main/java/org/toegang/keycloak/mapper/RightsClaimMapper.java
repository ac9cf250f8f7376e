package org.toegang.keycloak.mapper;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * OIDC claim {@code <application>_rol_3d}: a JSON array of the 3D roles of the chosen capacity,
 * read from the directory at each token, so an ended or revoked grant is gone at the next refresh.
 */
public final class RightsClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {
    public static final String PROVIDER_ID = "toegang-rol-3d";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty application = new ProviderConfigProperty(TokenFacts.APPLICATION, "Application",
                "Client id of the application whose rights to release; empty: the requesting client's.",
                ProviderConfigProperty.STRING_TYPE, null);
        CONFIG.add(application);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, RightsClaimMapper.class);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        var clientSession = clientSessionCtx.getClientSession();
        TokenFacts.roles(session, model, userSession, clientSession).ifPresent(roles ->
                token.getOtherClaims().put(TokenFacts.rolesClaim(model, clientSession), roles));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Toegang 3D roles";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "<application>_rol_3d: the rights of the chosen capacity at the application, as 3D roles.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
