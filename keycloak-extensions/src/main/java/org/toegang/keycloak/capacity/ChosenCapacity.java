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
import org.toegang.core.directory.DirectoryUnavailableException;
import org.toegang.core.rights.PersonRights;
import org.toegang.keycloak.directory.DirectoryFaults;
import org.toegang.keycloak.directory.ToegangDirectoryProvider;

/**
 * The capacity chosen for one client session, and the 3D roles it releases at the moment of
 * issue. Made once per request: the note is read, the grants are read (at most one LDAP search;
 * none while the directory's rights cache holds the person, see
 * {@link org.toegang.core.directory.DirectoryRepository#activeGrants}) and the roles are built
 * once, then kept on the {@link KeycloakSession}, so the ID token, access token and refresh check
 * of one request share them, and every request (a refresh too) sees the directory as it is now.
 */
public final class ChosenCapacity {

    /** The client-session note that holds the chosen capacity ({@link CapacityNote}). */
    public static final String NOTE = "toegang.capacity";
    /** The user attribute (from the LDAP federation) that holds the person's directory id. */
    public static final String PERSON_ID_ATTRIBUTE = "vo_id";

    private final Capacity capacity;
    private final List<String> roles;
    private final boolean stillHeld;
    private final boolean personActive;

    private ChosenCapacity(Capacity capacity, PersonRights rights) {
        this.capacity = capacity;
        this.roles = Capacities.roles(capacity, rights.grants());
        this.stillHeld = rights.holds(capacity);
        this.personActive = rights.active();
    }

    /**
     * The chosen capacity of a client session with its current grants.
     *
     * @return empty when the client is no Toegang application or no capacity was chosen
     * @throws jakarta.ws.rs.WebApplicationException 503 {@code temporarily_unavailable} when the
     *         directory cannot answer ({@link DirectoryFaults}), so no token goes out without its rights
     */
    public static Optional<ChosenCapacity> of(KeycloakSession session, UserModel user,
                                              AuthenticatedClientSessionModel clientSession) {
        String note = clientSession.getNote(NOTE);
        Optional<String> application = ApplicationClients.applicationOf(clientSession.getClient().getClientId());
        String personId = user.getFirstAttribute(PERSON_ID_ATTRIBUTE);
        if (note == null || application.isEmpty() || personId == null) {
            return Optional.empty();
        }
        // the note in the key: a request that saw another capacity (none does today) gets its own
        String key = NOTE + '|' + personId + '|' + application.get() + '|' + note;
        ChosenCapacity chosen = (ChosenCapacity) session.getAttribute(key);
        if (chosen == null) {
            Optional<Capacity> capacity = capacityOf(session, clientSession);
            if (capacity.isEmpty()) {
                return Optional.empty();
            }
            PersonRights rights;
            try {
                rights = session.getProvider(ToegangDirectoryProvider.class).repository()
                        .rights(personId, application.get(), Instant.now());
            } catch (DirectoryUnavailableException e) {
                throw DirectoryFaults.temporarilyUnavailable(e);
            }
            chosen = new ChosenCapacity(capacity.get(), rights);
            session.setAttribute(key, chosen);
        }
        return Optional.of(chosen);
    }

    /**
     * The capacity named in a client session's note, without any directory search (for the
     * {@code vo} claims); read once per request.
     *
     * @return empty when no capacity was chosen or the note cannot be read; never null
     */
    public static Optional<Capacity> capacityOf(KeycloakSession session, AuthenticatedClientSessionModel clientSession) {
        String note = clientSession.getNote(NOTE);
        if (note == null) {
            return Optional.empty();
        }
        String key = NOTE + '|' + note;
        @SuppressWarnings("unchecked")
        Optional<Capacity> capacity = (Optional<Capacity>) session.getAttribute(key);
        if (capacity == null) {
            capacity = CapacityNote.read(note);
            session.setAttribute(key, capacity);
        }
        return capacity;
    }

    public Capacity capacity() {
        return capacity;
    }

    /** The 3D roles of the chosen capacity only, in claim form; unmodifiable, never null. */
    public List<String> roles() {
        return roles;
    }

    /** Whether the person may still act in the capacity (a refresh is refused otherwise). */
    public boolean stillHeld() {
        return stillHeld;
    }

    /** Whether the person is still active in the directory (not deactivated, not gone). */
    public boolean personActive() {
        return personActive;
    }
}
