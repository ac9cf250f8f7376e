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

    /** The embedded directory; null when the server runs on another directory ({@link #onDirectory}). */
    final EmbeddedDirectory directory;
    private final AutoCloseable otherDirectory;
    final ScimServer scim;
    private final HttpServer jwks;
    private final RSAKey key;
    private final ScimServerConfig config;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ScimTestServer(Path data, ScimLimits limits) throws Exception {
        this(EmbeddedDirectory.builder().dataDirectory(data).port(0).fresh(true).demoData(true).start(), null, null,
                EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD, limits);
    }

    /** As {@link #ScimTestServer(Path, ScimLimits)}, on the directory a server before left in {@code data} (a restart). */
    static ScimTestServer reopen(Path data, ScimLimits limits) throws Exception {
        return new ScimTestServer(EmbeddedDirectory.builder().dataDirectory(data).port(0).fresh(false).demoData(true).start(),
                null, null, EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD, limits);
    }

    /** The SCIM server on a directory started elsewhere (OpenLDAP), closed with this server. */
    static ScimTestServer onDirectory(AutoCloseable directory, String ldapUrl, String adminDn, String password,
                                      ScimLimits limits) throws Exception {
        return new ScimTestServer(null, directory, ldapUrl, adminDn, password, limits);
    }

    private ScimTestServer(EmbeddedDirectory embedded, AutoCloseable other, String otherUrl, String adminDn,
                           String password, ScimLimits limits) throws Exception {
        directory = embedded;
        otherDirectory = other;
        String ldapUrl = embedded != null ? embedded.ldapUrl() : otherUrl;
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
                new DirectoryConfig(ldapUrl, adminDn, password, EmbeddedDirectory.BASE_DN, 4),
                ISSUER, jwksUri.toURL(), ScimServerConfig.DEFAULT_AUDIENCE, limits);
        scim = ScimServer.start(config);
    }

    /**
     * How long the tokens made here live: longer than Keycloak's 5 minutes, because a test class
     * that takes its token once may run longer than that on a loaded machine (ScimServerIT failed
     * with 401 after 247 s of tests at a load average of 40).
     */
    private static final long LIFETIME_SECONDS = 1800;

    /**
     * A token as Keycloak issues one for client credentials of {@code clientId}, with the
     * {@code toegang-scim} roles the realm gives that client's service account: {@code provision}
     * and {@code read} for scim-provisioner, {@code read} for an application's client.
     */
    String token(String clientId, List<String> realmRoles) {
        return sign(accessToken(clientId).subject(UUID.randomUUID().toString())
                .claim("realm_access", Map.of("roles", realmRoles))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(LIFETIME_SECONDS))).build(), key);
    }

    /** An access token of {@code clientId} whose {@code toegang-scim} roles are these (none: empty). */
    String tokenWithScimRoles(String clientId, List<String> scimRoles) {
        return sign(accessToken(clientId, scimRoles).subject(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(LIFETIME_SECONDS))).build(), key);
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

    /** The LDAP URL of the directory the SCIM server uses. */
    String ldapUrl() {
        return config.directory().url();
    }

    String adminDn() {
        return config.directory().bindDn();
    }

    String adminPassword() {
        return config.directory().password();
    }

    /** One more SCIM server, as a second instance behind a load balancer: same directory, same keys; the caller closes it. */
    ScimServer startAnother() {
        return ScimServer.start(config);
    }

    Reply send(String method, String path, String token, String body, Map<String, String> headers) {
        return send(scim, method, path, token, body, headers);
    }

    /** As {@link #send(String, String, String, String, Map)}, to {@code target}. */
    Reply send(ScimServer target, String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.baseUri().resolve(path.startsWith("/") ? path.substring(1) : path))
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
        if (directory != null) {
            directory.close();
        }
        if (otherDirectory != null) {
            try {
                otherDirectory.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
