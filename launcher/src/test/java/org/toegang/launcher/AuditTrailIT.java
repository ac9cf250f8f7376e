package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code toegang-audit} event listener, installed from our provider jar, records admin events. */
@ExtendWith(ToegangStackExtension.class)
class AuditTrailIT {

    @Test
    void recordsWhoChangedWhatInTheRealmButNotTheChange(RunningToegang toegang) {
        String marker = "audit-probe-" + UUID.randomUUID();
        URI scopes = toegang.keycloakUrl().resolve("/admin/realms/toegang/client-scopes");
        Browser admin = new Browser();

        HttpResponse<String> created = admin.send(HttpRequest.newBuilder(scopes)
                .header("Authorization", "Bearer " + toegang.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + marker + "\",\"protocol\":\"openid-connect\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        admin.send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + toegang.adminToken())
                .DELETE());

        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(toegang.awaitLogLines(line -> line.contains("audit=admin operation=CREATE resource=CLIENT_SCOPE")
                && line.contains("path=client-scopes/" + id)
                && line.contains("actor_client=admin-cli") && line.contains("actor_username=admin")))
                .isNotEmpty();
        assertThat(toegang.awaitLogLines(line -> line.contains("audit=admin operation=DELETE resource=CLIENT_SCOPE")
                && line.contains("path=client-scopes/" + id)))
                .isNotEmpty();
        assertThat(toegang.logLines()).noneMatch(line -> line.contains("audit=") && line.contains(marker));
    }
}
