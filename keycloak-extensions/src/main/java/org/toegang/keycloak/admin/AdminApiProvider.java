package org.toegang.keycloak.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.toegang.core.admin.Administration;

/** Per request: the API's resource for the realm of the request, or none for other realms. */
final class AdminApiProvider implements RealmResourceProvider {
    private final KeycloakSession session;
    private final Administration administration;
    private final String openApi;
    private final String realm;

    AdminApiProvider(KeycloakSession session, Administration administration, String openApi, String realm) {
        this.session = session;
        this.administration = administration;
        this.openApi = openApi;
        this.realm = realm;
    }

    @Override
    public Object getResource() {
        if (!realm.equals(session.getContext().getRealm().getName())) {
            // the directory belongs to one realm: other realms (master) have no such API
            throw new jakarta.ws.rs.NotFoundException();
        }
        return new AdminApiResource(session, administration, openApi);
    }

    @Override
    public void close() {
    }
}
