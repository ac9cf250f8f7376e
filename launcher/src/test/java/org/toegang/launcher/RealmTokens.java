package org.toegang.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Set;

/**
 * Verifies tokens the way a relying party must: the signature against the realm's published keys
 * (JWKS), the issuer, the expiry, and for ID tokens the audience (OpenID Connect Core 1.0, 3.1.3.7).
 */
final class RealmTokens {
    private final URI issuer;
    private final ImmutableJWKSet<SecurityContext> keys;

    private RealmTokens(URI issuer, ImmutableJWKSet<SecurityContext> keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    /** Reads the realm's keys from its JWKS endpoint. */
    static RealmTokens of(URI realmUrl) {
        HttpResponse<String> response = new Browser().get(URI.create(realmUrl + "/protocol/openid-connect/certs"));
        try {
            return new RealmTokens(realmUrl, new ImmutableJWKSet<>(JWKSet.parse(response.body())));
        } catch (ParseException e) {
            throw new AssertionError("The realm's JWKS does not parse: " + response.body(), e);
        }
    }

    /** An ID token issued to {@code clientId}; throws when it does not verify. */
    JWTClaimsSet verifyIdToken(String token, String clientId) {
        return verify(token, clientId, Set.of("sub", "iat", "exp", "aud"));
    }

    /** An access token of this realm; throws when it does not verify. */
    JWTClaimsSet verifyAccessToken(String token) {
        return verify(token, null, Set.of("sub", "iat", "exp", "azp"));
    }

    private JWTClaimsSet verify(String token, String audience, Set<String> required) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer.toString()).build(), required));
        try {
            return processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("The token does not verify: " + e.getMessage(), e);
        }
    }
}
