package org.toegang.keycloak.mapper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.toegang.core.capacity.ApplicationClients;
import org.toegang.core.capacity.CapacityClaims;
import org.toegang.core.capacity.CapacityNote;
import org.toegang.keycloak.capacity.ChosenCapacity;

/** What the OIDC and SAML mappers release, computed once here for both protocols. */
final class TokenFacts {
    /** Mapper option: the application whose rights to release; default: the client's application. */
    static final String APPLICATION = "toegang.application";
    /** The session attribute that keeps a request's {@code vo} claims (with the person and the note). */
    private static final String VO_CLAIMS = "toegang.vo-claims";

    private TokenFacts() {
    }

    /**
     * The {@code vo} claims, with {@code vo_email} and {@code vo_applicatienaam}; reads only the
     * session, no directory search. Made once per request: the ID and access token of a request
     * share them, as they share the capacity.
     *
     * @return the claims in order; unmodifiable, never null
     */
    static Map<String, String> vo(KeycloakSession session, UserSessionModel userSession,
                                  AuthenticatedClientSessionModel clientSession) {
        String personId = userSession.getUser().getFirstAttribute(ChosenCapacity.PERSON_ID_ATTRIBUTE);
        String note = clientSession.getNote(ChosenCapacity.NOTE);
        String key = VO_CLAIMS + '|' + personId + '|' + note;
        @SuppressWarnings("unchecked")
        Map<String, String> made = (Map<String, String>) session.getAttribute(key);
        if (made != null) {
            return made;
        }
        Map<String, String> claims = new LinkedHashMap<>(CapacityClaims.vo(personId, userSession.getUser().getEmail(),
                ChosenCapacity.capacityOf(session, clientSession).orElse(null)));
        CapacityNote.applicationName(note).ifPresent(name -> claims.put(CapacityClaims.APPLICATION_NAME, name));
        made = Collections.unmodifiableMap(claims);
        session.setAttribute(key, made);
        return made;
    }

    /** The application whose rights a mapper releases. */
    static Optional<String> application(ProtocolMapperModel model, AuthenticatedClientSessionModel clientSession) {
        String configured = model.getConfig() == null ? null : model.getConfig().get(APPLICATION);
        return configured != null && !configured.isBlank()
                ? Optional.of(configured.strip())
                : ApplicationClients.applicationOf(clientSession.getClient().getClientId());
    }

    /**
     * The 3D roles for the chosen capacity, from the directory as it is now (at most one search
     * per request); empty when the mapper's application is not the client's, so an application
     * never receives another's rights, nor when no capacity was chosen.
     */
    static Optional<List<String>> roles(KeycloakSession session, ProtocolMapperModel model,
                                        UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        Optional<String> application = application(model, clientSession);
        if (application.isEmpty()
                || !application.equals(ApplicationClients.applicationOf(clientSession.getClient().getClientId()))) {
            return Optional.empty();
        }
        return ChosenCapacity.of(session, userSession.getUser(), clientSession).map(ChosenCapacity::roles);
    }

    static String rolesClaim(ProtocolMapperModel model, AuthenticatedClientSessionModel clientSession) {
        return CapacityClaims.rolesClaim(application(model, clientSession).orElse("unknown"));
    }
}
