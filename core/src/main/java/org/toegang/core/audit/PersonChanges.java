package org.toegang.core.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.toegang.core.directory.StoredPerson;

/**
 * Records changes of people made through provisioning (SCIM): the one place the SCIM server calls
 * after each successful write, so that every create, replace, patch and delete leaves exactly one
 * audit entry. Provisioning clients act for the whole realm, not for one organisation, so these
 * entries carry no organisation; they name the person as target. Thread-safe.
 */
public final class PersonChanges {
    /** The role in which a SCIM client with the {@code provision} role writes. */
    public static final String SCIM_ROLE = "scimProvisioner";

    private final AuditTrail trail;

    public PersonChanges(AuditTrail trail) {
        this.trail = trail;
    }

    /** @return {@code after}, so a write can be wrapped in one expression */
    public StoredPerson created(String clientId, StoredPerson after) {
        trail.record(entry(clientId, "person.create", after.id()).after(attributes(after)).build());
        return after;
    }

    /** A replace or a patch ({@code action} {@code person.replace} or {@code person.patch}). */
    public StoredPerson changed(String clientId, String action, StoredPerson before, StoredPerson after) {
        trail.record(entry(clientId, action, after.id()).before(attributes(before)).after(attributes(after)).build());
        return after;
    }

    public void deleted(String clientId, StoredPerson before) {
        trail.record(entry(clientId, "person.delete", before.id()).before(attributes(before)).build());
    }

    private static AuditEntry.Builder entry(String clientId, String action, String personId) {
        return AuditEntry.builder().actor(AuditEntry.Actor.client(clientId)).role(SCIM_ROLE).action(action)
                .target("person/" + personId);
    }

    /** The person's stored values by name; absent values are left out. */
    static Map<String, String> attributes(StoredPerson stored) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("userName", stored.person().username());
        values.put("givenName", stored.person().givenName());
        values.put("familyName", stored.person().familyName());
        values.put("displayName", stored.displayName());
        stored.person().email().ifPresent(value -> values.put("email", value));
        stored.person().nationalRegisterNumber().ifPresent(value -> values.put("nationalRegisterNumber", value.toString()));
        stored.title().ifPresent(value -> values.put("title", value));
        stored.employeeNumber().ifPresent(value -> values.put("employeeNumber", value));
        stored.externalId().ifPresent(value -> values.put("externalId", value));
        values.put("active", Boolean.toString(stored.active()));
        return values;
    }
}
