package org.toegang.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.scim.protocol.ScimLimits;

/**
 * The embedded directory with the demo data, a stand-in for the realm's JWKS endpoint (tokens
 * are signed here with a key published there), and the SCIM server, on free ports over real HTTP.
 * The authoritative token tests with real Keycloak tokens run in the launcher.
 */
final class ScimTestServer implements AutoCloseable {
    static final String ISSUER = "http://localhost/realms/toegang-test";
    static final ObjectMapper JSON = new ObjectMapper();

    final EmbeddedDirectory directory;
    final ScimServer scim;
    private final HttpServer jwks;
    private final RSAKey key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final ScimServerConfig config;

    ScimTestServer(Path data, ScimLimits limits) throws Exception {
        directory = EmbeddedDirectory.builder().dataDirectory(data).port(0).fresh(true).demoData(true).start();
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keys);
            }
        });
        jwks.start();
        URI jwksUri = URI.create("http://localhost:" + jwks.getAddress().getPort() + "/certs");
        config = new ScimServerConfig(URI.create("http://localhost:0/scim/v2/"),
                new DirectoryConfig(directory.ldapUrl(), EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD,
                        EmbeddedDirectory.BASE_DN, 4),
                ISSUER, jwksUri.toURL(), ScimServerConfig.DEFAULT_AUDIENCE, limits);
        scim = ScimServer.start(config);
    }

    /**
     * A token as Keycloak issues one for client credentials of {@code clientId}, with the
     * {@code toegang-scim} roles the realm gives that client's service account: {@code provision}
     * and {@code read} for scim-provisioner, {@code read} for an application's client.
     */
    String token(String clientId, List<String> realmRoles) {
        return sign(accessToken(clientId).subject(UUID.randomUUID().toString())
                .claim("realm_access", Map.of("roles", realmRoles))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build(), key);
    }

    /** An access token of {@code clientId} whose {@code toegang-scim} roles are these (none: empty). */
    String tokenWithScimRoles(String clientId, List<String> scimRoles) {
        return sign(accessToken(clientId, scimRoles).subject(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build(), key);
    }

    String expiredToken(String clientId) {
        return sign(accessToken(clientId).subject("x")
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(1800))).build(), key);
    }

    String foreignToken(String clientId) throws JOSEException {
        RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        return sign(accessToken(clientId).subject("x")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build(), other);
    }

    private static JWTClaimsSet.Builder accessToken(String clientId) {
        return accessToken(clientId, "scim-provisioner".equals(clientId) ? List.of("provision", "read") : List.of("read"));
    }

    private static JWTClaimsSet.Builder accessToken(String clientId, List<String> scimRoles) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).claim("typ", "Bearer").claim("azp", clientId)
                .audience(List.of(ScimServerConfig.DEFAULT_AUDIENCE, "account"))
                .claim("resource_access", Map.of(ScimServerConfig.DEFAULT_AUDIENCE, Map.of("roles", scimRoles)));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another SCIM server on the same directory, as a second instance behind a load balancer; the caller closes it. */
    ScimServer another() {
        return ScimServer.start(config);
    }

    Reply send(String method, String path, String token, String body, Map<String, String> headers) {
        return send(scim, method, path, token, body, headers);
    }

    Reply send(ScimServer to, String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(to.baseUri().resolve(path.startsWith("/") ? path.substring(1) : path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/scim+json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, JsonNode json, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @Override
    public void close() {
        scim.close();
        jwks.stop(0);
        directory.close();
    }
}
