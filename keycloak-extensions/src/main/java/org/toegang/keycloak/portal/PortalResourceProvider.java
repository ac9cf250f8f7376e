package org.toegang.keycloak.portal;

import org.keycloak.headers.SecurityHeadersProvider;
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
        // The realm's browser security headers (a CSP meant for the login pages) would replace the
        // portal's stricter ones: PortalResource sets every security header itself.
        SecurityHeadersProvider headers = session.getProvider(SecurityHeadersProvider.class);
        if (headers != null) {
            headers.options().skipHeaders();
        }
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
