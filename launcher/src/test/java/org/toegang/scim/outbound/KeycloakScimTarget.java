package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.toegang.core.provisioning.Secret;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.launcher.KeycloakScimRealm;
import org.toegang.launcher.RunningToegang;

/**
 * Keycloak 26.7's own SCIM API (preview feature {@code scim-api}) as a provisioning target, in a
 * realm of its own on the tests' shared Keycloak, made by {@link KeycloakScimRealm} as
 * {@code toegang up}'s demo target is. Provisioning authenticates with the client credentials grant.
 * {@link #close()} removes the realm again, so the shared stack is left as it was.
 */
final class KeycloakScimTarget implements TestTarget {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "toegang-provisioner";

    private final RunningToegang toegang;
    private final String realm;
    private final String secret = "kc-scim-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String token;
    private Instant tokenUntil = Instant.MIN;

    private KeycloakScimTarget(RunningToegang toegang, String realm) {
        this.toegang = toegang;
        this.realm = realm;
    }

    /** Creates the realm {@code realm} with its SCIM API on, and the provisioner's client. */
    static KeycloakScimTarget create(RunningToegang toegang, String realm) throws IOException, InterruptedException {
        KeycloakScimTarget target = new KeycloakScimTarget(toegang, realm);
        target.admin("DELETE", "/admin/realms/" + realm, null); // left over from an aborted run
        KeycloakScimRealm.create(target::admin, toegang.keycloakUrl(), realm, "SCIM target " + realm, CLIENT_ID,
                target.secret);
        return target;
    }

    @Override
    public URI baseUrl() {
        return toegang.keycloakUrl().resolve("/realms/" + realm + "/scim/v2/");
    }

    URI tokenEndpoint() {
        return toegang.keycloakUrl().resolve("/realms/" + realm + "/protocol/openid-connect/token");
    }

    @Override
    public TargetConfig.Authentication authentication() {
        return new TargetConfig.ClientCredentials(tokenEndpoint(), CLIENT_ID, Secret.of(secret), Optional.empty());
    }

    @Override
    public String secret() {
        return secret;
    }

    @Override
    public boolean keepsExternalId() {
        return false; // Keycloak 26.7 echoes externalId on create but stores and filters none
    }

    @Override
    public List<JsonNode> accounts() throws IOException, InterruptedException {
        return all("Users");
    }

    @Override
    public List<String> groupsOf(String accountId) throws IOException, InterruptedException {
        String filter = URLEncoder.encode("members[value eq \"" + accountId + "\"]", StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        scim("Groups?filter=" + filter + "&count=100").path("Resources")
                .forEach(group -> names.add(group.path("displayName").asText()));
        return names.stream().sorted().toList();
    }

    @Override
    public Map<String, String> groupNames() throws IOException, InterruptedException {
        Map<String, String> names = new HashMap<>();
        all("Groups").forEach(group -> names.put(group.path("id").asText(), group.path("displayName").asText()));
        return names;
    }

    @Override
    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl().resolve(path)).header("Authorization", "Bearer " + token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether Keycloak answers this realm's SCIM API for a valid token (for the realm-isolation check). */
    HttpResponse<String> scimAt(String otherRealm, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(toegang.keycloakUrl().resolve("/realms/" + otherRealm + "/scim/v2/" + path))
                .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            admin("DELETE", "/admin/realms/" + realm, null);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot remove realm " + realm, e);
        }
    }

    private List<JsonNode> all(String resource) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        int start = 1;
        while (true) {
            JsonNode page = scim(resource + "?startIndex=" + start + "&count=100"); // Keycloak's maxResults
            page.path("Resources").forEach(all::add);
            if (page.path("Resources").isEmpty() || all.size() >= page.path("totalResults").asInt()) {
                return all;
            }
            start += page.path("Resources").size();
        }
    }

    private JsonNode scim(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl().resolve(path))
                .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
        require(response, 200, "GET " + path);
        return JSON.readTree(response.body());
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (Instant.now().isAfter(tokenUntil)) {
            String form = "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + secret;
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            require(response, 200, "token");
            token = JSON.readTree(response.body()).path("access_token").asText();
            tokenUntil = Instant.now().plusSeconds(60);
        }
        return token;
    }

    private HttpResponse<String> admin(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(toegang.keycloakUrl().resolve(path))
                .header("Authorization", "Bearer " + toegang.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void require(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " in realm " + realm + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }
}
