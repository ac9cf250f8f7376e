package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.DemoData;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.protocol.ScimLimits;

/**
 * The probe's finding: after SCIM {@code PATCH /Users/<An> active=false} her refresh token kept
 * returning tokens with her rights. Now the next refresh is refused, her sessions end (single
 * sign-on asks for her password again, where the directory then refuses her) and her ID token
 * introspects as inactive. Reactivated, she signs in again.
 */
@ExtendWith(ToegangStackExtension.class)
class DeactivationIT {
    private static final String AN_ID = "de47ef3f-70e5-40b8-9b55-d293b7687bcb";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ScimServer scim;

    @BeforeAll
    static void start(RunningToegang toegang) {
        scim = ScimServer.start(new ScimServerConfig(URI.create("http://localhost:0/scim/v2/"),
                new DirectoryConfig(toegang.directory().url(), toegang.directory().bindDn(),
                        toegang.directory().password(), DirectoryConfig.DEFAULT_BASE_DN, 2),
                toegang.realmUrl().toString(), ScimServerConfig.jwksOf(toegang.realmUrl().toString()),
                ScimServerConfig.DEFAULT_AUDIENCE, ScimLimits.DEFAULTS));
    }

    @AfterAll
    static void stop() {
        if (scim != null) {
            scim.close();
        }
    }

    @Test
    void aPersonDeactivatedOverScimGetsNoFurtherTokenAndHerSessionsEnd(RunningToegang toegang) throws Exception {
        AuthorizationCodeSignIn browser = new AuthorizationCodeSignIn(toegang.realmUrl(), LoketSessions.CLIENT,
                LoketSessions.SECRET, LoketSessions.REDIRECT);
        String code = browser.code(browser.submit(browser.open(LoketSessions.SCOPE), "an.peeters", DemoData.PASSWORD))
                .orElseThrow();
        Map<String, Object> tokens = browser.exchange(code);
        String refreshToken = LoketSessions.text(tokens, "refresh_token");
        String idToken = LoketSessions.text(tokens, "id_token");
        assertThat(LoketSessions.refresh(toegang, refreshToken).path("status").asInt()).as("refreshes while active")
                .isEqualTo(200);
        assertThatThrownBy(() -> browser.open(LoketSessions.SCOPE)).as("single sign-on while active")
                .hasMessageContaining("got 302");

        String provisioner = clientCredentials(toegang, "scim-provisioner", "scim-provisioner-demo-secret");
        try {
            assertThat(patchActive(provisioner, false).statusCode()).isEqualTo(200);

            JsonNode refused = LoketSessions.refresh(toegang, refreshToken);
            assertThat(refused.path("status").asInt()).as("%s", refused).isEqualTo(400);
            assertThat(refused.path("error").asText()).isEqualTo("invalid_grant");
            assertThat(refused.has("access_token")).isFalse();
            assertThat(refused.has("refresh_token")).isFalse();

            JsonNode again = LoketSessions.refresh(toegang, refreshToken);
            assertThat(again.path("status").asInt()).as("still refused: %s", again).isEqualTo(400);
            assertThat(again.has("access_token")).isFalse();

            JsonNode introspected = LoketSessions.introspect(toegang, idToken);
            assertThat(introspected.path("status").asInt()).isEqualTo(200);
            assertThat(introspected.path("active").asBoolean()).as("%s", introspected).isFalse();

            AuthorizationCodeSignIn.LoginPage page = browser.open(LoketSessions.SCOPE);
            assertThat(browser.code(browser.submit(page, "an.peeters", DemoData.PASSWORD)))
                    .as("her session ended, and the directory refuses her password now").isEmpty();
        } finally {
            assertThat(patchActive(provisioner, true).statusCode()).isEqualTo(200);
        }
        assertThat(LoketSessions.signIn(toegang, "an.peeters")).as("reactivated, she signs in again")
                .containsKey("refresh_token");
    }

    private static HttpResponse<String> patchActive(String token, boolean active) throws Exception {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":" + active + "}]}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(scim.baseUri().resolve("Users/" + AN_ID))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/scim+json")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    static String clientCredentials(RunningToegang toegang, String clientId, String secret) {
        JsonNode answer = LoketSessions.post(toegang.realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        assertThat(answer.path("status").asInt()).as("%s", answer).isEqualTo(200);
        return answer.path("access_token").asText();
    }
}
