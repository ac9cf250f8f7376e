package org.toegang.keycloak.portal;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Per request: the portal's files under the current realm's path. */
final class PortalResourceProvider implements RealmResourceProvider {
    private final KeycloakSession session;
    private final PortalFiles files;

    PortalResourceProvider(KeycloakSession session, PortalFiles files) {
        this.session = session;
        this.files = files;
    }

    @Override
    public Object getResource() {
        String base = session.getContext().getUri().getBaseUri().getPath();
        String realm = session.getContext().getRealm().getName();
        String path = (base.endsWith("/") ? base : base + "/") + "realms/" + realm + "/"
                + PortalResourceProviderFactory.PROVIDER_ID + "/";
        return new PortalResource(files, path);
    }

    @Override
    public void close() {
    }
}
