package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.toegang.launcher.admin.AdminApi;

/**
 * Sign-ins per organisation per day, from Keycloak's login events, for the application's owner:
 * each sign-in with a capacity counts once for its organisation; nobody but the owner sees them.
 */
@ExtendWith(ToegangStackExtension.class)
class SignInStatisticsIT {
    static AdminApi api;

    @BeforeAll
    static void stack(RunningToegang toegang) {
        SharedStackAccess.use(toegang);
        CapacitySignInIT.stack(toegang);
        api = new AdminApi(toegang);
    }

    static long today(String token) {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        AdminApi.Answer answer = api.call("GET", "/applications/dv_loket/sign-ins?from=" + day + "&to=" + day, token, null);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        long count = 0;
        for (JsonNode entry : answer.json().path("days")) {
            if (entry.path("organisationKey").asText().equals("0900000147")) {
                count += entry.path("count").asLong();
            }
        }
        return count;
    }

    @Test
    void eachSignInCountsOnceForTheOrganisationOfItsCapacity() {
        String an = api.signIn("an.peeters");
        long before = today(an);
        JsonNode signedIn = CapacitySignInIT.signIn("bart.claes", "dv_loket", CapacitySignInIT.SCOPE_LOKET, null, null);
        assertThat(signedIn.path("tokens").path("access_token").asText()).isNotBlank();
        assertThat(today(an)).isEqualTo(before + 1);

        String bart = api.signIn("bart.claes");
        AdminApi.Answer refused = api.call("GET", "/applications/dv_loket/sign-ins", bart, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("0900000147");
        assertThat(api.call("GET", "/applications/dv_loket/sign-ins", null, null).status()).isEqualTo(401);
        assertThat(today(an)).isEqualTo(before + 1);
    }
}
