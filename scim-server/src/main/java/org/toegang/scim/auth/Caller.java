package org.toegang.scim.auth;

import java.security.Principal;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Who calls, as their verified token says, and what the SCIM resource client's roles let them do.
 * The rule lives here and only here: {@value #PROVISION} reads and writes everyone; {@value #READ}
 * reads, bounded by the need-to-know of the caller's own application; no such role, no access.
 *
 * @param clientId the client the token was issued to ({@code azp}); for an application's client
 *        this is the application, whose need-to-know bounds what the caller sees
 * @param provisioner whether the token carries the {@value #PROVISION} role: it sees everyone and may write
 */
public record Caller(String clientId, String subject, boolean provisioner) implements Principal {
    /** The resource client's role that lets an application's client read the people holding its rights. */
    public static final String READ = "read";
    /** The resource client's role that lets a client read everyone and write. */
    public static final String PROVISION = "provision";

    public Caller {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * The caller these roles make.
     *
     * @param roles the token's roles of the SCIM resource client, and of no other client: any
     *        application owner can define a role named {@code provision} on their own client
     * @return empty when none of the roles gives access
     */
    static Optional<Caller> withRoles(String clientId, String subject, Collection<String> roles) {
        if (roles.contains(PROVISION)) {
            return Optional.of(new Caller(clientId, subject, true));
        }
        return roles.contains(READ) ? Optional.of(new Caller(clientId, subject, false)) : Optional.empty();
    }

    /** The application whose need-to-know applies; empty for a provisioning client, which sees all. */
    public Optional<String> application() {
        return provisioner ? Optional.empty() : Optional.of(clientId);
    }

    @Override
    public String getName() {
        return clientId;
    }
}
