package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.directory.DemoPeople;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.toegang.launcher.admin.AdminApi;

/**
 * What administrators do through the API shows in the person's very next token: a grant appears,
 * a request appears only once approved (and cannot be decided twice), a revocation disappears at
 * the next refresh.
 */
@ExtendWith(ToegangStackExtension.class)
class AdminGrantTokenIT {
    static AdminApi api;

    @BeforeAll
    static void stack(RunningToegang toegang) {
        SharedStackAccess.use(toegang);
        CapacitySignInIT.stack(toegang);
        api = new AdminApi(toegang);
    }

    @Test
    void grantsApprovalsAndRevocationsThroughTheApiReachTheNextToken() {
        String bart = api.signIn("bart.claes");
        String an = api.signIn("an.peeters");
        String grants = "/organisations/0900000147/grants";
        AdminApi.Answer user = api.call("POST", grants, bart, Map.of("personId", DemoPeople.ELS_JACOBS,
                "clientId", "dv_loket", "right", "LoketGebruiker", "reason", "counter duty"));
        assertThat(user.status()).as("%s", user).isEqualTo(201);
        assertThat(user.json().path("status").asText()).isEqualTo("active");
        AdminApi.Answer beheer = api.call("POST", grants, bart, Map.of("personId", DemoPeople.ELS_JACOBS,
                "clientId", "dv_loket", "right", "LoketBeheerder", "reason", "runs the counter",
                "validTo", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
        assertThat(beheer.json().path("status").asText()).as("%s", beheer).isEqualTo("requested");
        try {
            assertThat(roles(CapacitySignInIT.signIn("els.jacobs", "dv_loket", CapacitySignInIT.SCOPE_LOKET, null, null)))
                    .containsExactly("LoketGebruiker:0900000147");

            String request = beheer.json().path("id").asText();
            assertThat(api.call("GET", "/requests", an, null).body()).contains(request);
            AdminApi.Answer approved = api.call("POST", "/requests/" + request + "/approve", an,
                    Map.of("reason", "trained"), Map.of("If-Match", beheer.etag()));
            assertThat(approved.status()).as("%s", approved).isEqualTo(200);
            AdminApi.Answer again = api.call("POST", "/requests/" + request + "/reject", an, Map.of("reason", "no"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("errors").findValuesAsText("field")).containsExactly("status");

            JsonNode signedIn = CapacitySignInIT.signIn("els.jacobs", "dv_loket", CapacitySignInIT.SCOPE_LOKET, null, null);
            assertThat(roles(signedIn)).containsExactly("LoketBeheerder:0900000147", "LoketGebruiker:0900000147");

            AdminApi.Answer revoked = api.call("POST", grants + "/" + request + "/revoke", bart,
                    Map.of("reason", "left the counter"), Map.of("If-Match", approved.etag()));
            assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
            JsonNode refreshed = CapacitySignInIT.tokens.refresh("dv_loket", "dv_loket-demo-secret",
                    signedIn.path("tokens").path("refresh_token").asText());
            assertThat(refreshed.path("status").asInt()).as("%s", refreshed).isEqualTo(200);
            assertThat(CapacitySignInIT.tokens.verify(refreshed.path("access_token").asText())
                    .getStringListClaim("dv_loket_rol_3d")).containsExactly("LoketGebruiker:0900000147");
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        } finally {
            AdminApi.Answer current = api.call("GET", grants + "/" + user.json().path("id").asText(), bart, null);
            api.call("POST", grants + "/" + user.json().path("id").asText() + "/revoke", bart,
                    Map.of("reason", "end of test"), Map.of("If-Match", current.etag()));
        }
    }

    private static java.util.List<String> roles(JsonNode signedIn) throws java.text.ParseException {
        return CapacitySignInIT.tokens.verify(signedIn.path("tokens").path("access_token").asText())
                .getStringListClaim("dv_loket_rol_3d");
    }
}
