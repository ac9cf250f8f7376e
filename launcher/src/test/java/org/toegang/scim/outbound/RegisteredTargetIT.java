package org.toegang.scim.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toegang.scim.outbound.OutboundProvisioningContract.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.directory.Directory;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.toegang.launcher.admin.AdminApi;

/**
 * Issue 10, item 1: the application's owner registers its provisioning target through the
 * administration API, and the provisioner serves it without a restart or a configuration file
 * entry. An (head administrator of OVO900001, owner of {@code dv_geoportaal}) registers Keycloak
 * 26.7's own SCIM API (a realm of its own on the shared Keycloak) with client credentials; the
 * holders of {@code dv_geoportaal} arrive there; she replaces the target without repeating the
 * credential, and removes it; the credential is never in an answer, nor in the audit trail.
 * Bart (another organisation) may neither read nor write it. A target outside the operator's
 * {@code registeredTargets.allow} is stored but never called.
 */
@ExtendWith(ToegangStackExtension.class)
class RegisteredTargetIT {
    private static final String APPLICATION = "dv_geoportaal";
    private static final String PATH = "/applications/" + APPLICATION + "/provisioning-target";

    @TempDir
    Path work;

    @Test
    void theOwnerRegistersChangesAndRemovesTheTargetAndTheProvisionerFollows(RunningToegang toegang) throws Exception {
        AdminApi api = new AdminApi(toegang);
        String an = api.signIn("an.peeters");
        String bart = api.signIn("bart.claes");
        try (KeycloakScimTarget keycloak = KeycloakScimTarget.create(toegang, "scim-registered");
             Directory directory = Directory.connect(toegang.directory().config());
             Provisioner provisioner = Provisioner.start(configuration(work), directory, Clock.systemUTC())) {
            assertThat(names(provisioner)).as("nothing registered yet").isEmpty();
            Map<String, Object> target = new LinkedHashMap<>(Map.of("baseUrl", keycloak.baseUrl().toString(),
                    "authentication", "client_credentials", "tokenEndpoint", keycloak.tokenEndpoint().toString(),
                    "clientId", "toegang-provisioner", "secret", keycloak.secret(), "rights", "none", "groups", true));

            assertThat(api.call("PUT", PATH, bart, target).status()).as("another organisation's administrator").isEqualTo(403);
            assertThat(api.call("PUT", PATH, null, target).status()).as("no token").isEqualTo(401);
            AdminApi.Answer created = api.call("PUT", PATH, an, target);
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.body()).doesNotContain(keycloak.secret());
            assertThat(created.json().path("secretSet").asBoolean()).isTrue();
            assertThat(created.json().path("tokenEndpoint").asText()).isEqualTo(keycloak.tokenEndpoint().toString());
            assertThat(api.call("GET", PATH, bart, null).status()).isEqualTo(403);
            AdminApi.Answer read = api.call("GET", PATH, an, null);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body()).doesNotContain(keycloak.secret());

            // the provisioner reads it within its refresh interval and sends An, who holds GeoGebruiker-editor
            await(() -> names(provisioner), names -> names.contains(APPLICATION));
            JsonNode anAtTarget = await(() -> account(keycloak, "an.peeters"), account -> account != null);
            assertThat(anAtTarget.path("active").asBoolean()).isTrue();
            await(() -> keycloak.groupsOf(anAtTarget.path("id").asText()),
                    groups -> groups.contains("GeoGebruiker-editor:OVO900001"));
            await(() -> provisioner.current().reconcile(APPLICATION, false).differences(), List::isEmpty);
            assertThat(keycloak.accounts()).extracting(account -> account.path("userName").asText())
                    .as("only holders of dv_geoportaal's rights").doesNotContain("bart.claes", "chris.wouters");

            // replaced without the credential: the stored one is kept, and the provisioner starts again with the change
            target.remove("secret");
            target.put("whenLastRightEnds", "delete");
            assertThat(api.call("PUT", PATH, an, target).status()).as("without If-Match").isEqualTo(428);
            AdminApi.Answer replaced = api.call("PUT", PATH, an, target, Map.of("If-Match", created.etag()));
            assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
            assertThat(replaced.json().path("whenLastRightEnds").asText()).isEqualTo("delete");
            assertThat(replaced.json().path("secretSet").asBoolean()).isTrue();
            TargetConfig running = await(() -> provisioner.current().config().targets().stream()
                    .filter(t -> t.name().equals(APPLICATION)).findFirst().orElse(null),
                    t -> t.onLastRight() == TargetConfig.Deprovision.DELETE);
            assertThat(running.authentication().secret().reveal()).as("the kept credential").isEqualTo(keycloak.secret());
            assertThat(provisioner.current().reconcile(APPLICATION, false).differences())
                    .as("the kept credential still opens the target").isEmpty();

