package org.toegang.keycloak.capacity;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The {@value #PROVIDER_ID} step: place it REQUIRED after the step that identifies the person. */
public final class CapacityAuthenticatorFactory implements AuthenticatorFactory {
    public static final String PROVIDER_ID = "toegang-capacity";
    private static final CapacityAuthenticator SINGLETON = new CapacityAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Toegang capacity (hoedanigheid)";
    }

    @Override
    public String getReferenceCategory() {
        return "capacity";
    }

    @Override
    public String getHelpText() {
        return "Lets the person choose as whom they act at the application (or takes login_hint), "
                + "refuses when they hold no capacity there.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
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
