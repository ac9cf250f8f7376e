package org.toegang.scim.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * The outbound provisioning contract against Keycloak 26.7's own SCIM API, a SCIM service
 * provider that is not ours: two realms of their own ({@code scim-loket}, {@code scim-geo}) on the
 * tests' shared Keycloak (started with {@code --features=scim-api}), removed again afterwards.
 * Keycloak's User has no {@code roles} or {@code entitlements}, so rights travel as Group
 * memberships only; it keeps no {@code externalId}, so accounts are found by {@code userName}.
 */
@ExtendWith(ToegangStackExtension.class)
class KeycloakScimProvisioningIT extends OutboundProvisioningContract {
    KeycloakScimTarget keycloakLoket;

    @BeforeAll
    void start(RunningToegang toegang) throws Exception {
        keycloakLoket = KeycloakScimTarget.create(toegang, "scim-loket");
        begin(keycloakLoket, TargetConfig.RightsAs.NONE, KeycloakScimTarget.create(toegang, "scim-geo"),
                TargetConfig.RightsAs.NONE);
    }

    @Test
    void theToegangRealmKeepsItsScimApiOff(RunningToegang toegang) throws Exception {
        HttpResponse<String> realm = HttpClient.newHttpClient().send(HttpRequest.newBuilder(toegang.keycloakUrl()
                        .resolve("/admin/realms/toegang")).header("Authorization", "Bearer " + toegang.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(realm.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(realm.body()).path("attributes").path("scimApiEnabled").asText("false"))
                .isEqualTo("false");

        HttpResponse<String> users = keycloakLoket.scimAt("toegang", "Users");
        assertThat(users.statusCode()).isEqualTo(404);
        assertThat(users.body()).doesNotContain("userName").doesNotContain("Resources");
        HttpResponse<String> own = keycloakLoket.scimAt("scim-loket", "Users?count=1");
        assertThat(own.statusCode()).as("the same token does work at its own realm").isEqualTo(200);
    }
}
