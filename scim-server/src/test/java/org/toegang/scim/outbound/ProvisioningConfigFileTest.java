package org.toegang.scim.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.provisioning.TargetConfig;

class ProvisioningConfigFileTest {
    @TempDir
    Path folder;

    Path write(String json) throws IOException {
        Path file = folder.resolve("provisioning.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void readsBothKindsOfAuthenticationAndTakesSecretsFromTheEnvironment() throws IOException {
        Path file = write("""
                {"firstRetry": "PT2S", "workers": 4, "maxAttempts": 7,
                 "targets": [
                   {"name": "loket", "application": "dv_loket", "baseUrl": "https://loket.example.org/scim/v2",
                    "authentication": {"type": "bearer", "token": "${env:LOKET_TOKEN}"},
                    "rights": "entitlements", "groups": true, "whenLastRightEnds": "delete"},
                   {"name": "geo", "application": "dv_geoportaal", "baseUrl": "http://geo.example.org/scim",
                    "authentication": {"type": "client_credentials", "tokenEndpoint": "https://idp.example.org/token",
                                       "clientId": "toegang", "clientSecret": "s3cr3t-in-file", "scope": "scim"},
                    "maxAttempts": 3}]}""");

        ProvisioningConfig config = ProvisioningConfigFile.load(file, Map.of("LOKET_TOKEN", "from-env")::get);

        TargetConfig loket = config.target("loket").orElseThrow();
        assertThat(loket.baseUrl()).hasToString("https://loket.example.org/scim/v2/");
        assertThat(((TargetConfig.Bearer) loket.authentication()).token().reveal()).isEqualTo("from-env");
        assertThat(loket.rightsAs()).isEqualTo(TargetConfig.RightsAs.ENTITLEMENTS);
        assertThat(loket.onLastRight()).isEqualTo(TargetConfig.Deprovision.DELETE);
        assertThat(loket.groups()).isTrue();
        assertThat(loket.maxAttempts()).isEqualTo(7);
        TargetConfig geo = config.target("geo").orElseThrow();
        TargetConfig.ClientCredentials credentials = (TargetConfig.ClientCredentials) geo.authentication();
        assertThat(credentials.clientSecret().reveal()).isEqualTo("s3cr3t-in-file");
        assertThat(credentials.scope()).contains("scim");
        assertThat(geo.rightsAs()).isEqualTo(TargetConfig.RightsAs.ROLES);
        assertThat(geo.onLastRight()).isEqualTo(TargetConfig.Deprovision.DEACTIVATE);
        assertThat(geo.maxAttempts()).isEqualTo(3);
        assertThat(geo.groups()).as("Group memberships are off unless asked for").isFalse();
        assertThat(config.firstRetry()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.workers()).isEqualTo(4);
        assertThat(config.journal().url()).startsWith("jdbc:h2:file:").contains(folder.toString());
        assertThat(config.toString()).doesNotContain("from-env").doesNotContain("s3cr3t-in-file");
    }

    @Test
    void refusesMistakesNamingTheFieldAndNeverTheSecret() throws IOException {
        String target = """
                {"targets": [{"name": "loket", "application": "dv_loket", "baseUrl": "%s",
                  "authentication": %s %s}]}""";
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write(target.formatted("ftp://x", "{\"type\":\"bearer\",\"token\":\"t\"}", "")), Map.<String, String>of()::get))
                .hasMessageContaining("targets[0].baseUrl").hasMessageContaining("http");
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write(target.formatted("http://x", "{\"type\":\"basic\"}", "")), Map.<String, String>of()::get))
                .hasMessageContaining("targets[0].authentication.type");
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write(target.formatted("http://x", "{\"type\":\"bearer\"}", "")), Map.<String, String>of()::get))
                .hasMessageContaining("targets[0].authentication.token is required");
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write(target.formatted("http://x",
                "{\"type\":\"bearer\",\"token\":\"${env:NOT_SET}\"}", "")), Map.<String, String>of()::get))
                .hasMessageContaining("NOT_SET").hasMessageContaining("not set");
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write(target.formatted("http://x",
                "{\"type\":\"bearer\",\"token\":\"very-secret\"}", ", \"rights\": \"claims\"")), Map.<String, String>of()::get))
                .hasMessageContaining("targets[0].rights").hasMessageContaining("roles")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("very-secret"));
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write(target.formatted("http://x",
                "{\"type\":\"bearer\",\"token\":\"t\"}", ", \"groups\": \"yes\"")), Map.<String, String>of()::get))
                .hasMessageContaining("targets[0].groups").hasMessageContaining("true or false");
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write("{\"targets\": {}}"), Map.<String, String>of()::get))
                .hasMessageContaining("targets must be an array");
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write("{\"journal\": {\"url\": \"jdbc:mysql://x\"}, \"targets\": []}"),
                Map.<String, String>of()::get)).hasMessageContaining("jdbc:h2: or jdbc:postgresql:");
    }

    @Test
    void registeredTargetsAreServedWhereTheOperatorAllowsThemOnly() throws IOException {
        ProvisioningConfig byDefault = ProvisioningConfigFile.load(write("{\"targets\": [], \"maxAttempts\": 4}"),
                Map.<String, String>of()::get);
        assertThat(byDefault.registered().allow()).containsExactly("https://");
        assertThat(byDefault.registered().maxAttempts()).isEqualTo(4);
        assertThat(byDefault.registered().allows(registered("https://scim.example.org/v2/"))).isTrue();
        assertThat(byDefault.registered().allows(registered("http://scim.example.org/v2/"))).isFalse();

        ProvisioningConfig narrowed = ProvisioningConfigFile.load(write("""
                {"targets": [], "registeredTargets": {"allow": ["https://apps.example.org", "http://127.0.0.1:"],
                 "refreshEvery": "PT30S"}}"""), Map.<String, String>of()::get);
        ProvisioningConfig.RegisteredTargets allowed = narrowed.registered();
        assertThat(allowed.refreshEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(allowed.allows(registered("https://apps.example.org/loket/scim/"))).isTrue();
        assertThat(allowed.allows(registered("https://apps.example.org:8443/scim/"))).isTrue();
        assertThat(allowed.allows(registered("https://apps.example.org.evil.test/scim/"))).as("another host").isFalse();
        assertThat(allowed.allows(registered("http://127.0.0.1:9000/scim/"))).isTrue();
        assertThat(allowed.allows(registered("http://10.0.0.1/scim/"))).isFalse();
        TargetConfig tokenElsewhere = new TargetConfig("app", "app", java.net.URI.create("https://apps.example.org/scim/"),
                new TargetConfig.ClientCredentials(java.net.URI.create("http://169.254.169.254/token"), "c",
                        org.toegang.core.provisioning.Secret.of("s"), java.util.Optional.empty()),
                TargetConfig.RightsAs.ROLES, false, TargetConfig.Deprovision.DEACTIVATE, 1);
        assertThat(allowed.allows(tokenElsewhere)).as("the token endpoint counts too").isFalse();

        ProvisioningConfig none = ProvisioningConfigFile.load(write("{\"targets\": [], \"registeredTargets\": {\"allow\": []}}"),
                Map.<String, String>of()::get);
        assertThat(none.registered().enabled()).isFalse();
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write("{\"targets\": [], \"registeredTargets\": {\"allow\": [\"*\"]}}"),
                Map.<String, String>of()::get)).hasMessageContaining("registeredTargets.allow");
        assertThatThrownBy(() -> ProvisioningConfigFile.load(write("""
                {"targets": [{"name": "loket", "application": "dv_loket", "baseUrl": "https://u:pa55@x.example.org/",
                  "authentication": {"type": "bearer", "token": "t"}}]}"""), Map.<String, String>of()::get))
                .hasMessageContaining("targets[0].baseUrl").hasMessageContaining("user information")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa55"));
    }

    private static TargetConfig registered(String baseUrl) {
        return new TargetConfig("app", "app", java.net.URI.create(baseUrl),
                new TargetConfig.Bearer(org.toegang.core.provisioning.Secret.of("t")), TargetConfig.RightsAs.ROLES, false,
                TargetConfig.Deprovision.DEACTIVATE, 1);
    }
}
