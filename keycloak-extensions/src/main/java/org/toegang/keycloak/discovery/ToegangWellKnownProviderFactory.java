package org.toegang.keycloak.discovery;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;
import org.toegang.keycloak.session.SwitchCapacityResourceFactory;

/**
 * The realm's OpenID Provider metadata ({@code /.well-known/openid-configuration}): Keycloak's
 * own, with one realm option. RFC 9207 ({@code authorization_response_iss_parameter_supported})
 * is advertised unless the realm attribute {@value #ADVERTISE_ISS} is {@code false}: the
 * {@code iss} parameter in the authorization response lets a client that talks to several
 * providers detect a mix-up attack (RFC 9207, section 2.4), but a client library such as
 * openid-client 5 then demands {@code iss} among the callback parameters, and applications that
 * pass only the {@code code} fail. Keycloak still sends {@code iss}; such applications ignore it.
 *
 * <p>The advertised {@code end_session_endpoint} is {@link org.toegang.keycloak.session.SwitchCapacityResource}.
 *
 * <p>Replaces Keycloak's provider under the same alias: the lowest priority number wins.
 */
public final class ToegangWellKnownProviderFactory implements WellKnownProviderFactory {
    public static final String PROVIDER_ID = "toegang-openid-configuration";
    /** Realm attribute: {@code false} stops advertising RFC 9207; anything else (or absent) advertises it. */
    public static final String ADVERTISE_ISS = "toegang.rfc9207.advertised";

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        WellKnownProvider keycloaks = session.getProvider(WellKnownProvider.class, OIDCWellKnownProviderFactory.PROVIDER_ID);
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                Object config = keycloaks.getConfig();
                if (config instanceof OIDCConfigurationRepresentation metadata) {
                    if ("false".equalsIgnoreCase(session.getContext().getRealm().getAttribute(ADVERTISE_ISS))) {
                        metadata.setAuthorizationResponseIssParameterSupported(Boolean.FALSE);
                    }
                    // ours handles switch=true and passes everything else on to Keycloak's
                    metadata.setLogoutEndpoint(metadata.getIssuer() + "/" + SwitchCapacityResourceFactory.END_SESSION_PATH);
                }
                return config;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getAlias() {
        return OIDCWellKnownProviderFactory.PROVIDER_ID;
    }

    @Override
    public int getPriority() {
        return 1;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
