package org.toegang.keycloak.portal;

import java.nio.file.Path;
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

    /**
     * Option {@value #FILES_DIRECTORY} (e.g. {@code KC_SPI_REALM_RESTAPI_EXTENSION__PORTAL__FILES_DIRECTORY}):
     * serve the portal from a directory, for its developers; unset, from the provider jar.
     */
    static final String FILES_DIRECTORY = "files-directory";

    @Override
    public void init(Config.Scope config) {
        String directory = config.get(FILES_DIRECTORY);
        files = directory == null || directory.isBlank()
                ? new PortalFiles(PortalResourceProviderFactory.class.getClassLoader(), "portal")
                : new PortalFiles(Path.of(directory));
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
