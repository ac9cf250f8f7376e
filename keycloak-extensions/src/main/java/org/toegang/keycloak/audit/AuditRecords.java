package org.toegang.keycloak.audit;

import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;

/**
 * Turns Keycloak's events into audit lines. What is written is chosen field by field: an admin
 * event's representation (which can hold client secrets or credentials) is never written, and
 * neither is a detail whose key suggests a secret.
 */
final class AuditRecords {
    private AuditRecords() {
    }

    /**
     * Events a signed-in session repeats without anything new happening: a token refresh, an
     * introspection, a userinfo call. Their successes are counted (Keycloak's user event metrics,
     * {@code keycloak_user_events_total}), not written one line each; their failures still are.
     */
    private static final java.util.Set<EventType> ROUTINE =
            java.util.EnumSet.of(EventType.REFRESH_TOKEN, EventType.INTROSPECT_TOKEN, EventType.USER_INFO_REQUEST);

    /** Whether {@code event} is a routine success of a session (see {@link #ROUTINE}). */
    static boolean isRoutine(Event event) {
        return event.getType() != null && ROUTINE.contains(event.getType()) && !failed(event);
    }

    /** A login event: sign-in, sign-out, code-to-token, their errors, and the other user events. */
    static String of(Event event) {
        return new AuditLine()
                .add("audit", "login")
                .add("type", event.getType() == null ? null : event.getType().name())
                .add("outcome", outcome(event.getError()))
                .add("error", event.getError())
                .add("realm", firstPresent(event.getRealmName(), event.getRealmId()))
                .add("client", event.getClientId())
                .add("user", event.getUserId())
                .add("session", event.getSessionId())
                .add("ip", event.getIpAddress())
                .add("event", event.getId())
                .addDetails(event.getDetails())
                .toString();
    }

    /** An admin event: who changed what, through which client; never the changed representation. */
    static String of(AdminEvent event, ActorNames names) {
        AuthDetails actor = event.getAuthDetails();
        String actorRealm = actor == null ? null : actor.getRealmId();
        String actorClient = actor == null ? null : actor.getClientId();
        String actorUser = actor == null ? null : actor.getUserId();
        return new AuditLine()
                .add("audit", "admin")
                .add("operation", event.getOperationType() == null ? null : event.getOperationType().name())
                .add("resource", event.getResourceTypeAsString())
                .add("path", event.getResourcePath())
                .add("outcome", outcome(event.getError()))
                .add("error", event.getError())
                .add("realm", firstPresent(event.getRealmName(), event.getRealmId()))
                .add("actor_realm", actor == null ? null : firstPresent(actor.getRealmName(), actor.getRealmId()))
                .add("actor_client", actorClient == null ? null
                        : firstPresent(names.clientId(actorRealm, actorClient), actorClient))
                .add("actor_user", actorUser)
                .add("actor_username", actorUser == null ? null : names.username(actorRealm, actorUser))
                .add("ip", actor == null ? null : actor.getIpAddress())
                .add("event", event.getId())
                .addDetails(event.getDetails())
                .toString();
    }

    static boolean failed(Event event) {
        return event.getError() != null;
    }

    static boolean failed(AdminEvent event) {
        return event.getError() != null;
    }

    private static String outcome(String error) {
        return error == null ? "success" : "failure";
    }

    private static String firstPresent(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
