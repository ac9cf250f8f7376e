package org.toegang.scim.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.protocol.ScimLimits;

/**
 * Outbound provisioning end to end, over real HTTP, against SCIMMY (an independent SCIM service
 * provider run by Node), behind a proxy that injects faults: the embedded directory is written as
 * an administrator would, and what the targets end up holding is read from the targets themselves.
 */
class OutboundProvisioningIT {
    static final String LOKET_TOKEN = "loket-" + java.util.UUID.randomUUID();
    static final String GEO_TOKEN = "geo-" + java.util.UUID.randomUUID();
    static final List<String> CAPTURED = java.util.Collections.synchronizedList(new ArrayList<>());

    @TempDir
    static Path work;
    static EmbeddedDirectory directory;
    static Directory pool;
    static DirectoryWrites writes;
    static ScimmyTarget loket;
    static ScimmyTarget geo;
    static FaultProxy loketProxy;
    static FaultProxy geoProxy;
    static OutboundProvisioning provisioning;
    static Handler capture;

    @BeforeAll
    static void start() throws Exception {
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
        directory = EmbeddedDirectory.builder().dataDirectory(work.resolve("directory")).port(0).fresh(true)
                .demoData(true).start();
        pool = Directory.connect(new DirectoryConfig(directory.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 4));
        writes = new DirectoryWrites(directory.ldapUrl());
        loket = new ScimmyTarget(LOKET_TOKEN);
        geo = new ScimmyTarget(GEO_TOKEN);
        loketProxy = new FaultProxy(loket.baseUrl());
        geoProxy = new FaultProxy(geo.baseUrl());
        ProvisioningConfig config = new ProvisioningConfig(
                ProvisioningConfig.JournalConfig.embedded(work.resolve("journal")),
                List.of(target("loket", "dv_loket", loketProxy.baseUrl(), LOKET_TOKEN, TargetConfig.RightsAs.ROLES),
                        target("geo", "dv_geoportaal", geoProxy.baseUrl(), GEO_TOKEN, TargetConfig.RightsAs.ENTITLEMENTS)),
                Duration.ofMillis(200), Duration.ofSeconds(2), 8, Duration.ZERO);
        provisioning = OutboundProvisioning.start(config, pool, Clock.systemUTC());
    }

    static TargetConfig target(String name, String clientId, URI baseUrl, String token, TargetConfig.RightsAs rightsAs) {
        return new TargetConfig(name, clientId, baseUrl, new TargetConfig.Bearer(Secret.of(token)), rightsAs, false,
                TargetConfig.Deprovision.DEACTIVATE, 12);
    }

