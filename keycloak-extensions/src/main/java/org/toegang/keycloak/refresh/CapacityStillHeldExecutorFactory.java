package org.toegang.keycloak.refresh;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** The {@value #PROVIDER_ID} client-policy executor; the realm's client policy applies it. */
public final class CapacityStillHeldExecutorFactory implements ClientPolicyExecutorProviderFactory {
    public static final String PROVIDER_ID = "toegang-capacity-still-held";

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new CapacityStillHeldExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Refuses a refresh token grant when the person no longer holds the chosen capacity.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
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
