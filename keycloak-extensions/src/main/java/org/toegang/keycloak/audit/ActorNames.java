package org.toegang.keycloak.audit;

/**
 * Names for the ids an admin event carries about who acted: Keycloak records the client's
 * internal id and the user's id, while a reader of the audit trail knows {@code admin-cli} and
 * {@code admin}.
 */
interface ActorNames {
    /** Looks up nothing: the ids are written as they are. */
    ActorNames NONE = new ActorNames() {
        @Override
        public String clientId(String realmId, String clientInternalId) {
            return null;
        }

        @Override
        public String username(String realmId, String userId) {
            return null;
        }
    };

    /** The client's client id, or null when unknown. */
    String clientId(String realmId, String clientInternalId);

    /** The user's username, or null when unknown. */
    String username(String realmId, String userId);
}
