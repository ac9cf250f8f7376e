package org.toegang.scim.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.text.ParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer tokens the realm issued (RFC 6750, RFC 7519): signature against the realm's
 * JWKS (keys cached; an unknown {@code kid} triggers a refresh, so key rotation needs no
 * restart), issuer, expiry and not-before with a small clock skew, and, when configured, the
 * audience. Thread-safe; share one instance.
 */
public final class TokenVerifier {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    private static final long CACHE_MILLIS = 15 * 60_000L;
    private static final long REFRESH_TIMEOUT_MILLIS = 5_000L;

    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final String provisioningRole;

    /**
     * @param audience when present, a token must name it in {@code aud}
     * @param provisioningRole the realm or client role (or client id) that may write
     */
    public TokenVerifier(String issuer, URL jwksUrl, Optional<String> audience, String provisioningRole) {
        this(issuer, JWKSourceBuilder.create(jwksUrl)
                .cache(CACHE_MILLIS, REFRESH_TIMEOUT_MILLIS)
                .retrying(true)
                .build(), audience, provisioningRole);
    }

    TokenVerifier(String issuer, JWKSource<SecurityContext> keys, Optional<String> audience, String provisioningRole) {
        Objects.requireNonNull(issuer, "issuer");
        this.provisioningRole = Objects.requireNonNull(provisioningRole, "provisioningRole");
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        jwt.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience.orElse(null),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iat")));
        this.processor = jwt;
    }

    /**
     * The caller the token speaks for.
     *
     * @throws InvalidTokenException when the token is malformed, badly signed, expired, from
     *         another issuer or audience, or names no client
     */
    public Caller verify(String token) throws InvalidTokenException {
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
        return new Caller(client, subject, client.equals(provisioningRole) || roles(claims).contains(provisioningRole));
    }

    private static Optional<String> string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    /** Realm roles and every client's roles, as Keycloak puts them in an access token. */
    private static Set<String> roles(JWTClaimsSet claims) {
        java.util.HashSet<String> roles = new java.util.HashSet<>();
        addRoles(claims.getClaim("realm_access"), roles);
        if (claims.getClaim("resource_access") instanceof Map<?, ?> clients) {
            clients.values().forEach(access -> addRoles(access, roles));
        }
        return roles;
    }

    private static void addRoles(Object access, Collection<String> into) {
        if (access instanceof Map<?, ?> map && map.get("roles") instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(into::add);
        }
    }

    /** A token that does not let its bearer in; the message is safe to show the client. */
    public static final class InvalidTokenException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidTokenException(String message) {
            super(message);
        }
    }
}
