package org.toegang.launcher.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.protocol.ScimLimits;

/**
 * The SCIM server with real tokens of the realm (client credentials of the demo clients):
 * need-to-know per application, no token, and who may write.
 */
@ExtendWith(ToegangStackExtension.class)
class ScimTokensIT {
    static final String TOEGANG = "urn:toegang:params:scim:schemas:extension:toegang:2.0:User";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static ScimServer scim;
    static URI realm;

    @BeforeAll
    static void start(RunningToegang toegang) {
        realm = toegang.realmUrl();
        scim = ScimServer.start(new ScimServerConfig(URI.create("http://localhost:0/scim/v2/"),
                new DirectoryConfig(toegang.directory().url(), toegang.directory().bindDn(),
                        toegang.directory().password(), DirectoryConfig.DEFAULT_BASE_DN, 4),
                realm.toString(), ScimServerConfig.jwksOf(realm.toString()), Optional.empty(),
                ScimServerConfig.DEFAULT_PROVISIONING_ROLE, ScimLimits.DEFAULTS));
    }

    @AfterAll
    static void stop() {
        if (scim != null) {
            scim.close();
        }
    }

    static String token(String clientId, String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    static HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(scim.baseUri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/scim+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> userNames(HttpResponse<String> response) throws IOException {
        List<String> names = new ArrayList<>();
        JSON.readTree(response.body()).path("Resources").forEach(user -> names.add(user.path("userName").asText()));
        return names;
    }

    @Test
    void theGeoportaalsTokenListsExactlyThePeopleWithAnActiveGeoportaalRightWithOnlyThoseRights() throws Exception {
        HttpResponse<String> response = send("GET", "Users?sortBy=userName", token("dv_geoportaal",
                "dv_geoportaal-demo-secret"), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(userNames(response)).containsExactly("an.peeters", "els.jacobs");
        for (JsonNode user : JSON.readTree(response.body()).path("Resources")) {
            assertThat(user.path(TOEGANG).path("rights")).isNotEmpty().allSatisfy(right -> {
                assertThat(right.path("application").asText()).isEqualTo("dv_geoportaal");
                assertThat(right.path("status").asText()).isEqualTo("active");
            });
        }
    }

    @Test
    void theLoketsTokenSeesLoketPeopleOnly() throws Exception {
        HttpResponse<String> response = send("GET", "Users?sortBy=userName", token("dv_loket", "dv_loket-demo-secret"), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(userNames(response)).containsExactly("an.peeters", "bart.claes", "chris.wouters");
        JSON.readTree(response.body()).path("Resources").forEach(user -> assertThat(user.path(TOEGANG).path("rights"))
                .allSatisfy(right -> assertThat(right.path("application").asText()).isEqualTo("dv_loket")));
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = send("GET", "Users", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    }

    @Test
    void onlyTheProvisioningClientMayWrite() throws Exception {
        String user = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"scim.it.person",
                 "name":{"givenName":"Scim","familyName":"Person"}}""";
        assertThat(send("POST", "Users", token("dv_loket", "dv_loket-demo-secret"), user).statusCode()).isEqualTo(403);
        HttpResponse<String> created = send("POST", "Users", token("scim-provisioner", "scim-provisioner-demo-secret"), user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asText();
        assertThat(send("DELETE", "Users/" + id, token("scim-provisioner", "scim-provisioner-demo-secret"), null)
                .statusCode()).isEqualTo(204);
    }
}
