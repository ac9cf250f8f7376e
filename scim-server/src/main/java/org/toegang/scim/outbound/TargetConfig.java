package org.toegang.scim.outbound;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One application's provisioning target: where its SCIM service provider is, how to authenticate,
 * what to send and what to do when a person's last right stops counting.
 *
 * @param name        a short name of the target, unique in the configuration; it keys the journal
 * @param application the client id of the application whose people and rights go there
 * @param baseUrl     the SCIM base URL, e.g. {@code https://app.example.org/scim/v2}
 * @param rightsAs    how rights travel on the User resource
 * @param groups      whether each right (3D role) is also a Group the person is a member of
 * @param onLastRight what happens to the account when no right of the application counts any more
 * @param maxAttempts tries of one change before it becomes a dead letter
 */
public record TargetConfig(String name, String application, URI baseUrl, Authentication authentication,
                           RightsAs rightsAs, boolean groups, Deprovision onLastRight, int maxAttempts) {
    public TargetConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(rightsAs, "rightsAs");
        Objects.requireNonNull(onLastRight, "onLastRight");
        if (!baseUrl.toString().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** How the rights of a person travel on the SCIM User (RFC 7643 section 4.1.2). */
    public enum RightsAs {
        ROLES, ENTITLEMENTS, NONE
    }

    /** What the target does with an account whose last right stopped counting. */
    public enum Deprovision {
        /** PATCH {@code active=false}: the account stays, so history at the application is kept. */
        DEACTIVATE,
        /** DELETE the account. */
        DELETE
    }

    /** How the provisioner proves itself to the target. */
    public sealed interface Authentication permits Bearer, ClientCredentials {
    }

    /** A fixed bearer token (RFC 6750). */
    public record Bearer(Secret token) implements Authentication {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }
    }

    /** An access token fetched with the OAuth 2 client credentials grant (RFC 6749 section 4.4). */
    public record ClientCredentials(URI tokenEndpoint, String clientId, Secret clientSecret,
                                    Optional<String> scope) implements Authentication {
        public ClientCredentials {
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(scope, "scope");
        }
    }
}
