package org.toegang.keycloak.mapper;

import java.util.Collection;
import java.util.List;

import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.AttributeStatementHelper;
import org.keycloak.protocol.saml.mappers.SAMLAttributeStatementMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * SAML attributes with the names of the OIDC claims: {@code vo_*} (mode {@code vo}) or the
 * multi-valued {@code <application>_rol_3d} (mode {@code rol_3d}), name format basic.
 */
public final class SamlCapacityAttributesMapper extends AbstractSAMLProtocolMapper
        implements SAMLAttributeStatementMapper {
    public static final String PROVIDER_ID = "toegang-saml-attributes";
    static final String MODE = "toegang.mode";
    private static final List<ProviderConfigProperty> CONFIG = List.of(
            new ProviderConfigProperty(MODE, "Attributes", "vo: the vo_* attributes; rol_3d: the application's 3D roles.",
                    ProviderConfigProperty.LIST_TYPE, "vo", "vo", "rol_3d"),
            new ProviderConfigProperty(TokenFacts.APPLICATION, "Application",
                    "For rol_3d: client id of the application; empty: the requesting client's.",
                    ProviderConfigProperty.STRING_TYPE, null));

    @Override
    public void transformAttributeStatement(AttributeStatementType statement, ProtocolMapperModel model,
                                            KeycloakSession session, UserSessionModel userSession,
                                            AuthenticatedClientSessionModel clientSession) {
        if ("rol_3d".equals(model.getConfig().get(MODE))) {
            TokenFacts.roles(session, model, userSession, clientSession).ifPresent(roles ->
                    add(statement, TokenFacts.rolesClaim(model, clientSession), roles));
        } else {
            TokenFacts.vo(session, userSession, clientSession).forEach((name, value) -> add(statement, name, List.of(value)));
        }
    }

    private static void add(AttributeStatementType statement, String name, Collection<String> values) {
        AttributeType attribute = new AttributeType(name);
        attribute.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_BASIC.get());
        values.forEach(attribute::addAttributeValue);
        statement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Toegang attributes";
    }

    @Override
    public String getDisplayCategory() {
        return AttributeStatementHelper.ATTRIBUTE_STATEMENT_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "The vo_* attributes of the chosen capacity, or the application's <application>_rol_3d roles.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