    @AfterAll
    static void stop() throws Exception {
        provisioning.close();
        loketProxy.close();
        geoProxy.close();
        loket.close();
        geo.close();
        writes.close();
        pool.close();
        directory.close();
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void theDemoDataArrivesAtEachApplicationWithOnlyItsOwnRights() throws Exception {
        // An (de47ef3f-...) holds LoketGebruiker at two organisations and GeoGebruiker-editor
        JsonNode anAtLoket = await(() -> account(loket, "de47ef3f-70e5-40b8-9b55-d293b7687bcb"),
                account -> account != null && account.path("active").asBoolean());
        assertThat(values(anAtLoket, "roles")).containsExactly("LoketGebruiker:0900000147", "LoketGebruiker:0900000345");
        JsonNode anAtGeo = await(() -> account(geo, "de47ef3f-70e5-40b8-9b55-d293b7687bcb"), account -> account != null);
        assertThat(values(anAtGeo, "entitlements")).containsExactly("GeoGebruiker-editor:OVO900001");
        assertThat(anAtGeo.has("roles")).isFalse();
        // Dina is a citizen without any right: no application ever hears of her
        assertThat(bodiesSentTo(loketProxy)).noneMatch(body -> body.contains("dina.maes"));
        assertThat(bodiesSentTo(geoProxy)).noneMatch(body -> body.contains("dina.maes"));
    }

    @Test
    void aGrantArrivesWithinSecondsAndItsRevocationDeactivatesTheAccount() throws Exception {
        String person = writes.person("grant.arrives", "0900000147");
        String grant = writes.grant(person, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);

        JsonNode created = await(() -> account(loket, person), account -> account != null);
        assertThat(created.path("active").asBoolean()).isTrue();
        assertThat(values(created, "roles")).containsExactly("LoketGebruiker:0900000147");
        assertThat(created.path("userName").asText()).isEqualTo("grant.arrives");

        writes.revoke(grant);
        JsonNode deactivated = await(() -> account(loket, person), account -> !account.path("active").asBoolean());
        assertThat(deactivated.path("id").asText()).isEqualTo(created.path("id").asText());
        assertThat(values(deactivated, "roles")).isEmpty();
        assertThat(accountsOf(loket, person)).hasSize(1);
        assertThat(account(geo, person)).as("never sent to the other application").isNull();
    }

    @Test
    void aPersonRevokedAtOneApplicationIsNeverSentToAnother() throws Exception {
        String both = writes.person("holds.both", "0900000147");
        writes.grant(both, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        String geoGrant = writes.grant(both, "dv_geoportaal", "GeoGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        String onlyGeo = writes.person("only.geo", "0900000147");
        String onlyGeoGrant = writes.grant(onlyGeo, "dv_geoportaal", "GeoGebruiker", "0900000147",
                Instant.now().minusSeconds(60), null);
        await(() -> account(geo, onlyGeo), account -> account != null && account.path("active").asBoolean());
        await(() -> account(geo, both), account -> account != null);

        writes.revoke(geoGrant);
        writes.revoke(onlyGeoGrant);
        await(() -> account(geo, onlyGeo), account -> !account.path("active").asBoolean());
        await(() -> account(geo, both), account -> !account.path("active").asBoolean());
        JsonNode atLoket = await(() -> account(loket, both), account -> account != null);
        provisioning.recompute(List.of(onlyGeo, both)); // another look changes nothing
        Thread.sleep(1000);

        assertThat(values(atLoket, "roles")).containsExactly("LoketGebruiker:0900000147");
        assertThat(account(loket, onlyGeo)).as("revoked at geo, never held at loket").isNull();
        assertThat(bodiesSentTo(loketProxy)).noneMatch(body -> body.contains(onlyGeo) || body.contains("GeoGebruiker"));
        assertThat(bodiesSentTo(geoProxy)).noneMatch(body -> body.contains("Loket"));
    }

    @Test
    void aGrantThatEndsAtASetTimeDeactivatesTheAccountWithinTenSecondsWithoutADirectoryWrite() throws Exception {
        String person = writes.person("ends.soon", "0900000147");
        Instant end = Instant.now().plusSeconds(6);
        writes.grant(person, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), end);
        await(() -> account(loket, person), account -> account != null && account.path("active").asBoolean());
        assertThat(Instant.now()).isBefore(end);

        // no write from here on: only time passes
        JsonNode ended = await(() -> account(loket, person), account -> !account.path("active").asBoolean());
        Instant seen = Instant.now();
        assertThat(seen).isAfterOrEqualTo(end).isBefore(end.plusSeconds(10));
        assertThat(values(ended, "roles")).isEmpty();
    }

    @Test
    void aGrantThatStartsLaterArrivesWhenItStarts() throws Exception {
        String person = writes.person("starts.later", "0900000147");
        Instant start = Instant.now().plusSeconds(4);
        writes.grant(person, "dv_loket", "LoketBeheerder", "0900000147", start, null);
        Thread.sleep(2000);
        assertThat(account(loket, person)).as("nothing leaves before the right counts").isNull();
        await(() -> account(loket, person), account -> account != null && account.path("active").asBoolean());
        assertThat(Instant.now()).isAfterOrEqualTo(start);
    }

    @Test
    void afterFaultsEveryChangeHasArrivedOnceInEffectInOrderPerPerson() throws Exception {
        int people = 20;
        List<String> ids = new ArrayList<>();
        Map<String, String> firstGrant = new HashMap<>();
        try {
            loketProxy.plan(FaultProxy.Fault.NONE, FaultProxy.Fault.ERROR_500, FaultProxy.Fault.RESET_AFTER_FORWARD,
                    FaultProxy.Fault.TOO_MANY, FaultProxy.Fault.SLOW, FaultProxy.Fault.NONE, FaultProxy.Fault.DOWN);
            loketProxy.slowness(Duration.ofMillis(700));
            for (int i = 0; i < people; i++) {
                String id = writes.person("fault." + i, "0900000147");
                ids.add(id);
                firstGrant.put(id, writes.grant(id, "dv_loket", "LoketGebruiker", "0900000147",
                        Instant.now().minusSeconds(60), null));
            }
            Thread.sleep(1500);
            for (String id : ids) {
                writes.grant(id, "dv_loket", "LoketBeheerder", "0900000147", Instant.now().minusSeconds(60), null);
            }
            loketProxy.plan(FaultProxy.Fault.DOWN); // the target is down for a while
            Thread.sleep(3000);
            loketProxy.plan(FaultProxy.Fault.NONE, FaultProxy.Fault.RESET_AFTER_FORWARD, FaultProxy.Fault.TOO_MANY);
            for (String id : ids) {
                writes.revoke(firstGrant.get(id));
            }
            Thread.sleep(1500);
        } finally {
            loketProxy.plan(FaultProxy.Fault.NONE); // recovered
        }
        for (String id : ids) {
            await(() -> account(loket, id), account -> account != null
                    && values(account, "roles").equals(List.of("LoketBeheerder:0900000147")));
        }
        await(() -> provisioning.idle(), idle -> idle);

        List<String> expectedOrder = List.of("[LoketGebruiker:0900000147]",
                "[LoketBeheerder:0900000147, LoketGebruiker:0900000147]", "[LoketBeheerder:0900000147]");
        for (String id : ids) {
            assertThat(accountsOf(loket, id)).as("exactly one account for " + id).hasSize(1);
            JsonNode account = account(loket, id);
            assertThat(account.path("active").asBoolean()).isTrue();
            // what reached the target for this person, in the order it arrived, never goes back
            List<Integer> seen = new ArrayList<>();
            for (FaultProxy.Forwarded request : loketProxy.forwarded()) {
                if (request.body().contains(id) && request.status() < 300) {
                    seen.add(expectedOrder.indexOf(roles(request.body())));
                }
            }
            assertThat(seen).as("states sent for " + id).doesNotContain(-1).isSorted();
            assertThat(seen).as("every state arrived for " + id).contains(0, 1, 2);
        }
        assertThat(provisioning.status().figures().get(0).dead()).isZero();
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
        String removed = writes.person("reconcile.removed", "0900000147");
        writes.grant(removed, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        String altered = writes.person("reconcile.altered", "0900000147");
        writes.grant(altered, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        JsonNode removedAccount = await(() -> account(loket, removed), account -> account != null);
        JsonNode alteredAccount = await(() -> account(loket, altered), account -> account != null);
        await(() -> provisioning.idle(), idle -> idle);
        // behind our back: one account deleted, one given a foreign role, one account that is not ours
        assertThat(loket.send("DELETE", "Users/" + removedAccount.path("id").asText(), null).statusCode()).isEqualTo(204);
        ((com.fasterxml.jackson.databind.node.ObjectNode) alteredAccount).putArray("roles").addObject()
                .put("value", "LoketBeheerder:0900000147");
        assertThat(loket.send("PUT", "Users/" + alteredAccount.path("id").asText(), alteredAccount.toString())
                .statusCode()).isEqualTo(200);
        assertThat(loket.send("POST", "Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"local.only\"}").statusCode()).isEqualTo(201);
        int before = loket.accounts().size();

        Reconciliation.Report report = provisioning.reconcile("loket", false);

        assertThat(report.differences()).extracting(Reconciliation.Difference::kind, Reconciliation.Difference::personId)
                .contains(org.assertj.core.groups.Tuple.tuple(Reconciliation.Kind.MISSING, removed),
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Kind.DIFFERENT, altered),
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Kind.FOREIGN, ""));
        Thread.sleep(1000);
        assertThat(account(loket, removed)).as("a report changes nothing").isNull();
        assertThat(values(account(loket, altered), "roles")).containsExactly("LoketBeheerder:0900000147");
        assertThat(loket.accounts()).hasSize(before);

        Reconciliation.Report repaired = provisioning.reconcile("loket", true);
        assertThat(repaired.repaired()).isTrue();
        JsonNode recreated = await(() -> account(loket, removed), account -> account != null);
        assertThat(values(recreated, "roles")).containsExactly("LoketGebruiker:0900000147");
        await(() -> account(loket, altered), account -> values(account, "roles").equals(List.of("LoketGebruiker:0900000147")));
        await(() -> provisioning.idle(), idle -> idle);
        assertThat(loket.accounts().stream().filter(account -> "local.only".equals(account.path("userName").asText())))
                .as("a foreign account is left alone").hasSize(1);
        assertThat(provisioning.reconcile("loket", false).differences())
                .extracting(Reconciliation.Difference::kind).containsOnly(Reconciliation.Kind.FOREIGN);
    }

    // --- helpers

    static JsonNode account(ScimmyTarget target, String personId) throws Exception {
        List<JsonNode> found = accountsOf(target, personId);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<JsonNode> accountsOf(ScimmyTarget target, String personId) throws Exception {
        return target.accounts().stream().filter(account -> personId.equals(account.path("externalId").asText())).toList();
    }

    static List<String> values(JsonNode account, String attribute) {
        List<String> values = new ArrayList<>();
        account.path(attribute).forEach(value -> values.add(value.path("value").asText()));
        return values.stream().sorted().toList();
    }

    static List<String> bodiesSentTo(FaultProxy proxy) {
        return proxy.forwarded().stream().map(FaultProxy.Forwarded::body).toList();
    }

    static String roles(String body) {
        try {
            JsonNode user = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            TreeSet<String> roles = new TreeSet<>();
            user.path("roles").forEach(role -> roles.add(role.path("value").asText()));
            return roles.toString();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static <T> T await(Callable<T> probe, java.util.function.Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = probe.call();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not reached within 30 s; last seen: " + last);
    }
}
