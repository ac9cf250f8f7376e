package org.toegang.scim.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.directory.EmbeddedDirectory;

/**
 * What outbound provisioning must do at every target, run once per independent SCIM service
 * provider (SCIMMY: {@link OutboundProvisioningIT}; Keycloak 26.7's own SCIM API: the launcher's
 * {@code KeycloakScimProvisioningIT}). Two targets, {@code loket} (application {@code dv_loket})
 * behind a fault-injecting proxy and {@code geo} ({@code dv_geoportaal}), both with rights as Group
 * memberships; an embedded directory of its own, written as an administrator would; what the
 * targets hold is read from the targets themselves. A subclass starts its targets and calls
 * {@link #begin} from its own {@code @BeforeAll}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OutboundProvisioningContract {
    static final String AN = "de47ef3f-70e5-40b8-9b55-d293b7687bcb";

    Path work;
    EmbeddedDirectory directory;
    Directory pool;
    DirectoryWrites writes;
    TestTarget loket;
    TestTarget geo;
    FaultProxy loketProxy;
    FaultProxy geoProxy;
    OutboundProvisioning provisioning;
    /** person id to userName, for targets that do not keep {@code externalId} */
    final Map<String, String> usernames = new ConcurrentHashMap<>(Map.of(AN, "an.peeters"));

    /** Starts the directory, the proxies and provisioning towards the two targets. */
    void begin(TestTarget loketTarget, TargetConfig.RightsAs loketRights, TestTarget geoTarget,
               TargetConfig.RightsAs geoRights) throws Exception {
        work = Files.createTempDirectory("toegang-outbound");
        loket = loketTarget;
        geo = geoTarget;
        directory = EmbeddedDirectory.builder().dataDirectory(work.resolve("directory")).port(0).fresh(true)
                .demoData(true).start();
        pool = Directory.connect(new DirectoryConfig(directory.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 4));
        writes = new DirectoryWrites(directory.ldapUrl());
        loketProxy = new FaultProxy(loket.baseUrl());
        geoProxy = new FaultProxy(geo.baseUrl());
        ProvisioningConfig config = new ProvisioningConfig(
                ProvisioningConfig.JournalConfig.embedded(work.resolve("journal")),
                List.of(new TargetConfig("loket", "dv_loket", loketProxy.baseUrl(), loket.authentication(), loketRights,
                                true, TargetConfig.Deprovision.DEACTIVATE, 12),
                        new TargetConfig("geo", "dv_geoportaal", geoProxy.baseUrl(), geo.authentication(), geoRights,
                                true, TargetConfig.Deprovision.DEACTIVATE, 12)),
                Duration.ofMillis(200), Duration.ofSeconds(2), 8, Duration.ZERO);
        provisioning = OutboundProvisioning.start(config, pool, Clock.systemUTC());
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {provisioning, loketProxy, geoProxy, loket, geo, writes, pool,
                directory}) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Test
    void theDemoDataArrivesAtEachApplicationAsMembershipsOfItsOwnRightsOnly() throws Exception {
        // An holds LoketGebruiker at two organisations and GeoGebruiker-editor
        JsonNode anAtLoket = await(() -> account(loket, AN), account -> account != null
                && groups(loket, account).size() == 2);
        assertThat(anAtLoket.path("active").asBoolean()).isTrue();
        assertThat(groups(loket, anAtLoket)).containsExactly("LoketGebruiker:0900000147", "LoketGebruiker:0900000345");
        JsonNode anAtGeo = await(() -> account(geo, AN), account -> account != null && !groups(geo, account).isEmpty());
        assertThat(groups(geo, anAtGeo)).containsExactly("GeoGebruiker-editor:OVO900001");
        // Dina is a citizen without any right: no application ever hears of her
        assertThat(bodiesSentTo(loketProxy)).noneMatch(body -> body.contains("dina.maes"));
        assertThat(bodiesSentTo(geoProxy)).noneMatch(body -> body.contains("dina.maes"));
    }

    @Test
    void aGrantArrivesWithinSecondsAndItsRevocationDeactivatesTheAccount() throws Exception {
        String person = person("grant.arrives");
        String grant = writes.grant(person, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);

        JsonNode created = await(() -> account(loket, person), account -> account != null
                && !groups(loket, account).isEmpty());
        assertThat(created.path("active").asBoolean()).isTrue();
        assertThat(groups(loket, created)).containsExactly("LoketGebruiker:0900000147");
        assertThat(created.path("userName").asText()).isEqualTo("grant.arrives");

        writes.revoke(grant);
        JsonNode deactivated = await(() -> account(loket, person), account -> !account.path("active").asBoolean()
                && groups(loket, account).isEmpty());
        assertThat(deactivated.path("id").asText()).isEqualTo(created.path("id").asText());
        assertThat(accountsOf(loket, person)).hasSize(1);
        assertThat(account(geo, person)).as("never sent to the other application").isNull();
    }

    @Test
    void aPersonRevokedAtOneApplicationIsNeverSentToAnother() throws Exception {
        String both = person("holds.both");
        writes.grant(both, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        String geoGrant = writes.grant(both, "dv_geoportaal", "GeoGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        String onlyGeo = person("only.geo");
        String onlyGeoGrant = writes.grant(onlyGeo, "dv_geoportaal", "GeoGebruiker", "0900000147",
                Instant.now().minusSeconds(60), null);
        await(() -> account(geo, onlyGeo), account -> account != null && account.path("active").asBoolean());
        await(() -> account(geo, both), account -> account != null);

        writes.revoke(geoGrant);
        writes.revoke(onlyGeoGrant);
        await(() -> account(geo, onlyGeo), account -> !account.path("active").asBoolean());
        await(() -> account(geo, both), account -> !account.path("active").asBoolean());
        JsonNode atLoket = await(() -> account(loket, both), account -> account != null && !groups(loket, account).isEmpty());
        provisioning.recompute(List.of(onlyGeo, both)); // another look changes nothing
        Thread.sleep(1000);

        assertThat(groups(loket, atLoket)).containsExactly("LoketGebruiker:0900000147");
        assertThat(groups(geo, account(geo, both))).isEmpty();
        assertThat(account(loket, onlyGeo)).as("revoked at geo, never held at loket").isNull();
        assertThat(bodiesSentTo(loketProxy)).noneMatch(body -> body.contains(onlyGeo) || body.contains("only.geo")
                || body.contains("GeoGebruiker"));
        assertThat(bodiesSentTo(geoProxy)).noneMatch(body -> body.contains("Loket"));
    }

    @Test
    void aGrantThatEndsAtASetTimeDeactivatesTheAccountWithinTenSecondsWithoutADirectoryWrite() throws Exception {
        String person = person("ends.soon");
        Instant end = Instant.now().plusSeconds(8);
        writes.grant(person, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), end);
        await(() -> account(loket, person), account -> account != null && account.path("active").asBoolean());
        assertThat(Instant.now()).isBefore(end);

        // no write from here on: only time passes
        JsonNode ended = await(() -> account(loket, person), account -> !account.path("active").asBoolean());
        Instant seen = Instant.now();
        assertThat(seen).isAfterOrEqualTo(end).isBefore(end.plusSeconds(10));
        await(() -> groups(loket, ended), List::isEmpty);
    }

    @Test
    void afterFaultsEveryChangeHasArrivedOnceInEffectInOrderPerPerson() throws Exception {
        int people = 12;
        List<String> ids = new ArrayList<>();
        Map<String, String> firstGrant = new HashMap<>();
        try {
            loketProxy.plan(FaultProxy.Fault.NONE, FaultProxy.Fault.ERROR_500, FaultProxy.Fault.RESET_AFTER_FORWARD,
                    FaultProxy.Fault.TOO_MANY, FaultProxy.Fault.SLOW, FaultProxy.Fault.NONE, FaultProxy.Fault.DOWN);
            loketProxy.slowness(Duration.ofMillis(700));
            for (int i = 0; i < people; i++) {
                String id = person("fault." + i);
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
                    && groups(loket, account).equals(List.of("LoketBeheerder:0900000147")));
        }
        await(() -> provisioning.idle(), idle -> idle);

        Map<String, String> groupNames = loket.groupNames();
        for (String id : ids) {
            assertThat(accountsOf(loket, id)).as("exactly one account for " + id).hasSize(1);
            JsonNode account = account(loket, id);
            assertThat(account.path("active").asBoolean()).isTrue();
            // the membership changes that reached the target for this person, in the order they
            // arrived, never go back: joined LoketGebruiker, then LoketBeheerder, then left LoketGebruiker
            String accountId = account.path("id").asText();
            List<Integer> seen = new ArrayList<>();
            List<String> trail = new ArrayList<>();
            for (FaultProxy.Forwarded request : loketProxy.forwarded()) {
                if (request.body().contains(accountId) || request.path().contains(accountId) || request.body().contains(id)) {
                    trail.add(request.method() + " " + request.path() + " " + request.status() + " "
                            + request.body().replaceAll(".*\"op\":\"([a-z]+)\".*", "$1"));
                }
                if (request.method().equals("PATCH") && request.path().contains("Groups/") && request.status() < 300
                        && request.body().contains(accountId)) {
                    String group = groupNames.getOrDefault(request.path().replaceAll(".*Groups/", ""), "?");
                    boolean removal = request.body().contains("\"remove\"");
                    seen.add(List.of("add LoketGebruiker:0900000147", "add LoketBeheerder:0900000147",
                            "remove LoketGebruiker:0900000147").indexOf((removal ? "remove " : "add ") + group));
                }
            }
            assertThat(seen).as("membership changes for " + id + ": " + trail + " " + provisioning.status().figures())
                    .doesNotContain(-1).isSorted();
            assertThat(seen).as("every state arrived for " + id).contains(0, 1, 2);
        }
        assertThat(provisioning.status().figures().get(0).dead()).isZero();
    }

    @Test
    void reconciliationFindsWhatChangedBehindItsBackAndRepairsItOnRequest() throws Exception {
        String removed = person("recon.removed");
        writes.grant(removed, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        String left = person("recon.left");
        writes.grant(left, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
        JsonNode removedAccount = await(() -> account(loket, removed), found -> found != null && !groups(loket, found).isEmpty());
        JsonNode leftAccount = await(() -> account(loket, left), found -> found != null && !groups(loket, found).isEmpty());
        await(() -> provisioning.idle(), idle -> idle);
        // behind our back: one account deleted, the other taken out of its Group
        assertThat(loket.send("DELETE", "Users/" + removedAccount.path("id").asText(), null).statusCode()).isEqualTo(204);
        String group = loket.groupNames().entrySet().stream().filter(entry -> entry.getValue()
                .equals("LoketGebruiker:0900000147")).findFirst().orElseThrow().getKey();
        assertThat(loket.send("PATCH", "Groups/" + group, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + leftAccount.path("id").asText()
                + "\\\"]\"}]}").statusCode()).isBetween(200, 204);
        assertThat(groups(loket, leftAccount)).isEmpty();

        Reconciliation.Report report = provisioning.reconcile("loket", false);

        assertThat(report.differences()).extracting(Reconciliation.Difference::kind, Reconciliation.Difference::personId)
                .contains(org.assertj.core.groups.Tuple.tuple(Reconciliation.Kind.MISSING, removed),
                        org.assertj.core.groups.Tuple.tuple(Reconciliation.Kind.DIFFERENT, left));
        Thread.sleep(1000);
        assertThat(account(loket, removed)).as("a report changes nothing").isNull();
        assertThat(groups(loket, leftAccount)).isEmpty();

        assertThat(provisioning.reconcile("loket", true).repaired()).isTrue();
        await(() -> account(loket, removed), found -> found != null
                && groups(loket, found).equals(List.of("LoketGebruiker:0900000147")));
        await(() -> groups(loket, leftAccount), names -> names.equals(List.of("LoketGebruiker:0900000147")));
        assertThat(accountsOf(loket, removed)).hasSize(1);
    }

    // --- helpers

    String person(String username) throws Exception {
        String id = writes.person(username, "0900000147");
        usernames.put(id, username);
        return id;
    }

    JsonNode account(TestTarget target, String personId) throws Exception {
        List<JsonNode> found = accountsOf(target, personId);
        return found.isEmpty() ? null : found.get(0);
    }

    List<JsonNode> accountsOf(TestTarget target, String personId) throws Exception {
        if (target.keepsExternalId()) {
            return target.accounts().stream().filter(account -> personId.equals(account.path("externalId").asText()))
                    .toList();
        }
        String username = usernames.get(personId);
        return target.accounts().stream().filter(account -> account.path("userName").asText().equals(username)).toList();
    }

    static List<String> groups(TestTarget target, JsonNode account) {
        try {
            return target.groupsOf(account.path("id").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> bodiesSentTo(FaultProxy proxy) {
        return proxy.forwarded().stream().map(FaultProxy.Forwarded::body).toList();
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
