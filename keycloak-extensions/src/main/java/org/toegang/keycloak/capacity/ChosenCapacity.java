package org.toegang.keycloak.capacity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.toegang.core.capacity.ApplicationClients;
import org.toegang.core.capacity.Capacities;
import org.toegang.core.capacity.Capacity;
import org.toegang.core.capacity.CapacityNote;
import org.toegang.core.model.Grant;
import org.toegang.keycloak.directory.ToegangDirectoryProvider;

/**
 * The capacity chosen for one client session, and the person's grants for its application at
 * the moment of issue. The grants are read in one LDAP search per request and kept on the
 * {@link KeycloakSession}, so the ID token, access token and refresh check of one request share
 * that search, and every request (a refresh too) sees the directory as it is now.
 */
public final class ChosenCapacity {

    /** The client-session note that holds the chosen capacity ({@link CapacityNote}). */
    public static final String NOTE = "toegang.capacity";
    /** The user attribute (from the LDAP federation) that holds the person's directory id. */
    public static final String PERSON_ID_ATTRIBUTE = "vo_id";

    private final Capacity capacity;
    private final List<Grant> activeGrants;

    private ChosenCapacity(Capacity capacity, List<Grant> activeGrants) {
        this.capacity = capacity;
        this.activeGrants = activeGrants;
    }

    /**
     * The chosen capacity of a client session with its current grants.
     *
     * @return empty when the client is no Toegang application or no capacity was chosen
     * @throws org.toegang.core.directory.DirectoryUnavailableException when the directory cannot answer
     */
    public static Optional<ChosenCapacity> of(KeycloakSession session, UserModel user,
                                              AuthenticatedClientSessionModel clientSession) {
        Optional<Capacity> capacity = CapacityNote.read(clientSession.getNote(NOTE));
        Optional<String> application = ApplicationClients.applicationOf(clientSession.getClient().getClientId());
        String personId = user.getFirstAttribute(PERSON_ID_ATTRIBUTE);
        if (capacity.isEmpty() || application.isEmpty() || personId == null) {
            return Optional.empty();
        }
        String cacheKey = "toegang.grants." + personId + '.' + application.get();
        @SuppressWarnings("unchecked")
        List<Grant> grants = (List<Grant>) session.getAttribute(cacheKey);
        if (grants == null) {
            grants = session.getProvider(ToegangDirectoryProvider.class).repository()
                    .activeGrants(personId, application.get(), Instant.now());
            session.setAttribute(cacheKey, grants);
        }
        return Optional.of(new ChosenCapacity(capacity.get(), grants));
    }

    public Capacity capacity() {
        return capacity;
    }

    /** The 3D roles of the chosen capacity only, in claim form; never null. */
    public List<String> roles() {
        return Capacities.roles(capacity, activeGrants);
    }

    /** Whether the person may still act in the capacity (a refresh is refused otherwise). */
    public boolean stillHeld() {
        return Capacities.stillHeld(capacity, activeGrants);
    }
}