            AdminApi.Answer audit = api.call("GET", "/applications/" + APPLICATION + "/audit?limit=1000", an, null);
            assertThat(audit.status()).isEqualTo(200);
            assertThat(audit.body()).contains("provisioningTarget.create", "provisioningTarget.change")
                    .doesNotContain(keycloak.secret());

            assertThat(api.call("DELETE", PATH, bart, null, Map.of("If-Match", replaced.etag())).status()).isEqualTo(403);
            assertThat(api.call("DELETE", PATH, an, null, Map.of("If-Match", replaced.etag())).status()).isEqualTo(204);
            assertThat(api.call("GET", PATH, an, null).status()).isEqualTo(404);
            await(() -> names(provisioner), names -> !names.contains(APPLICATION));

            // outside registeredTargets.allow: stored for the owner, never called by the provisioner
            Map<String, Object> outside = Map.of("baseUrl", "https://scim.internal.invalid/v2",
                    "authentication", "bearer", "secret", "outside-token");
            AdminApi.Answer stored = api.call("PUT", PATH, an, outside);
            assertThat(stored.status()).isEqualTo(201);
            provisioner.refresh();
            assertThat(names(provisioner)).doesNotContain(APPLICATION);
            assertThat(api.call("DELETE", PATH, an, null, Map.of("If-Match", stored.etag())).status()).isEqualTo(204);
        } finally {
            String etag = api.call("GET", PATH, an, null).header("ETag").orElse(null);
            if (etag != null) {
                api.call("DELETE", PATH, an, null, Map.of("If-Match", etag));
            }
        }
    }

    @Test
    void refusalsNameTheFieldAndNeverEchoACredential(RunningToegang toegang) {
        AdminApi api = new AdminApi(toegang);
        String an = api.signIn("an.peeters");
        Map<String, Map<String, Object>> refused = Map.of(
                "baseUrl", Map.of("baseUrl", "https://user:pa55word@scim.example.org/v2", "authentication", "bearer",
                        "secret", "t0ken"),
                "secret", Map.of("baseUrl", "https://scim.example.org/v2", "authentication", "bearer"),
                "authentication", Map.of("baseUrl", "https://scim.example.org/v2", "authentication", "basic",
                        "secret", "t0ken"),
                "tokenEndpoint", Map.of("baseUrl", "https://scim.example.org/v2", "authentication", "client_credentials",
                        "clientId", "p", "secret", "s3cret", "tokenEndpoint", "ftp://idp.example.org/token"),
                "rights", Map.of("baseUrl", "https://scim.example.org/v2", "authentication", "bearer",
                        "secret", "t0ken", "rights", "everything"));
        refused.forEach((field, body) -> {
            AdminApi.Answer answer = api.call("PUT", PATH, an, body);
            assertThat(answer.status()).as("%s: %s", field, answer).isEqualTo(422);
            assertThat(answer.body()).as(field).contains("\"" + field).doesNotContain("pa55word", "t0ken", "s3cret");
        });
        assertThat(api.call("GET", PATH, an, null).status()).as("nothing stored").isEqualTo(404);
    }

    private static ProvisioningConfig configuration(Path work) {
        return new ProvisioningConfig(ProvisioningConfig.JournalConfig.embedded(work.resolve("journal")), List.of(),
                Duration.ofMillis(200), Duration.ofSeconds(2), 4, Duration.ZERO,
                new ProvisioningConfig.RegisteredTargets(List.of("http://localhost:", "http://127.0.0.1:"),
                        Duration.ofMillis(500), 5));
    }

    private static List<String> names(Provisioner provisioner) {
        return provisioner.current().config().targets().stream().map(TargetConfig::name).toList();
    }

    private static JsonNode account(KeycloakScimTarget target, String userName) throws Exception {
        return target.accounts().stream().filter(account -> account.path("userName").asText().equals(userName))
                .findFirst().orElse(null);
    }
}
