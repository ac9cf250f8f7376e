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
import org.toegang.keycloak.capacity.ChosenCapacity;

/**
 * {@code sub} = the person's directory id ({@code toegangPersonId}, also {@code vo_id}): stable
 * and opaque. Keycloak's own id of a federated person is {@code f:<provider>:<username>}, which
 * changes with the username and names the storage provider. Keycloak finds sessions by
 * {@code sid}, never by {@code sub}, for userinfo, introspection, refresh and logout, as it does
 * for its pairwise subjects, so they keep working. Accounts outside the directory (service
 * accounts) keep Keycloak's id.
 */
public final class SubjectMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {
    public static final String PROVIDER_ID = "toegang-sub";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, SubjectMapper.class);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        String personId = userSession.getUser().getFirstAttribute(ChosenCapacity.PERSON_ID_ATTRIBUTE);
        if (personId != null && !personId.isBlank()) {
            token.setSubject(personId);
        }
    }

    /** After Keycloak's own {@code sub} mapper (priority -10), so this one decides. */
    @Override
    public int getPriority() {
        return 10;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Toegang subject";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "sub = the person's directory id (toegangPersonId), stable across username changes.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
