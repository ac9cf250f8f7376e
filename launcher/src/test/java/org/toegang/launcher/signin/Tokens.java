package org.toegang.launcher.signin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/** Verifies the realm's tokens with Nimbus JOSE+JWT against its JWKS, and refreshes them. */
final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI realm;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    Tokens(URI realm) {
        this.realm = realm;
        try {
            // generous timeouts: on a loaded shared machine Nimbus's default 500 ms read timeout fails
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(URI.create(realm + "/protocol/openid-connect/certs").toURL(),
                            new com.nimbusds.jose.util.DefaultResourceRetriever(10_000, 30_000))
                    .build();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            // Keycloak's access tokens are typed "JWT" (RFC 9068 "at+jwt" only on request)
            processor.setJWSTypeVerifier((type, context) -> { });
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token whose signature, issuer and expiry check out. */
    JWTClaimsSet verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            if (!realm.toString().equals(claims.getIssuer())) {
                throw new IllegalStateException("issuer " + claims.getIssuer());
            }
            return claims;
        } catch (Exception e) {
            throw new AssertionError("token does not verify: " + e.getMessage(), e);
        }
    }

    /** A refresh_token grant; the JSON answer, error or not, and its HTTP status in "status". */
    JsonNode refresh(String clientId, String secret, String refreshToken) {
        return post("/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", clientId, "client_secret", secret));
    }

    JsonNode post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realm + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            com.fasterxml.jackson.databind.node.ObjectNode json =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(response.body());
            json.put("status", response.statusCode());
            return json;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
