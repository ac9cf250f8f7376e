package org.toegang.launcher.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.DemoData;
import org.toegang.launcher.AuthorizationCodeSignIn;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.protocol.ScimLimits;

/**
 * The SCIM server with real tokens of the realm: client credentials of the demo clients, whose
 * service accounts hold the {@code toegang-scim} roles (need-to-know per application, who may
 * write), and a person's tokens from a real sign-in at an application, which must not open SCIM.
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
                realm.toString(), ScimServerConfig.jwksOf(realm.toString()), ScimServerConfig.DEFAULT_AUDIENCE,
                ScimLimits.DEFAULTS));
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
                .isNotEmpty()
                .allSatisfy(right -> assertThat(right.path("application").asText()).isEqualTo("dv_loket")));
    }

    /** an.peeters signs in at dv_geoportaal (one capacity there, so no chooser): the token response. */
    static Map<String, Object> anPeetersAtTheGeoportaal() {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(realm, "dv_geoportaal", "dv_geoportaal-demo-secret",
                "http://127.0.0.1:8000/callback");
        HttpResponse<String> afterLogin = signIn.submit(
                signIn.open("openid profile vo rrn wettelijkvertegenwoordiger dv_geoportaal"), "an.peeters", DemoData.PASSWORD);
        String code = signIn.code(afterLogin).orElseThrow(() -> new AssertionError(afterLogin.body()));
        return signIn.exchange(code);
    }

    static JWTClaimsSet claims(String token) throws java.text.ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    @Test
    void theRealmGivesTheScimAudienceAndRoleOnlyToTheServiceAccount() throws Exception {
        JWTClaimsSet client = claims(token("dv_geoportaal", "dv_geoportaal-demo-secret"));
        assertThat(client.getAudience()).contains(ScimServerConfig.DEFAULT_AUDIENCE);
        assertThat(client.getStringClaim("typ")).isEqualTo("Bearer");
        assertThat(client.getJSONObjectClaim("resource_access"))
                .extractingByKey(ScimServerConfig.DEFAULT_AUDIENCE).isEqualTo(Map.of("roles", List.of("read")));

        JWTClaimsSet person = claims((String) anPeetersAtTheGeoportaal().get("access_token"));
        assertThat(person.getStringClaim("azp")).isEqualTo("dv_geoportaal");
        assertThat(person.getAudience()).doesNotContain(ScimServerConfig.DEFAULT_AUDIENCE);
    }

    @Test
    void aPersonsAccessTokenForTheApplicationIsRefused() throws Exception {
        String accessToken = (String) anPeetersAtTheGeoportaal().get("access_token");

        HttpResponse<String> response = send("GET", "Users", accessToken, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
        assertThat(response.body()).contains("audience").doesNotContain("an.peeters", "els.jacobs");
    }

    @Test
    void aPersonsIdTokenIsRefused() throws Exception {
        String idToken = (String) anPeetersAtTheGeoportaal().get("id_token");
        assertThat(claims(idToken).getStringClaim("typ")).isEqualTo("ID");

        HttpResponse<String> response = send("GET", "Users", idToken, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("an.peeters", "els.jacobs");
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = send("GET", "Users", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    }

    @Test
    void onlyTheProvisioningClientMayWrite() throws Exception {
        // dv_loket's service account holds toegang-scim read only: it may read (above), not write.
        String user = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"scim.it.person",
                 "name":{"givenName":"Scim","familyName":"Person"}}""";
        HttpResponse<String> refused = send("POST", "Users", token("dv_loket", "dv_loket-demo-secret"), user);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).get().asString().contains("insufficient_scope");
        HttpResponse<String> created = send("POST", "Users", token("scim-provisioner", "scim-provisioner-demo-secret"), user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asText();
        assertThat(send("DELETE", "Users/" + id, token("scim-provisioner", "scim-provisioner-demo-secret"), null)
                .statusCode()).isEqualTo(204);
    }
}
