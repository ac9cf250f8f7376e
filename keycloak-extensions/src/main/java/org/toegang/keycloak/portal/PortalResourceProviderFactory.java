package org.toegang.keycloak.portal;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * The administration portal at {@code /realms/{realm}/}{@value #PROVIDER_ID}{@code /}: static
 * HTML, ES modules and CSS from the themes module, signed in as the realm's public client
 * {@value #CLIENT_ID}. Keeps only the files it has read (immutable content of the jar).
 */
public final class PortalResourceProviderFactory implements RealmResourceProviderFactory {
    public static final String PROVIDER_ID = "portal";
    public static final String CLIENT_ID = "toegang-portal";

    private PortalFiles files;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PortalResourceProvider(session, files);
    }

    @Override
    public void init(Config.Scope config) {
        files = new PortalFiles(PortalResourceProviderFactory.class.getClassLoader(), "portal");
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
