package org.toegang.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One change, as the audit trail keeps it: who made it, in which role, for which organisation
 * (and application where relevant), what was done to which entry, the entry's attributes before
 * and after, when, and through which client. Immutable; the maps are unmodifiable and sorted so
 * that two entries for the same change compare and print the same.
 *
 * @param id           time-ordered identifier (see {@link AuditIds}); assigned by the trail when
 *                     the caller passes {@code null} to {@link #builder()}
 * @param at           when the change was made, to the millisecond
 * @param actor        who made it
 * @param role         in which role, e.g. {@code localAdministrator}, {@code scimProvisioner}
 * @param organisationKey the organisation the change was made for; empty for changes outside
 *                     any organisation (e.g. a central administrator registering an application)
 * @param clientId     the application the change concerns, empty when none
 * @param action       what was done, e.g. {@code grant.create}, {@code person.replace}
 * @param target       the entry changed: its kind and id, e.g. {@code grant/5f1c...}
 * @param before       the entry's relevant attributes before the change; empty for a creation
 * @param after        the entry's relevant attributes after the change; empty for a deletion
 */
public record AuditEntry(String id, Instant at, Actor actor, String role, Optional<String> organisationKey,
                         Optional<String> clientId, String action, String target,
                         Map<String, String> before, Map<String, String> after) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        // the stores keep milliseconds (GeneralizedTime, UUIDv7), so an entry reads back equal
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisationKey, "organisationKey");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        before = sorted(before);
        after = sorted(after);
    }

    /**
     * The keys of {@link #before} and {@link #after} whose values are a person's id: the person a
     * grant, work relation, delegation or request is for, and who decided it.
     */
    public static final Set<String> PERSON_VALUES = Set.of("personId", "decidedBy");

    /** The ids of the people this entry names, each once: who acted, and its values that are a person's id. */
    public List<String> peopleNamed() {
        return Stream.concat(actor.personId().stream(), Stream.of(before, after)
                .flatMap(values -> PERSON_VALUES.stream().map(values::get).filter(Objects::nonNull))).distinct().toList();
    }

    /**
     * Who acted: a person (signed in through an application), a service account of an
     * application, or both.
     *
     * @param personId  the acting person's directory id; empty for a service account
     * @param clientId  the acting client ({@code azp} of the access token, or the SCIM client);
     *                  empty only when the change did not come through a client
     */
    public record Actor(Optional<String> personId, Optional<String> clientId) {
        public Actor {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(clientId, "clientId");
            if (personId.isEmpty() && clientId.isEmpty()) {
                throw new IllegalArgumentException("an actor needs a person id or a client id");
            }
        }

        public static Actor person(String personId, String azp) {
            return new Actor(Optional.of(personId), Optional.ofNullable(azp));
        }

        public static Actor client(String clientId) {
            return new Actor(Optional.empty(), Optional.of(clientId));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, String> sorted(Map<String, String> values) {
        return values == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Builds an entry; {@code id} and {@code at} default to a fresh time-ordered id and now. */
    public static final class Builder {
        private String id;
        private Instant at;
        private Actor actor;
        private String role;
        private String organisationKey;
        private String clientId;
        private String action;
        private String target;
        private Map<String, String> before = Map.of();
        private Map<String, String> after = Map.of();

        public Builder id(String value) { id = value; return this; }
        public Builder at(Instant value) { at = value; return this; }
        public Builder actor(Actor value) { actor = value; return this; }
        public Builder role(String value) { role = value; return this; }
        public Builder organisationKey(String value) { organisationKey = value; return this; }
        public Builder clientId(String value) { clientId = value; return this; }
        public Builder action(String value) { action = value; return this; }
        public Builder target(String value) { target = value; return this; }
        public Builder before(Map<String, String> value) { before = value; return this; }
        public Builder after(Map<String, String> value) { after = value; return this; }

        public AuditEntry build() {
            Instant when = at != null ? at : Instant.now();
            return new AuditEntry(id != null ? id : AuditIds.next(when), when, actor, role,
                    Optional.ofNullable(organisationKey), Optional.ofNullable(clientId), action, target, before, after);
        }
    }
}
