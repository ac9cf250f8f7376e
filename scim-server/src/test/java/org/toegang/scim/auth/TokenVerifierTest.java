package org.toegang.scim.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens shaped like Keycloak's, signed here with a generated key that an in-memory JWKS publishes. */
class TokenVerifierTest {
    private static final String ISSUER = "http://localhost:8080/realms/toegang";
    private static final String SCIM = "toegang-scim";

    private static RSAKey key;
    private static TokenVerifier verifier;

    @BeforeAll
    static void keys() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        verifier = new TokenVerifier(ISSUER, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), SCIM);
    }

    /** A client-credentials access token of {@code clientId} as Keycloak issues it, with these toegang-scim roles. */
    private static JWTClaimsSet.Builder accessToken(String clientId, List<String> scimRoles) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("service-account-" + clientId)
                .claim("typ", "Bearer").claim("azp", clientId).audience(List.of(SCIM, "account"))
                .claim("realm_access", Map.of("roles", List.of("default-roles-toegang")))
                .claim("resource_access", Map.of(SCIM, Map.of("roles", scimRoles),
                        "account", Map.of("roles", List.of("manage-account"))))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String sign(JWTClaimsSet claims) {
        return sign(claims, key, JOSEObjectType.JWT);
    }

    private static String sign(JWTClaimsSet claims, RSAKey signer, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                    .type(type).build(), claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String geoportaal(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(accessToken("dv_geoportaal", List.of("read"))).build());
    }

    @Test
    void letsAnApplicationsClientWithTheReadRoleReadWithinItsNeedToKnow() throws Exception {
        Caller caller = verifier.verify(geoportaal(claims -> claims));

        assertThat(caller.clientId()).isEqualTo("dv_geoportaal");
        assertThat(caller.provisioner()).isFalse();
        assertThat(caller.application()).contains("dv_geoportaal");
    }

    @Test
    void letsAClientWithTheProvisionRoleWriteAndSeeEveryone() throws Exception {
        Caller caller = verifier.verify(sign(accessToken("scim-provisioner", List.of("provision", "read")).build()));

        assertThat(caller.provisioner()).isTrue();
        assertThat(caller.application()).isEmpty();
    }

    @Test
    void acceptsTheRfc9068HeaderTypeAKeycloakClientMayAskFor() throws Exception {
        String token = sign(accessToken("dv_loket", List.of("read")).build(), key, new JOSEObjectType("at+jwt"));

        assertThat(verifier.verify(token).clientId()).isEqualTo("dv_loket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ID", "Refresh", "Logout", "bearer"})
    void refusesATokenThatIsNotAnAccessToken(String type) {
        assertThatThrownBy(() -> verifier.verify(geoportaal(claims -> claims.claim("typ", type))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("typ");
    }

    @Test
    void refusesAnIdTokenOfAUser() {
        // What Keycloak puts in an ID token for dv_geoportaal: typ ID, aud the client, no roles.
        String idToken = sign(new JWTClaimsSet.Builder().issuer(ISSUER).subject("an.peeters-id").claim("typ", "ID")
                .claim("azp", "dv_geoportaal").audience("dv_geoportaal").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());

        assertThatThrownBy(() -> verifier.verify(idToken)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void refusesATokenWithoutTyp() {
        assertThatThrownBy(() -> verifier.verify(geoportaal(claims -> claims.claim("typ", null))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void refusesATokenWithoutAudience() {
        assertThatThrownBy(() -> verifier.verify(geoportaal(claims -> claims.audience((String) null))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("audience");
    }

    @Test
    void refusesATokenForAnotherAudience() {
        // A user's access token for the application: aud names the application (or account), not toegang-scim.
        assertThatThrownBy(() -> verifier.verify(geoportaal(claims -> claims.audience(List.of("dv_geoportaal", "account")))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("audience");
    }

    @Test
    void takesRolesOnlyFromTheScimResourceClient() throws Exception {
        // An application owner can define "provision" on their own client; a realm role can be named so too.
        String token = geoportaal(claims -> claims
                .claim("realm_access", Map.of("roles", List.of("provision", "scim-provisioner")))
                .claim("resource_access", Map.of(SCIM, Map.of("roles", List.of("read")),
                        "dv_geoportaal", Map.of("roles", List.of("provision", "scim-provisioner")))));

        Caller caller = verifier.verify(token);

        assertThat(caller.provisioner()).isFalse();
        assertThat(caller.application()).contains("dv_geoportaal");
    }

    @Test
    void givesNoAccessForRolesOfAnotherClientAlone() {
        String token = geoportaal(claims -> claims.claim("resource_access",
                Map.of("dv_geoportaal", Map.of("roles", List.of("provision", "read")))));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(TokenVerifier.InsufficientScopeException.class);
    }

    @Test
    void givesNoAccessToAClientNamedLikeTheOldProvisioningRoleWithoutTheRole() {
        String token = sign(accessToken("scim-provisioner", List.of()).build());

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(TokenVerifier.InsufficientScopeException.class)
                .hasMessageContaining(SCIM);
    }

    @Test
    void refusesAnExpiredToken() {
        String token = geoportaal(claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(1800))));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(TokenVerifier.InvalidTokenException.class)
                .hasMessageContaining("Expired");
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertThatThrownBy(() -> verifier.verify(geoportaal(claims -> claims.expirationTime(null))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        assertThatThrownBy(() -> verifier.verify(geoportaal(claims -> claims.issuer("http://localhost:8080/realms/master"))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("iss");
    }

    @Test
    void refusesATokenSignedWithAnotherKeyUnderTheRealmsKid() throws JOSEException {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        String token = sign(accessToken("dv_geoportaal", List.of("read")).build(), impostor, JOSEObjectType.JWT);

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(TokenVerifier.InvalidTokenException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void refusesATokenSignedWithAnUnknownKid() throws JOSEException {
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("not-a-realm-key").generate();
        String token = sign(accessToken("dv_geoportaal", List.of("read")).build(), unknown, JOSEObjectType.JWT);

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void refusesAnUnsignedToken() {
        String token = new PlainJWT(accessToken("scim-provisioner", List.of("provision")).build()).serialize();

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void refusesATokenThatNamesNoClient() {
        assertThatThrownBy(() -> verifier.verify(geoportaal(claims -> claims.claim("azp", null))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("azp");
    }

    @Test
    void refusesSomethingThatIsNotAJwt() {
        assertThatThrownBy(() -> verifier.verify("not-a-token")).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }
}
