package org.toegang.keycloak.directory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.toegang.core.directory.DirectoryChanges;

/**
 * Drops Keycloak's cached copy of a person when the directory reports a change of the person's
 * entry, and ends her sessions when the directory no longer shows her to Keycloak (deactivated:
 * the realm's LDAP federation filters on {@code toegangActive}).
 *
 * <p>Why: Keycloak keeps the users its LDAP federation finds in its user cache (cache policy
 * {@code DEFAULT}: until evicted) and does not ask the directory again at a refresh, an
 * introspection or a sign-in by SSO cookie; so a person deactivated over SCIM kept her tokens.
 * Evicting her makes Keycloak's own checks (user exists and is enabled) see the directory as it
 * is. The work runs on a thread of its own: the feed's callbacks must be short.
 */
final class UserCacheEviction implements DirectoryChanges.Listener {
    private static final Logger LOG = Logger.getLogger(UserCacheEviction.class);

    private final KeycloakSessionFactory factory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "toegang-user-cache-eviction");
        thread.setDaemon(true);
        return thread;
    });

    UserCacheEviction(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void live() {
        // changes missed while the feed was down are not replayed; the refresh check still reads
        // toegangActive at every token (PersonRights), so a deactivation is refused there
    }

    @Override
    public void interrupted() {
    }

    @Override
    public void changed(DirectoryChanges.Change change) {
        change.username().ifPresent(username -> {
            try {
                worker.execute(() -> evict(username));
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        });
    }

    private void evict(String username) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                    .forEach(realm -> evict(session, realm, username)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not drop Keycloak's cached copy of %s", username);
        }
    }

    private static void evict(KeycloakSession session, RealmModel realm, String username) {
        session.getContext().setRealm(realm);
        UserCache cache = session.getProvider(UserCache.class);
        UserModel cached = session.users().getUserByUsername(realm, username);
        if (cache == null || cached == null) {
            return;
        }
        cache.evict(realm, cached);
        if (session.users().getUserByUsername(realm, username) == null) {
            LOG.infof("%s is no longer in the directory for realm %s (deactivated): ending her sessions",
                    username, realm.getName());
            session.sessions().getUserSessionsStream(realm, cached).toList()
                    .forEach(userSession -> session.sessions().removeUserSession(realm, userSession));
            session.sessions().getOfflineUserSessionsStream(realm, cached).toList()
                    .forEach(userSession -> session.sessions().removeOfflineUserSession(realm, userSession));
        }
    }

    void close() {
        worker.shutdownNow();
    }
}
