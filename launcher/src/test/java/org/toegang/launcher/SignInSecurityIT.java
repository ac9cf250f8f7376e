package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.directory.DemoData;

/**
 * The attacker's probes of sign-in, each reproduced: brute force, a look-alike username, an
 * over-long {@code login_hint}.
 */
@ExtendWith(ToegangStackExtension.class)
class SignInSecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * Brute-force protection is on: after five wrong passwords the account is locked for a while,
     * so even the right password is refused; the lockout is temporary (never permanent) and an
     * administrator may lift it early.
     */
    @Test
    void locksAnAccountTemporarilyAfterFiveWrongPasswords(RunningToegang toegang) throws Exception {
        JsonNode realm = admin(toegang, "GET", "/admin/realms/toegang", null);
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.path("failureFactor").asInt()).isEqualTo(5);
        String els = admin(toegang, "GET", "/admin/realms/toegang/users?exact=true&username=els.jacobs", null)
                .path(0).path("id").asText();
        assertThat(els).isNotBlank();
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(signIn(toegang, "els.jacobs", "Not-The-Password-" + attempt)).isFalse();
            }
            assertThat(signIn(toegang, "els.jacobs", DemoData.PASSWORD)).as("the right password, locked").isFalse();
            JsonNode status = admin(toegang, "GET", "/admin/realms/toegang/attack-detection/brute-force/users/" + els, null);
            assertThat(status.path("disabled").asBoolean()).as("%s", status).isTrue();
            // two failures within a second lock at once (quick-login check), so fewer may be counted
            assertThat(status.path("numFailures").asInt()).isPositive();
        } finally {
            admin(toegang, "DELETE", "/admin/realms/toegang/attack-detection/brute-force/users/" + els, null);
        }
        assertThat(signIn(toegang, "els.jacobs", DemoData.PASSWORD)).as("lockout lifted").isTrue();
    }

    /**
     * The directory's string preparation (RFC 4518) drops ZERO WIDTH SPACE and folds compatibility
     * forms, so these names find An; with her password they must still not sign in.
     */
    @ParameterizedTest
    @ValueSource(strings = {"an.peeters\u200B", "\u202Ean.peeters", "an.pe\u00ADeters", "\uFF41n.peeters"})
    void refusesAUsernameThatIsNotExactlyTheAccountsOwn(String typed, RunningToegang toegang) throws Exception {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), LoketSessions.CLIENT,
                LoketSessions.SECRET, LoketSessions.REDIRECT);
        try {
            HttpResponse<String> answer = signIn.submit(signIn.open(LoketSessions.SCOPE), typed, DemoData.PASSWORD);
            assertThat(signIn.code(answer)).as("no code").isEmpty();
            assertThat(AuthorizationCodeSignIn.LoginPage.isLoginPage(answer)).as("the login page again").isTrue();
            assertThat(new AuthorizationCodeSignIn.LoginPage(answer).error()).isPresent();
        } finally {
            // Keycloak counts a failure against the account the typed name finds in the directory
            // (An): quick failures in a row would lock her for the tests that follow
            String an = admin(toegang, "GET", "/admin/realms/toegang/users?exact=true&username=an.peeters", null)
                    .path(0).path("id").asText();
            admin(toegang, "DELETE", "/admin/realms/toegang/attack-detection/brute-force/users/" + an, null);
        }
    }

    @Test
    void acceptsTheUsernameInAnotherLetterCase(RunningToegang toegang) {
        assertThat(signIn(toegang, "An.Peeters", DemoData.PASSWORD)).isTrue();
    }

    /**
     * Keycloak limits {@code login_hint} to 255 characters and used to drop a longer one silently,
     * so a targeted sign-in became an untargeted one with the person's wider capacity. Now the
     * request is refused; a hint within the limit narrows the capacity as before.
     */
    @Test
    void refusesALoginHintKeycloakCannotHonourInsteadOfWideningTheCapacity(RunningToegang toegang) throws Exception {
        String hint = hint("LB", "0900000147", "");
        AuthorizationCodeSignIn honoured = new AuthorizationCodeSignIn(toegang.realmUrl(), LoketSessions.CLIENT,
                LoketSessions.SECRET, LoketSessions.REDIRECT);
        String code = honoured.code(honoured.submit(honoured.open(LoketSessions.SCOPE, Map.of("login_hint", hint)),
                "an.peeters", DemoData.PASSWORD)).orElseThrow();
        String accessToken = (String) honoured.exchange(code).get("access_token");
        assertThat(SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("dv_loket_rol_3d"))
                .as("the short hint narrows").containsExactly("LoketGebruiker:0900000147");

        String longHint = hint("LB", "0900000147", "x".repeat(200));
        assertThat(longHint.length()).isGreaterThan(255);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", LoketSessions.CLIENT);
        query.put("response_type", "code");
        query.put("scope", LoketSessions.SCOPE);
        query.put("redirect_uri", LoketSessions.REDIRECT);
        query.put("state", "s1");
        query.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbWQqjYtcW2o");
        query.put("code_challenge_method", "S256");
        query.put("login_hint", longHint);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create(toegang.realmUrl() + "/protocol/openid-connect/auth?" + Browser.form(query))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("login_hint of %d characters: %d %s%n", longHint.length(), answer.statusCode(),
                answer.headers().firstValue("Location").orElse(""));
        assertThat(AuthorizationCodeSignIn.LoginPage.isLoginPage(answer)).as("no login page: %s", answer.body()).isFalse();
        String location = answer.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("code=");
        if (answer.statusCode() == 302 || answer.statusCode() == 303) {
            assertThat(location).startsWith(LoketSessions.REDIRECT).contains("error=invalid_request");
        } else {
            assertThat(answer.statusCode()).isEqualTo(400);
        }
    }

    private static String hint(String capHint, String codeHint, String padding) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("cap_hint", capHint);
        json.put("code_hint", codeHint);
        if (!padding.isEmpty()) {
            json.put("note", padding);
        }
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean signIn(RunningToegang toegang, String username, String password) {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), "dv_geoportaal",
                "dv_geoportaal-demo-secret", LoketSessions.REDIRECT);
        HttpResponse<String> answer = signIn.submit(signIn.open("openid"), username, password);
        if (signIn.code(answer).isPresent()) {
            return true;
        }
        if (answer.statusCode() == 200 && answer.body().contains("toegang-capacity")) {
            return true; // signed in, at the capacity chooser
        }
        assertThat(AuthorizationCodeSignIn.LoginPage.isLoginPage(answer)).as("refused with the login page: %s",
                answer.body()).isTrue();
        return false;
    }

    static JsonNode admin(RunningToegang toegang, String method, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(toegang.keycloakUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + toegang.adminToken())
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(300);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

}
