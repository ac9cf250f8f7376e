package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/** Rights are read at each token: a change in the directory shows at the next refresh. */
@ExtendWith(ToegangStackExtension.class)
class GrantRefreshIT {
    static final String AN = "de47ef3f-70e5-40b8-9b55-d293b7687bcb";
    /** Bart's only grant at dv_loket: LoketGebruiker for 0900000147. */
    static final String BART_LOKET_GRANT = "09616c73-9380-45c1-88e1-9d7ac85ad952";

    static Tokens tokens;
    static DirectoryGrants grants;

    @BeforeAll
    static void stack(RunningToegang toegang) {
        SharedStackAccess.use(toegang);
        CapacitySignInIT.stack(toegang);
        tokens = CapacitySignInIT.tokens;
        grants = SharedStackAccess.directoryGrants();
    }

    @Test
    void aRevokedGrantDisappearsFromTheNextRefreshedToken() throws Exception {
        String extra = grants.add(AN, "dv_loket", "LoketBeheerder", "0900000147");
        try {
            JsonNode signedIn = CapacitySignInIT.signIn("an.peeters", "dv_loket", CapacitySignInIT.SCOPE_LOKET, null, null);
            JWTClaimsSet before = tokens.verify(signedIn.path("tokens").path("access_token").asText());
            assertThat(before.getStringListClaim("dv_loket_rol_3d"))
                    .containsExactly("LoketBeheerder:0900000147", "LoketGebruiker:0900000147,0900000345");

            grants.setStatus(extra, "revoked");
            JsonNode refreshed = tokens.refresh("dv_loket", "dv_loket-demo-secret",
                    signedIn.path("tokens").path("refresh_token").asText());

            assertThat(refreshed.path("status").asInt()).as("%s", refreshed).isEqualTo(200);
            for (String token : List.of(refreshed.path("access_token").asText(), refreshed.path("id_token").asText())) {
                assertThat(tokens.verify(token).getStringListClaim("dv_loket_rol_3d"))
                        .containsExactly("LoketGebruiker:0900000147,0900000345");
            }
        } finally {
            grants.delete(extra);
        }
    }

    @Test
    void aRefreshWithNoRightLeftForTheCapacityIsRefused() {
        JsonNode signedIn = CapacitySignInIT.signIn("bart.claes", "dv_loket", CapacitySignInIT.SCOPE_LOKET, null, null);
        assertThat(signedIn.path("tokens").has("refresh_token")).as("%s", signedIn).isTrue();
        grants.setStatus(BART_LOKET_GRANT, "revoked");
        try {
            JsonNode refreshed = tokens.refresh("dv_loket", "dv_loket-demo-secret",
                    signedIn.path("tokens").path("refresh_token").asText());

            assertThat(refreshed.path("status").asInt()).isEqualTo(400);
            assertThat(refreshed.path("error").asText()).isEqualTo("invalid_grant");
            assertThat(refreshed.has("access_token")).isFalse();
        } finally {
            grants.setStatus(BART_LOKET_GRANT, "active");
        }
    }
}
