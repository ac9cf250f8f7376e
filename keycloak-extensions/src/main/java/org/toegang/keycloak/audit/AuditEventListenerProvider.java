package org.toegang.keycloak.audit;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Writes each event as one line through JBoss Logging: successes at INFO, failures at WARN.
 * Made per session; holds the session only to name an admin event's actor.
 */
final class AuditEventListenerProvider implements EventListenerProvider, ActorNames {
    private final KeycloakSession session;
    private final Logger log;
    private final SignInCounting signIns;

    AuditEventListenerProvider(KeycloakSession session, Logger log) {
        this.session = session;
        this.log = log;
        this.signIns = new SignInCounting(session);
    }

    @Override
    public void onEvent(Event event) {
        log.log(AuditRecords.failed(event) ? Logger.Level.WARN : Logger.Level.INFO, AuditRecords.of(event));
        signIns.onEvent(event);
    }

    /**
     * {@code includeRepresentation} is ignored on purpose: a representation can carry secrets,
     * and the audit trail records who did what, not the data itself.
     */
    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        log.log(AuditRecords.failed(event) ? Logger.Level.WARN : Logger.Level.INFO, AuditRecords.of(event, this));
    }

    @Override
    public String clientId(String realmId, String clientInternalId) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        ClientModel client = realm == null ? null : realm.getClientById(clientInternalId);
        return client == null ? null : client.getClientId();
    }

    @Override
    public String username(String realmId, String userId) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        return user == null ? null : user.getUsername();
    }

    @Override
    public void close() {
    }
}
