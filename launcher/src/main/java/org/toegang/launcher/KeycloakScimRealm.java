package org.toegang.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Keycloak 26.7's own SCIM API (preview feature {@code scim-api}) made ready as a provisioning
 * target in a realm of its own, through the admin REST API, as the README describes (Outbound
 * provisioning, Keycloak as a target): the realm with {@code scimApiEnabled}, a confidential client
 * whose service account holds {@code realm-management/manage-users}, and an audience mapper naming
 * the SCIM base URL, without which Keycloak refuses the client's tokens. Provisioning then signs in
 * with the client credentials grant. Used by {@code toegang up}'s demo target and by the tests that
 * provision to Keycloak.
 */
public final class KeycloakScimRealm {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call of Keycloak's admin REST API, {@code path} from the server's root, as an administrator. */
    @FunctionalInterface
    public interface AdminCall {
        HttpResponse<String> send(String method, String path, JsonNode body) throws IOException, InterruptedException;
    }

    private KeycloakScimRealm() {
    }

    /** The SCIM base URL of {@code realm} on the Keycloak at {@code keycloak}, without a trailing slash. */
    public static URI scimUrl(URI keycloak, String realm) {
        return URI.create(keycloak.toString().replaceAll("/$", "") + "/realms/" + realm + "/scim/v2");
    }

    /**
     * Creates {@code realm} with its SCIM API on and the provisioner's client {@code clientId} with
     * {@code secret}.
     *
     * @throws IOException naming the step Keycloak refused and its HTTP status
     */
    public static void create(AdminCall admin, URI keycloak, String realm, String displayName, String clientId,
                              String secret) throws IOException, InterruptedException {
        ObjectNode representation = JSON.createObjectNode().put("realm", realm).put("enabled", true)
                .put("displayName", displayName);
        representation.putObject("attributes").put("scimApiEnabled", "true");
        require(admin.send("POST", "/admin/realms", representation), 201, "create the realm " + realm);
        ObjectNode client = JSON.createObjectNode().put("clientId", clientId).put("publicClient", false)
                .put("secret", secret).put("serviceAccountsEnabled", true).put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
        client.putArray("protocolMappers").addObject().put("name", "scim-audience").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper").putObject("config")
                .put("included.custom.audience", scimUrl(keycloak, realm).toString()).put("access.token.claim", "true")
                .put("id.token.claim", "false");
        String clients = "/admin/realms/" + realm + "/clients";
        require(admin.send("POST", clients, client), 201, "create the client " + clientId + " in " + realm);
        String clientUuid = first(admin, clients + "?clientId=" + clientId).path("id").asText();
        String management = first(admin, clients + "?clientId=realm-management").path("id").asText();
        String serviceAccount = read(admin.send("GET", clients + "/" + clientUuid + "/service-account-user", null))
                .path("id").asText();
        JsonNode manageUsers = read(admin.send("GET", clients + "/" + management + "/roles/manage-users", null));
        require(admin.send("POST", "/admin/realms/" + realm + "/users/" + serviceAccount + "/role-mappings/clients/"
                + management, JSON.createArrayNode().add(manageUsers)), 204, "grant manage-users in " + realm);
    }

    private static JsonNode first(AdminCall admin, String path) throws IOException, InterruptedException {
        return read(admin.send("GET", path, null)).path(0);
    }

    private static JsonNode read(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void require(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException("cannot " + what + " (HTTP " + response.statusCode() + ")");
        }
    }
}
