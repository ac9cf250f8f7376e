package org.toegang.scim.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.core.provisioning.Secret;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.protocol.ScimLimits;

/**
 * Outbound provisioning end to end against SCIMMY (an independent SCIM service provider run by
 * Node): the shared {@link OutboundProvisioningContract}, with rights also as SCIM {@code roles}
 * (loket) and {@code entitlements} (geo), plus what only needs one target: reconciliation, the
 * status and metrics, credentials never logged, a grant that starts later.
 */
class OutboundProvisioningIT extends OutboundProvisioningContract {
    static final String LOKET_TOKEN = "loket-" + java.util.UUID.randomUUID();
    static final String GEO_TOKEN = "geo-" + java.util.UUID.randomUUID();
    static final List<String> CAPTURED = java.util.Collections.synchronizedList(new ArrayList<>());

    ScimmyTarget scimmyLoket;
    Handler capture;

    @BeforeAll
    void start() throws Exception {
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                CAPTURED.add(new java.util.logging.SimpleFormatter().formatMessage(record)
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        scimmyLoket = new ScimmyTarget(LOKET_TOKEN);
        begin(scimmyLoket, TargetConfig.RightsAs.ROLES, new ScimmyTarget(GEO_TOKEN), TargetConfig.RightsAs.ENTITLEMENTS);
    }

    static TargetConfig target(String name, String clientId, URI baseUrl, String token, TargetConfig.RightsAs rightsAs) {
        return new TargetConfig(name, clientId, baseUrl, new TargetConfig.Bearer(Secret.of(token)), rightsAs, false,
                TargetConfig.Deprovision.DEACTIVATE, 12);
    }

    @AfterAll
    void removeCapture() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void rightsTravelAsRolesOrEntitlementsBesideTheGroupMemberships() throws Exception {
        // An holds LoketGebruiker at two organisations and GeoGebruiker-editor
        JsonNode anAtLoket = await(() -> account(loket, AN), account -> account != null
                && values(account, "roles").size() == 2);
        assertThat(values(anAtLoket, "roles")).containsExactly("LoketGebruiker:0900000147", "LoketGebruiker:0900000345");
        assertThat(anAtLoket.has("entitlements")).isFalse();
        JsonNode anAtGeo = await(() -> account(geo, AN), account -> account != null);
        assertThat(values(anAtGeo, "entitlements")).containsExactly("GeoGebruiker-editor:OVO900001");
        assertThat(anAtGeo.has("roles")).isFalse();

        String person = person("roles.go");
        String grant = writes.grant(person, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        await(() -> account(loket, person), account -> account != null && values(account, "roles").size() == 1);
        writes.revoke(grant);
        JsonNode deactivated = await(() -> account(loket, person), account -> !account.path("active").asBoolean());
        assertThat(values(deactivated, "roles")).as("no right of the application shows any more").isEmpty();
        await(() -> groups(loket, deactivated), List::isEmpty);
    }

    @Test
    void membershipsOfTheTargetsOwnGroupsAreLeftAlone() throws Exception {
        String person = person("own.group");
        writes.grant(person, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        JsonNode account = await(() -> account(loket, person), found -> found != null && !groups(loket, found).isEmpty());
        HttpResponse<String> own = scimmyLoket.send("POST", "Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Helpdesk\",\"members\":[{\"value\":\"" + account.path("id").asText() + "\"}]}");
        assertThat(own.statusCode()).isEqualTo(201);

        writes.grant(person, "dv_loket", "LoketBeheerder", "0900000147", Instant.now().minusSeconds(60), null);

        await(() -> groups(loket, account), names -> names.contains("LoketBeheerder:0900000147"));
        assertThat(groups(loket, account)).containsExactly("Helpdesk", "LoketBeheerder:0900000147",
                "LoketGebruiker:0900000147");
        assertThat(loket.groupNames().values().stream().filter("LoketGebruiker:0900000147"::equals))
                .as("one Group per right, however many people hold it").hasSize(1);
    }

    @Test
    void aGrantThatStartsLaterArrivesWhenItStarts() throws Exception {
        String person = person("starts.later");
        Instant start = Instant.now().plusSeconds(4);
        writes.grant(person, "dv_loket", "LoketBeheerder", "0900000147", start, null);
        Thread.sleep(2000);
        assertThat(account(loket, person)).as("nothing leaves before the right counts").isNull();
        await(() -> account(loket, person), account -> account != null && account.path("active").asBoolean());
        assertThat(Instant.now()).isAfterOrEqualTo(start);
    }

    @Test
    void theStatusIsServedAsJsonAndAsPrometheusMetricsOnTheScimServer() throws Exception {
        try (ScimServer scim = ScimServer.start(new ScimServerConfig(URI.create("http://127.0.0.1:0/scim/v2/"),
                new DirectoryConfig(directory.ldapUrl(), EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD,
                        EmbeddedDirectory.BASE_DN, 2),
                "http://127.0.0.1/realms/x", URI.create("http://127.0.0.1:9/certs").toURL(),
                ScimServerConfig.DEFAULT_AUDIENCE, ScimLimits.DEFAULTS))) {
            scim.serve(new StatusHandler(provisioning), StatusHandler.STATUS_PATH, StatusHandler.METRICS_PATH);
            await(() -> provisioning.status().figures().get(0).lastSuccess(), Optional::isPresent);
            HttpClient http = HttpClient.newHttpClient();
            URI root = scim.baseUri().resolve("/");
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(root.resolve(StatusHandler.STATUS_PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.body());
            assertThat(json.path("targets")).hasSize(2);
            JsonNode first = json.path("targets").get(0);
            assertThat(first.path("name").asText()).isEqualTo("loket");
            assertThat(first.path("application").asText()).isEqualTo("dv_loket");
            assertThat(first.has("queueDepth")).isTrue();
            assertThat(first.has("lagSeconds")).isTrue();
            assertThat(first.path("lastSuccess").asText()).isNotEmpty();
            assertThat(first.path("delivered").asLong()).isPositive();

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(root.resolve(StatusHandler.METRICS_PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("toegang_provisioning_queue_depth{target=\"loket\"}",
                    "toegang_provisioning_lag_seconds{target=\"geo\"}", "toegang_provisioning_delivered_total{target=\"loket\"}",
                    "toegang_provisioning_dead_letters{target=\"loket\"}");
            assertThat(metrics.body() + status.body()).doesNotContain(LOKET_TOKEN).doesNotContain(GEO_TOKEN);

            HttpResponse<String> post = http.send(HttpRequest.newBuilder(root.resolve(StatusHandler.STATUS_PATH))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.body()).isEmpty();
        }
    }

    @Test
    void aTargetsCredentialsAreNeverLogged() throws Exception {
        // a refused token and an unreachable token endpoint: both fail loudly, neither shows its secret
        String refusedToken = "refused-" + java.util.UUID.randomUUID();
        String clientSecret = "client-secret-" + java.util.UUID.randomUUID();
        ProvisioningConfig config = new ProvisioningConfig(
                ProvisioningConfig.JournalConfig.embedded(work.resolve("journal-credentials")),
                List.of(target("wrong-token", "dv_loket", loket.baseUrl(), refusedToken, TargetConfig.RightsAs.ROLES),
                        new TargetConfig("no-token-endpoint", "dv_geoportaal", geo.baseUrl(),
                                new TargetConfig.ClientCredentials(URI.create("http://127.0.0.1:9/token"), "provisioner",
                                        Secret.of(clientSecret), Optional.empty()),
                                TargetConfig.RightsAs.ROLES, false, TargetConfig.Deprovision.DEACTIVATE, 2)),
                Duration.ofMillis(100), Duration.ofMillis(200), 2, Duration.ZERO);
        assertThat(config.toString()).doesNotContain(refusedToken).doesNotContain(clientSecret);
        CAPTURED.clear();
        try (OutboundProvisioning failing = OutboundProvisioning.start(config, pool, Clock.systemUTC())) {
            await(() -> failing.status().figures(), figures -> figures.stream().allMatch(f -> f.dead() > 0));
            List<StatusBoard.TargetFigures> figures = failing.status().figures();
            assertThat(figures.get(0).lastError()).hasValueSatisfying(error -> assertThat(error).contains("401"));
            assertThat(figures.get(1).lastError()).hasValueSatisfying(error -> assertThat(error).contains("token request"));
            assertThat(new StatusHandler(failing).statusJson().toString()).doesNotContain(refusedToken, clientSecret);
        }
        try (Journal journal = Journal.open(config.journal())) {
            assertThat(journal.deadLetters(Optional.empty(), 1000)).isNotEmpty()
                    .allSatisfy(letter -> assertThat(letter.lastError().orElse("")).doesNotContain(refusedToken, clientSecret));
        }
        assertThat(CAPTURED).as("log lines captured").isNotEmpty();
        assertThat(String.join("\n", CAPTURED)).doesNotContain(refusedToken).doesNotContain(clientSecret)
                .doesNotContain(LOKET_TOKEN).doesNotContain(GEO_TOKEN);
    }

    @Test
    void reconciliationReportsTheDifferencesFirstAndRepairsThemOnRequest() throws Exception {
        String removed = person("reconcile.removed");
        writes.grant(removed, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        String altered = person("reconcile.altered");
        writes.grant(altered, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        JsonNode removedAccount = await(() -> account(loket, removed), account -> account != null);
        JsonNode alteredAccount = await(() -> account(loket, altered), account -> account != null);
        await(() -> provisioning.idle(), idle -> idle);
        // behind our back: one account deleted, one given a foreign role, one account that is not ours
        assertThat(scimmyLoket.send("DELETE", "Users/" + removedAccount.path("id").asText(), null).statusCode()).isEqualTo(204);
        ((com.fasterxml.jackson.databind.node.ObjectNode) alteredAccount).putArray("roles").addObject()
                .put("value", "LoketBeheerder:0900000147");
        assertThat(scimmyLoket.send("PUT", "Users/" + alteredAccount.path("id").asText(), alteredAccount.toString())
                .statusCode()).isEqualTo(200);
        assertThat(scimmyLoket.send("POST", "Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"local.only\"}").statusCode()).isEqualTo(201);
        int before = scimmyLoket.accounts().size();

        Reconciliation.Report report = provisioning.reconcile("loket", false);

        assertThat(report.differences()).extracting(Reconciliation.Difference::kind, Reconciliation.Difference::personId)
                .contains(org.assertj.core.groups.Tuple.tuple(Reconciliation.Kind.MISSING, removed),
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Kind.DIFFERENT, altered),
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Kind.FOREIGN, ""));
        Thread.sleep(1000);
        assertThat(account(loket, removed)).as("a report changes nothing").isNull();
        assertThat(values(account(loket, altered), "roles")).containsExactly("LoketBeheerder:0900000147");
        assertThat(scimmyLoket.accounts()).hasSize(before);

        Reconciliation.Report repaired = provisioning.reconcile("loket", true);
        assertThat(repaired.repaired()).isTrue();
        JsonNode recreated = await(() -> account(loket, removed), account -> account != null);
        assertThat(values(recreated, "roles")).containsExactly("LoketGebruiker:0900000147");
        await(() -> account(loket, altered), account -> values(account, "roles").equals(List.of("LoketGebruiker:0900000147")));
        await(() -> provisioning.idle(), idle -> idle);
        assertThat(scimmyLoket.accounts().stream().filter(account -> "local.only".equals(account.path("userName").asText())))
                .as("a foreign account is left alone").hasSize(1);
        assertThat(provisioning.reconcile("loket", false).differences())
                .extracting(Reconciliation.Difference::kind).containsOnly(Reconciliation.Kind.FOREIGN);
    }

    // --- helpers

    static List<String> values(JsonNode account, String attribute) {
        List<String> values = new ArrayList<>();
        account.path(attribute).forEach(value -> values.add(value.path("value").asText()));
        return values.stream().sorted().toList();
    }
}
