package org.toegang.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where every change to people, work relations, grants, delegations and rights is recorded, by
 * whichever path it came (the administration API in Keycloak, SCIM). Implementations are
 * thread-safe and durable: {@link #record} returns only once the entry is stored.
 *
 * <p>Reading is not authorised here: callers decide with the administration policy in core who
 * may see an organisation's or an application's trail, then ask this interface.
 */
public interface AuditTrail {
    /**
     * Stores one entry.
     *
     * @throws AuditUnavailableException when the entry could not be stored; the caller must then
     *         undo (or not make) the change, so that no change goes unrecorded
     */
    void record(AuditEntry entry);

    /**
     * The entries for an organisation, newest first.
     *
     * @param after   cursor: the id of the last entry of the previous page, or empty for the first
     * @param limit   at most this many (1..1000)
     * @return never null
     */
    List<AuditEntry> forOrganisation(String organisationKey, Optional<Instant> since, Optional<String> after, int limit);

    /** The entries that concern an application's rights and grants, newest first; as {@link #forOrganisation}. */
    List<AuditEntry> forApplication(String clientId, Optional<Instant> since, Optional<String> after, int limit);

    /** The history of one entry ({@code grant/<id>}, {@code person/<id>}, ...), newest first; at most {@code limit}. */
    List<AuditEntry> forTarget(String target, int limit);

    /** A trail that keeps nothing, for tools and tests that make no changes. */
    static AuditTrail none() {
        return new AuditTrail() {
            @Override
            public void record(AuditEntry entry) {
            }

            @Override
            public List<AuditEntry> forOrganisation(String key, Optional<Instant> since, Optional<String> after, int limit) {
                return List.of();
            }

            @Override
            public List<AuditEntry> forApplication(String clientId, Optional<Instant> since, Optional<String> after, int limit) {
                return List.of();
            }

            @Override
            public List<AuditEntry> forTarget(String target, int limit) {
                return List.of();
            }
        };
    }
}
