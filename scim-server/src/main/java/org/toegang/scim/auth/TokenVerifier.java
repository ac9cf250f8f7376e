package org.toegang.scim.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.text.ParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer tokens the realm issued (RFC 6750, RFC 7519) for the SCIM resource client, the
 * way a Keycloak resource server does: signature against the realm's JWKS (keys cached; an
 * unknown {@code kid} triggers a refresh, so key rotation needs no restart), issuer, expiry and
 * not-before with a small clock skew, Keycloak's {@code typ} claim {@value #ACCESS_TOKEN_TYPE}
 * (an ID or refresh token is not a bearer token), and the resource client in {@code aud}.
 *
 * <p>Keycloak's "audience resolve" mapper (default {@code roles} scope) puts the resource client
 * in {@code aud} only when the token carries one of its roles; roles are read from
 * {@code resource_access[<resource client>]} alone. Thread-safe; share one instance.
 */
public final class TokenVerifier {
    /** Keycloak's {@code typ} claim of an access token; ID tokens say {@code ID}, refresh tokens {@code Refresh}. */
    static final String ACCESS_TOKEN_TYPE = "Bearer";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    private static final long CACHE_MILLIS = 15 * 60_000L;
    private static final long REFRESH_TIMEOUT_MILLIS = 5_000L;

    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final String resourceClient;

    /**
     * @param resourceClient the client id of the SCIM resource client in the realm: required in
     *        {@code aud}, and the only client whose roles count
     */
    public TokenVerifier(String issuer, URL jwksUrl, String resourceClient) {
        this(issuer, JWKSourceBuilder.create(jwksUrl)
                .cache(CACHE_MILLIS, REFRESH_TIMEOUT_MILLIS)
                .retrying(true)
                .build(), resourceClient);
    }

    TokenVerifier(String issuer, JWKSource<SecurityContext> keys, String resourceClient) {
        Objects.requireNonNull(issuer, "issuer");
        this.resourceClient = Objects.requireNonNull(resourceClient, "resourceClient");
        if (resourceClient.isBlank()) {
            throw new IllegalArgumentException("the resource client (audience) must not be blank");
        }
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        // The header's typ is "JWT", or "at+jwt" when the client asks for RFC 9068 headers; what
        // tells an access token from an ID token is the typ claim, checked below.
        jwt.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                null));
        jwt.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        jwt.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Collections.singleton(resourceClient),
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", ACCESS_TOKEN_TYPE).build(),
                Set.of("exp", "iat"), null));
        this.processor = jwt;
    }

    /**
     * The caller the token speaks for.
     *
     * @throws InvalidTokenException when the token is malformed, badly signed, expired, of another
     *         type, issuer or audience, or names no client: RFC 6750 {@code invalid_token}
     * @throws InsufficientScopeException when a valid token carries no role of the resource
     *         client that gives access: RFC 6750 {@code insufficient_scope}
     */
    public Caller verify(String token) throws InvalidTokenException, InsufficientScopeException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("the token is not a JWT");
        } catch (BadJWTException e) {
            throw new InvalidTokenException("the token is not acceptable: " + e.getMessage());
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("the token's signature does not verify against the realm's keys");
        } catch (JOSEException e) {
            throw new InvalidTokenException("the token could not be verified: " + e.getMessage());
        }
        String client = string(claims, "azp").or(() -> string(claims, "client_id"))
                .orElseThrow(() -> new InvalidTokenException("the token names no client (azp)"));
        String subject = Optional.ofNullable(claims.getSubject()).orElse(client);
        return Caller.withRoles(client, subject, roles(claims)).orElseThrow(() -> new InsufficientScopeException(
                "the token carries no " + resourceClient + " role (" + Caller.READ + " or " + Caller.PROVISION + ")"));
    }

    private static Optional<String> string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    /** The resource client's roles, as Keycloak's client role mapper puts them in an access token. */
    private List<String> roles(JWTClaimsSet claims) {
        if (claims.getClaim("resource_access") instanceof Map<?, ?> clients
                && clients.get(resourceClient) instanceof Map<?, ?> access
                && access.get("roles") instanceof List<?> roles) {
            return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    /** A token that does not let its bearer in; the message is safe to show the client. */
    public static final class InvalidTokenException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidTokenException(String message) {
            super(message);
        }
    }

    /** A valid token whose roles give no access; the message is safe to show the client. */
    public static final class InsufficientScopeException extends Exception {
        private static final long serialVersionUID = 1L;

        public InsufficientScopeException(String message) {
            super(message);
        }
    }
}
