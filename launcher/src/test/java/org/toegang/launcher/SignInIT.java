package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toegang.directory.DemoData;

/**
 * Demo people sign in through the real Keycloak distribution, with the password the directory
 * keeps, as an application and as the account console do.
 */
@ExtendWith(ToegangStackExtension.class)
class SignInIT {
    private static final String CLIENT = "dv_geoportaal";
    private static final String SECRET = "dv_geoportaal-demo-secret";
    private static final String REDIRECT_URI = "http://127.0.0.1:8000/callback";
    private static final String ACCOUNT_CONSOLE = "account-console";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "an.peeters,    An,    Peeters",
            "bart.claes,    Bart,  Claes",
            "chris.wouters, Chris, Wouters",
            "dina.maes,     Dina,  Maes",
            "els.jacobs,    Els,   Jacobs"})
    void signsInADemoPersonWithTheirDirectoryPassword(String username, String givenName, String familyName,
                                                      RunningToegang toegang) throws ParseException {
        // The account console, not an application: an application adds the capacity step, which
        // refuses Bart and Dina at dv_geoportaal and asks Els to choose (signin.CapacitySignInIT).
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), ACCOUNT_CONSOLE, null,
                toegang.realmUrl() + "/account/");

        HttpResponse<String> afterLogin = signIn.submit(signIn.open("openid profile"), username, DemoData.PASSWORD);
        String code = signIn.code(afterLogin).orElseThrow(() -> new AssertionError(
                "No code for " + username + ": " + afterLogin.statusCode() + " " + afterLogin.body()));
        Map<String, Object> tokens = signIn.exchange(code);

        RealmTokens realm = RealmTokens.of(toegang.realmUrl());
        JWTClaimsSet idToken = realm.verifyIdToken((String) tokens.get("id_token"), ACCOUNT_CONSOLE);
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(idToken.getStringClaim("nonce")).isEqualTo(signIn.nonce());
        // the names come from givenName and sn: with vendor "other" Keycloak would read cn by default
        assertThat(idToken.getStringClaim("given_name")).isEqualTo(givenName);
        assertThat(idToken.getStringClaim("family_name")).isEqualTo(familyName);
        JWTClaimsSet accessToken = realm.verifyAccessToken((String) tokens.get("access_token"));
        assertThat(accessToken.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(accessToken.getStringClaim("azp")).isEqualTo(ACCOUNT_CONSOLE);

        assertThat(toegang.awaitLogLines(line -> line.contains("audit=login type=LOGIN outcome=success")
                && line.contains("client=" + ACCOUNT_CONSOLE) && line.contains("username=" + username)))
                .as("the audit trail records the sign-in").isNotEmpty();
    }

    @Test
    void refusesAWrongPasswordAndShowsTheLoginPageAgain(RunningToegang toegang) {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), CLIENT, SECRET, REDIRECT_URI);
        String wrongPassword = "Not-The-Password-7";

        HttpResponse<String> afterLogin = signIn.submit(signIn.open("openid"), "an.peeters", wrongPassword);

        assertThat(signIn.code(afterLogin)).isEmpty();
        assertThat(AuthorizationCodeSignIn.LoginPage.isLoginPage(afterLogin)).isTrue();
        assertThat(new AuthorizationCodeSignIn.LoginPage(afterLogin).error()).isPresent();
        assertThat(toegang.awaitLogLines(line -> line.contains("audit=login type=LOGIN_ERROR outcome=failure")
                && line.contains("error=invalid_user_credentials") && line.contains("username=an.peeters")))
                .isNotEmpty();
        assertThat(toegang.logLines()).noneMatch(line -> line.contains(wrongPassword));
    }

    @Test
    void signsInAtTheAccountConsole(RunningToegang toegang) throws ParseException {
        String accountConsole = toegang.realmUrl() + "/account/";
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), "account-console", null,
                accountConsole);

        HttpResponse<String> afterLogin = signIn.submit(signIn.open("openid"), "els.jacobs", DemoData.PASSWORD);
        String code = signIn.code(afterLogin).orElseThrow(() -> new AssertionError(afterLogin.body()));
        String accessToken = (String) signIn.exchange(code).get("access_token");

        HttpResponse<String> account = new Browser().send(HttpRequest.newBuilder(URI.create(accountConsole))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json"));
        assertThat(account.statusCode()).isEqualTo(200);
        Map<String, Object> person = com.nimbusds.jose.util.JSONObjectUtils.parse(account.body());
        assertThat(person).containsEntry("username", "els.jacobs")
                .containsEntry("firstName", "Els")
                .containsEntry("lastName", "Jacobs")
                .containsEntry("email", "els.jacobs@demo.toegang.local");
    }
}
