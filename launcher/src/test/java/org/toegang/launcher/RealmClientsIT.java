package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The clients the {@code toegang} realm is imported with, as their back ends and the SCIM API use them. */
@ExtendWith(ToegangStackExtension.class)
class RealmClientsIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "dv_geoportaal,    dv_geoportaal-demo-secret",
            "dv_loket,         dv_loket-demo-secret",
            "scim-provisioner, scim-provisioner-demo-secret"})
    void issuesClientCredentialsTokensWithTheDemoSecret(String clientId, String secret, RunningToegang toegang)
            throws ParseException {
        HttpResponse<String> response = clientCredentials(toegang, clientId, secret, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet token = RealmTokens.of(toegang.realmUrl())
                .verifyAccessToken((String) JSONObjectUtils.parse(response.body()).get("access_token"));
        assertThat(token.getStringClaim("azp")).isEqualTo(clientId);
    }

    @Test
    void refusesAWrongSecret(RunningToegang toegang) {
        assertThat(clientCredentials(toegang, "scim-provisioner", "not-the-secret", null).statusCode()).isEqualTo(401);
    }

    @Test
    void givesAnApplicationItsOwnScopes(RunningToegang toegang) throws ParseException {
        HttpResponse<String> response = clientCredentials(toegang, "dv_geoportaal", "dv_geoportaal-demo-secret",
                "openid profile vo rrn wettelijkvertegenwoordiger dv_geoportaal");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> scopes = List.of(((String) JSONObjectUtils.parse(response.body()).get("scope")).split(" "));
        assertThat(scopes).contains("openid", "profile", "vo", "rrn", "wettelijkvertegenwoordiger", "dv_geoportaal");
    }

    @Test
    void refusesAnotherApplicationsScope(RunningToegang toegang) {
        HttpResponse<String> response = clientCredentials(toegang, "dv_geoportaal", "dv_geoportaal-demo-secret",
                "openid dv_loket");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_scope");
    }

    @ParameterizedTest
    @CsvSource({"urn:toegang:sp:dv_geoportaal", "urn:toegang:sp:dv_loket"})
    void hasTheSamlClientOfEachApplication(String entityId, RunningToegang toegang) throws ParseException {
        URI clients = URI.create(toegang.keycloakUrl() + "/admin/realms/toegang/clients?clientId=" + Browser.encode(entityId));
        HttpResponse<String> response = new Browser().send(HttpRequest.newBuilder(clients)
                .header("Authorization", "Bearer " + toegang.adminToken()));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Object> found = com.nimbusds.jose.util.JSONArrayUtils.parse(response.body());
        assertThat(found).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> client = (Map<String, Object>) found.get(0);
        assertThat(client).containsEntry("protocol", "saml").containsEntry("enabled", true);
    }

    private static HttpResponse<String> clientCredentials(RunningToegang toegang, String clientId, String secret,
                                                         String scope) {
        String basic = Base64.getEncoder().encodeToString((Browser.encode(clientId) + ":" + Browser.encode(secret))
                .getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + Browser.encode(scope));
        return new Browser().send(HttpRequest.newBuilder(URI.create(toegang.realmUrl() + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }
}
