package org.toegang.keycloak.signin;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/** The {@value #PROVIDER_ID} authenticator: Keycloak's username and password form, see {@link DirectoryPasswordForm}. */
public final class DirectoryPasswordFormFactory extends UsernamePasswordFormFactory {
    public static final String PROVIDER_ID = "toegang-username-password-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new DirectoryPasswordForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Toegang username and password form";
    }

    @Override
    public String getHelpText() {
        return "Username and password against the directory: the typed name must be exactly the account's"
                + " username (apart from letter case); a directory that cannot answer gets a clear"
                + " 'temporarily unavailable' page.";
    }
}
