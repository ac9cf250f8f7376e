package org.toegang.core.provisioning;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.toegang.core.ValidationException;

/**
 * One application's provisioning target: where its SCIM service provider is, how to authenticate,
 * what to send and what to do when a person's last right stops counting. Written by the operator
 * in the provisioning configuration file, or registered by the application's owner through the
 * administration API (then named by the application's client id and kept in the directory).
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
    /** Tries of one change before it becomes a dead letter, where the configuration sets none. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

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

    public TargetConfig withMaxAttempts(int attempts) {
        return new TargetConfig(name, application, baseUrl, authentication, rightsAs, groups, onLastRight, attempts);
    }

    /**
     * A URL the provisioner sends to: absolute, {@code http} or {@code https}, with a host; no user
     * information (credentials belong in the authentication, where they are never shown) and no
     * fragment; when it is a SCIM base URL ({@code base}), no query either (RFC 7644 section 3.13).
     * A refusal never quotes the value: it may hold a credential.
     *
     * @throws ValidationException naming {@code field} when the value is not such a URL
     */
    public static URI endpoint(String field, String value, boolean base) {
        if (value == null || value.isBlank()) {
            throw ValidationException.missing(field);
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw ValidationException.invalid(field, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw ValidationException.invalid(field, "must be an http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null || base && uri.getRawQuery() != null) {
            throw ValidationException.invalid(field, base
                    ? "must hold no user information, query or fragment" : "must hold no user information or fragment");
        }
        return uri;
    }

    /** How the rights of a person travel on the SCIM User (RFC 7643 section 4.1.2). */
    public enum RightsAs {
        ROLES, ENTITLEMENTS, NONE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws ValidationException naming {@code field} when {@code code} is none of {@link #code()} */
        public static RightsAs fromCode(String field, String code) {
            return TargetConfig.fromCode(RightsAs.class, field, code);
        }
    }

    /** What the target does with an account whose last right stopped counting. */
    public enum Deprovision {
        /** PATCH {@code active=false}: the account stays, so history at the application is kept. */
        DEACTIVATE,
        /** DELETE the account. */
        DELETE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws ValidationException naming {@code field} when {@code code} is none of {@link #code()} */
        public static Deprovision fromCode(String field, String code) {
            return TargetConfig.fromCode(Deprovision.class, field, code);
        }
    }

    private static <E extends Enum<E>> E fromCode(Class<E> type, String field, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(code)) {
                return constant;
            }
        }
        throw ValidationException.invalid(field, code, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** How the provisioner proves itself to the target. */
    public sealed interface Authentication permits Bearer, ClientCredentials {
        /** {@code bearer} or {@code client_credentials}, as written in the configuration and the API. */
        String type();

        /** The credential sent: the bearer token, or the client secret. */
        Secret secret();
    }

    /** A fixed bearer token (RFC 6750). */
    public record Bearer(Secret token) implements Authentication {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String type() {
            return "bearer";
        }

        @Override
        public Secret secret() {
            return token;
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

        @Override
        public String type() {
            return "client_credentials";
        }

        @Override
        public Secret secret() {
            return clientSecret;
        }
    }
}
