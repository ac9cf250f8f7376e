package org.toegang.keycloak.audit;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The {@value #PROVIDER_ID} event listener: an audit trail of login and admin events on the
 * {@value #LOG_CATEGORY} log category. Enable it per realm (realm settings, events, event
 * listeners); admin events reach it only when the realm saves admin events.
 */
public final class AuditEventListenerProviderFactory implements EventListenerProviderFactory {
    public static final String PROVIDER_ID = "toegang-audit";
    public static final String LOG_CATEGORY = "org.toegang.audit";

    private static final Logger LOG = Logger.getLogger(LOG_CATEGORY);

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListenerProvider(session, LOG);
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

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
