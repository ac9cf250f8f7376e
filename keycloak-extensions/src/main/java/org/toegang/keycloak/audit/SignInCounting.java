package org.toegang.keycloak.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.toegang.core.capacity.ApplicationClients;
import org.toegang.core.capacity.Capacity;
import org.toegang.keycloak.capacity.ChosenCapacity;
import org.toegang.keycloak.directory.ToegangDirectoryProvider;

/**
 * Counts each successful sign-in to an application per organisation of the chosen capacity and
 * per day, for the application's owner ("who consults your information"). A sign-in without a
 * chosen capacity (not a Toegang application) is not counted. Counting never fails a sign-in: a
 * directory failure is logged and the sign-in goes on.
 */
final class SignInCounting {
    private static final Logger LOG = Logger.getLogger(SignInCounting.class);

    private final KeycloakSession session;

    SignInCounting(KeycloakSession session) {
        this.session = session;
    }

    void onEvent(Event event) {
        if (event.getType() != EventType.LOGIN || event.getError() != null || event.getSessionId() == null) {
            return;
        }
        try {
            Optional<String> application = ApplicationClients.applicationOf(event.getClientId());
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            if (application.isEmpty() || realm == null) {
                return;
            }
            ClientModel client = realm.getClientByClientId(event.getClientId());
            UserSessionModel user = session.sessions().getUserSession(realm, event.getSessionId());
            AuthenticatedClientSessionModel clientSession = client == null || user == null ? null
                    : user.getAuthenticatedClientSessionByClient(client.getId());
            Optional<Capacity> capacity = clientSession == null ? Optional.empty()
                    : ChosenCapacity.capacityOf(session, clientSession);
            if (capacity.isEmpty()) {
                return;
            }
            List<String> organisations = capacity.get().organisationKeys().isEmpty()
                    ? List.of(capacity.get().targetGroup().code()) : capacity.get().organisationKeys();
            Instant at = Instant.ofEpochMilli(event.getTime());
            var oversight = session.getProvider(ToegangDirectoryProvider.class).administration().oversight();
            for (String organisation : organisations) {
                oversight.countSignIn(application.get(), organisation, at);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "toegang: could not count a sign-in to %s", event.getClientId());
        }
    }
}
