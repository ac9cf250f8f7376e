package org.toegang.core.capacity;

import java.util.Optional;

/**
 * Which application a Keycloak client is: an OIDC client's id is the application's id; a SAML
 * client's entity id is {@value #SAML_ENTITY_PREFIX}{@code <client id>} (CONTRACT.md).
 */
public final class ApplicationClients {

    /** The prefix of the entity id of an application's SAML client. */
    public static final String SAML_ENTITY_PREFIX = "urn:toegang:sp:";

    private ApplicationClients() {
    }

    /**
     * The client id of the application a Keycloak client is (its OIDC client id, or its SAML entity id without the prefix).
     *
     * @param clientId the Keycloak client id (OIDC client id or SAML entity id); may be null
     * @return the application's client id; empty for null or blank; never null
     */
    public static Optional<String> applicationOf(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return Optional.empty();
        }
        String id = clientId.startsWith(SAML_ENTITY_PREFIX) ? clientId.substring(SAML_ENTITY_PREFIX.length()) : clientId;
        return id.isBlank() ? Optional.empty() : Optional.of(id);
    }
}
