package org.toegang.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo provisioning target of {@code toegang up}: Keycloak 26.7's own SCIM API (preview
 * feature {@code scim-api}) in a realm of its own, {@code demo-loket}, on the same Keycloak,
 * connected to {@code dv_loket}, so a newcomer sees that application's people and rights arrive
 * somewhere that is not Toegang. Set up by {@link KeycloakScimRealm}; the {@code toegang} realm's
 * SCIM API stays off.
 *
 * <p>Demo only: the client secret is fixed and printed, like the demo clients' secrets.
 */
final class DemoTarget {
    static final String REALM = "demo-loket";
    static final String APPLICATION = "dv_loket";
    static final String FEATURE = "scim-api";
    static final String CLIENT_ID = "toegang-provisioner";
    static final String CLIENT_SECRET = "demo-loket-provisioner-secret";
    static final String CONFIG_FILE = "provisioning.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI keycloak;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String adminToken;

    DemoTarget(URI keycloak) {
        this.keycloak = keycloak;
    }

    /** The realm's SCIM base URL. */
    URI scimUrl() {
        return KeycloakScimRealm.scimUrl(keycloak, REALM);
    }

    /** Where the accounts can be seen in the admin console (user admin). */
    URI consoleUsersUrl() {
        return URI.create(keycloak + "/admin/master/console/#/" + REALM + "/users");
    }

    /**
     * Creates the realm and the provisioner's client unless the realm exists; then writes the
     * provisioning configuration into {@code folder}. A realm created anew starts empty, so the
     * journal in {@code folder} (what was delivered to an earlier one) is removed with it: the
     * catch-up then sends everyone again.
     *
     * @return the configuration file
     * @throws StartupException when Keycloak refuses a step
     */
    Path prepare(Path folder) {
        try {
            if (admin("GET", "/admin/realms/" + REALM, null).statusCode() == 404) {
                KeycloakScimRealm.create(this::admin, keycloak, REALM, "Demo target of dv_loket (Keycloak's SCIM API)",
                        CLIENT_ID, CLIENT_SECRET);
                deleteTree(folder);
            }
            Files.createDirectories(folder);
            Path config = folder.resolve(CONFIG_FILE);
            Files.writeString(config, configuration());
            return config;
        } catch (IOException e) {
            throw new StartupException("Cannot set up the demo target: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while setting up the demo target.", e);
        }
    }

    /** Rights as Group memberships only: Keycloak's User keeps neither {@code roles} nor {@code entitlements}. */
    String configuration() {
        ObjectNode root = JSON.createObjectNode().put("workers", 4).put("reconcileEvery", "PT10M");
        ObjectNode target = root.putArray("targets").addObject().put("name", REALM).put("application", APPLICATION)
                .put("baseUrl", scimUrl().toString());
        target.putObject("authentication").put("type", "client_credentials")
                .put("tokenEndpoint", keycloak + "/realms/" + REALM + "/protocol/openid-connect/token")
                .put("clientId", CLIENT_ID).put("clientSecret", CLIENT_SECRET);
        target.put("rights", "none").put("groups", true).put("whenLastRightEnds", "deactivate");
        // on one machine, an application owner may register a target that runs on it too
        root.putObject("registeredTargets").put("refreshEvery", "PT5S").putArray("allow")
                .add("https://").add("http://localhost:").add("http://127.0.0.1:");
        return root.toPrettyString();
    }

    private HttpResponse<String> admin(String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak + path))
                .header("Authorization", "Bearer " + adminToken()).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The demo administrator's token (master realm, {@code admin-cli}); short-lived, enough for the set-up. */
    private String adminToken() throws IOException, InterruptedException {
        if (adminToken == null) {
            String form = "grant_type=password&client_id=admin-cli&username="
                    + URLEncoder.encode(KeycloakServer.ADMIN_USERNAME, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(KeycloakServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            require(response, 200, "sign in as the admin");
            adminToken = read(response).path("access_token").asText();
        }
        return adminToken;
    }

    private static JsonNode read(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void require(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new StartupException("The demo target: cannot " + what + " (HTTP " + response.statusCode() + ").");
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
