package org.toegang.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/** ETags that never lose an update, and the 1,000-grant bulk change that is all or nothing. */
@ExtendWith(ToegangStackExtension.class)
class ConcurrencyAndBulkIT {
    private static final int BULK = 1000;

    @Test
    void twoAdministratorsChangingOneGrantAtOnceOneWinsTheOtherGets412(RunningToegang toegang) throws Exception {
        AdminApi api = new AdminApi(toegang);
        ApiFixture fixture = ApiFixture.of(toegang);
        String chris = api.signIn("chris.wouters");
        String zoe = api.signIn("zoe.local");
        String path = "/organisations/" + ApiFixture.ORG + "/grants/" + fixture.pieterGrant;
        String etag = api.call("GET", path, chris, null).etag();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<AdminApi.Answer>> both = new ArrayList<>();
        for (String[] change : new String[][] {{chris, "2030-01-01"}, {zoe, "2031-01-01"}}) {
            both.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return api.call("PATCH", path, change[0], Map.of("validTo", change[1]), Map.of("If-Match", etag));
            }));
        }
        start.countDown();
        List<Integer> statuses = both.stream().map(CompletableFuture::join).map(AdminApi.Answer::status).sorted().toList();
        assertThat(statuses).containsExactly(200, 412);
        AdminApi.Answer loser = both.stream().map(CompletableFuture::join).filter(a -> a.status() == 412).findFirst().orElseThrow();
        assertThat(loser.json().path("errors").findValuesAsText("field")).contains("If-Match");
        AdminApi.Answer winner = both.stream().map(CompletableFuture::join).filter(a -> a.status() == 200).findFirst().orElseThrow();
        AdminApi.Answer now = api.call("GET", path, chris, null);
        assertThat(now.json().path("validTo").asText()).isEqualTo(winner.json().path("validTo").asText());
        assertThat(now.etag()).isEqualTo(winner.etag()).isNotEqualTo(etag);
    }

    @Test
    void aThousandGrantsChangeAllOrNothingAndAReplayChangesNothing(RunningToegang toegang) {
        AdminApi api = new AdminApi(toegang);
        ApiFixture fixture = ApiFixture.of(toegang);
        String chris = api.signIn("chris.wouters");
        List<String> ids = new ArrayList<>();
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            for (int i = 0; i < BULK; i++) {
                ids.add(directory.grant(fixture.pieter, ApiFixture.APP, ApiFixture.RIGHT, ApiFixture.ORG, "active"));
            }
        }
        Map<String, String> before = validities(toegang, ids);

        // a failure at grant 700: its If-Match is stale, which only the directory finds, at the write
        List<Map<String, String>> changes = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            Map<String, String> change = new HashMap<>(Map.of("grantId", ids.get(i), "validFrom", "2026-01-01T00:00:00Z",
                    "validTo", "2032-01-01T00:00:00Z"));
            if (i == 699) {
                change.put("ifMatch", "\"stale\"");
            }
            changes.add(change);
        }
        String bulk = "/organisations/" + ApiFixture.ORG + "/grants/bulk-validity";
        AdminApi.Answer failed = api.call("POST", bulk, chris, Map.of("changes", changes),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(failed.status()).as("%s", failed).isEqualTo(412);
        assertThat(failed.json().path("errors").findValuesAsText("field")).containsExactly("changes[699].ifMatch");
        assertThat(validities(toegang, ids)).as("all 1,000 unchanged").isEqualTo(before);

        changes.get(699).remove("ifMatch");
        String key = UUID.randomUUID().toString();
        long started = System.nanoTime();
        chris = api.signIn("chris.wouters");
        AdminApi.Answer applied = api.call("POST", bulk, chris, Map.of("changes", changes), Map.of("Idempotency-Key", key));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        assertThat(applied.json().path("changed").asInt()).isEqualTo(BULK);
        Map<String, String> after = validities(toegang, ids);
        assertThat(after.values()).allMatch(v -> v.startsWith("20260101") && v.contains("/20320101"));
        String snapshot;
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            snapshot = directory.export();
        }
        // a fresh token: on a loaded machine the two 1,000-grant calls can outlast the portal's 5-minute token
        chris = api.signIn("chris.wouters");
        AdminApi.Answer replay = api.call("POST", bulk, chris, Map.of("changes", changes), Map.of("Idempotency-Key", key));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.body()).isEqualTo(applied.body());
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            assertThat(directory.export()).as("the directory after the replay").isEqualTo(snapshot);
        }
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            Map<String, Integer> recorded = new HashMap<>();
            for (SearchResultEntry entry : directory.search("(&(objectClass=toegangAuditEntry)(toegangAuditAction=grant.validity))")) {
                String target = entry.getAttributeValue("toegangAuditTarget").replaceFirst("^grant/", "");
                if (ids.contains(target)) {
                    recorded.merge(target, 1, Integer::sum);
                }
            }
            assertThat(recorded).as("audit entries per grant changed").hasSize(BULK).allSatisfy((id, count) ->
                    assertThat(count).isEqualTo(1));
        }
        AdminApi.Answer reused = api.call("POST", bulk, chris, Map.of("changes", changes.subList(0, 1)),
                Map.of("Idempotency-Key", key));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        System.out.printf("Bulk change of %d grants through the API: %d ms%n", BULK, millis);
    }

    private static Map<String, String> validities(RunningToegang toegang, List<String> ids) {
        Map<String, String> validities = new HashMap<>();
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            for (SearchResultEntry entry : directory.search("(&(objectClass=toegangGrant)(toegangClientId="
                    + ApiFixture.APP + ")(toegangRightName=" + ApiFixture.RIGHT + "))")) {
                String id = entry.getAttributeValue("toegangId");
                if (ids.contains(id)) {
                    validities.put(id, entry.getAttributeValue("toegangValidFrom") + "/" + entry.getAttributeValue("toegangValidTo"));
                }
            }
        }
        assertThat(validities).hasSize(ids.size());
        return validities;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
