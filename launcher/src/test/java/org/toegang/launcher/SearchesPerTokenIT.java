package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.directory.DemoData;
import org.toegang.directory.SearchCountingProxy;
import org.toegang.launcher.signin.DirectoryGrants;

/**
 * The performance rule, counted on the wire between our providers and the directory: a
 * token costs at most one LDAP search for the rights of its application, whether it is issued
 * at the code exchange or at a refresh, with every Toegang mapper (ID token, access token, both
 * claims) and the refresh check in the same request; and while the directory reports its changes
 * (the embedded ApacheDS does) a refresh costs none until something of the person changes.
 */
@ExtendWith(ToegangStackExtension.class)
class SearchesPerTokenIT {
    private static final String CLIENT = "dv_loket";
    private static final String SECRET = "dv_loket-demo-secret";
    private static final String SCOPE = "openid profile vo rrn wettelijkvertegenwoordiger dv_loket";
    private static final String ROLES = "dv_loket_rol_3d";
    /** An's grant LoketGebruiker for 0900000345. */
    private static final String AN_GRANT_0900000345 = "7fb071fd-c544-4c85-a0f1-f7cf1af51a45";

    @Test
    void costsAtMostOneSearchPerTokenAndNoneWhileNothingOfThePersonChanged(RunningToegang toegang)
            throws ParseException {
        SearchCountingProxy searches = toegang.providerSearches();
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), CLIENT, SECRET,
                "http://127.0.0.1:8000/callback");
        AuthorizationCodeSignIn.LoginPage page = signIn.open(SCOPE);

        searches.reset();
        HttpResponse<String> afterLogin = signIn.submit(page, "an.peeters", DemoData.PASSWORD);
        String code = signIn.code(afterLogin).orElseThrow(() -> new AssertionError(afterLogin.body()));
        // the capacity step: the application, the person's active grants (none when kept), their organisations;
        // and the sign-in counter of the application's owner (SignInCounters reads the day's count to swap it)
        assertThat(searches.searches()).as("searches of the capacity step and the sign-in count").isBetween(3L, 4L);

        searches.reset();
        Map<String, Object> issued = signIn.exchange(code);
        assertThat(issued).containsKeys("id_token", "access_token", "refresh_token");
        assertThat(searches.searches()).as("searches of the code exchange").isLessThanOrEqualTo(1);

        // the first refreshes may come before the change feed is live (it starts with the first token)
        String refreshToken = (String) issued.get("refresh_token");
        long spent = Long.MAX_VALUE;
        for (int refresh = 1; refresh <= 20 && spent > 0; refresh++) {
            searches.reset();
            Map<String, Object> refreshed = refresh(toegang, refreshToken);
            assertThat(roles(toegang, refreshed)).containsExactly("LoketGebruiker:0900000147,0900000345");
            spent = searches.searches();
            assertThat(spent).as("searches of refresh %d", refresh).isLessThanOrEqualTo(1);
            refreshToken = (String) refreshed.get("refresh_token");
            sleepQuietly(250);
        }
        assertThat(spent).as("a refresh with nothing changed costs no search once the feed is live").isZero();
        for (int refresh = 1; refresh <= 3; refresh++) {
            searches.reset();
            Map<String, Object> refreshed = refresh(toegang, refreshToken);
            assertThat(roles(toegang, refreshed)).containsExactly("LoketGebruiker:0900000147,0900000345");
            assertThat(searches.searches()).as("searches of kept refresh %d", refresh).isZero();
            refreshToken = (String) refreshed.get("refresh_token");
        }

        DirectoryGrants grants = new DirectoryGrants(toegang.directory().url(), toegang.directory().bindDn(),
                toegang.directory().password());
        grants.setStatus(AN_GRANT_0900000345, "revoked");
        try {
            searches.reset();
            Map<String, Object> refreshed = refresh(toegang, refreshToken);
            assertThat(roles(toegang, refreshed)).as("the very next refresh").containsExactly("LoketGebruiker:0900000147");
            assertThat(searches.searches()).as("searches of the refresh after the change").isEqualTo(1);
        } finally {
            grants.setStatus(AN_GRANT_0900000345, "active");
        }
    }

    private static List<String> roles(RunningToegang toegang, Map<String, Object> tokens) throws ParseException {
        assertThat(tokens).containsKeys("id_token", "access_token");
        return RealmTokens.of(toegang.realmUrl()).verifyAccessToken((String) tokens.get("access_token"))
                .getStringListClaim(ROLES);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> refresh(RunningToegang toegang, String refreshToken) throws ParseException {
        String form = Browser.form(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", CLIENT, "client_secret", SECRET));
        HttpResponse<String> response = new Browser().send(HttpRequest.newBuilder(
                        URI.create(toegang.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSONObjectUtils.parse(response.body());
    }
}
