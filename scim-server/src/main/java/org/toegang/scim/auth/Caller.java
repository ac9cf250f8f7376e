package org.toegang.scim.auth;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * Who calls, as their verified token says.
 *
 * @param clientId the client the token was issued to ({@code azp}); for an application's client
 *        this is the application, whose need-to-know bounds what the caller sees
 * @param provisioner whether the token carries the provisioning role: it sees everyone and may write
 */
public record Caller(String clientId, String subject, boolean provisioner) implements Principal {
    public Caller {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
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
