package org.toegang.keycloak.session;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves {@link SwitchCapacityResource} at {@code /realms/<realm>/}{@value #PROVIDER_ID}{@code /end-session}. */
public final class SwitchCapacityResourceFactory implements RealmResourceProviderFactory {
    public static final String PROVIDER_ID = "toegang-session";
    /** The path of the end-session endpoint below the realm's URL. */
    public static final String END_SESSION_PATH = PROVIDER_ID + "/end-session";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new SwitchCapacityResource(session);
            }

            @Override
            public void close() {
            }
        };
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
