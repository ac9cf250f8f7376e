package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.directory.DemoData;
import org.toegang.directory.SearchCountingProxy;

/**
 * The performance rule, counted on the wire between our providers and the directory: a
 * token costs at most one LDAP search for the rights of its application, whether it is issued
 * at the code exchange or at a refresh, with every Toegang mapper (ID token, access token, both
 * claims) and the refresh check in the same request.
 */
@ExtendWith(ToegangStackExtension.class)
class SearchesPerTokenIT {
    private static final String CLIENT = "dv_loket";
    private static final String SECRET = "dv_loket-demo-secret";
    private static final String SCOPE = "openid profile vo rrn wettelijkvertegenwoordiger dv_loket";

    @Test
    void costsOneSearchPerTokenAtTheCodeExchangeAndAtEachRefresh(RunningToegang toegang) throws ParseException {
        SearchCountingProxy searches = toegang.providerSearches();
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), CLIENT, SECRET,
                "http://127.0.0.1:8000/callback");
        AuthorizationCodeSignIn.LoginPage page = signIn.open(SCOPE);

        searches.reset();
        HttpResponse<String> afterLogin = signIn.submit(page, "an.peeters", DemoData.PASSWORD);
        String code = signIn.code(afterLogin).orElseThrow(() -> new AssertionError(afterLogin.body()));
        // the capacity step: the application, the person's active grants, their organisations
        assertThat(searches.searches()).as("searches of the capacity step").isEqualTo(3);

        searches.reset();
        Map<String, Object> issued = signIn.exchange(code);
        assertThat(issued).containsKeys("id_token", "access_token", "refresh_token");
        assertThat(searches.searches()).as("searches of the code exchange").isEqualTo(1);

        String refreshToken = (String) issued.get("refresh_token");
        for (int refresh = 1; refresh <= 3; refresh++) {
            searches.reset();
            Map<String, Object> refreshed = refresh(toegang, refreshToken);
            assertThat(refreshed).as("refresh %d", refresh).containsKeys("id_token", "access_token");
            assertThat(RealmTokens.of(toegang.realmUrl()).verifyAccessToken((String) refreshed.get("access_token"))
                    .getStringListClaim("dv_loket_rol_3d")).containsExactly("LoketGebruiker:0900000147,0900000345");
            assertThat(searches.searches()).as("searches of refresh %d", refresh).isEqualTo(1);
            refreshToken = (String) refreshed.get("refresh_token");
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
