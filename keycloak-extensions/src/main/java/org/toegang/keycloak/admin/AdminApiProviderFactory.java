package org.toegang.keycloak.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.toegang.core.admin.Administration;
import org.toegang.keycloak.directory.ToegangDirectoryProvider;

/**
 * Serves the delegated administration API at {@code /realms/{realm}/toegang-admin/v1/...} for the
 * realm named by the option {@code --spi-realm-restapi-extension--toegang-admin--realm} (default
 * {@code toegang}). Reads the OpenAPI document once; the {@link Administration} is made once per
 * node over the directory provider's pool, at the first request.
 */
public final class AdminApiProviderFactory implements RealmResourceProviderFactory {
    public static final String PROVIDER_ID = "toegang-admin";

    private String realm;
    private String openApi;

    @Override
    public void init(Config.Scope scope) {
        realm = scope.get("realm", "toegang");
        try (InputStream in = AdminApiProviderFactory.class.getResourceAsStream(AdminApiResource.OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(AdminApiResource.OPENAPI_RESOURCE + " is missing from the provider jar");
            }
            openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        Administration administration = session.getProvider(ToegangDirectoryProvider.class).administration();
        return new AdminApiProvider(session, administration, openApi, realm);
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
