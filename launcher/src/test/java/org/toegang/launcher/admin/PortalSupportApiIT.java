package org.toegang.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.directory.DemoPeople;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * What the portal builds on: {@code GET /me/permissions} (per organisation the caller's roles and
 * allowed actions), one request by id for whoever may see it, display names next to ids in lists;
 * and If-Match on every change of an existing resource (a right's replacement, a decision, a
 * withdrawal, a delegation's removal): 428 without, 412 stale, nothing changed.
 */
@ExtendWith(ToegangStackExtension.class)
class PortalSupportApiIT {
    static AdminApi api;
    static RunningToegang toegang;
    static String an;
    static String bart;
    static String chris;
    static String dina;
    static Refusal refusal;

    @BeforeAll
    static void stack(RunningToegang running) {
        toegang = running;
        api = new AdminApi(running);
        refusal = new Refusal(running, api);
        an = api.signIn("an.peeters");
        bart = api.signIn("bart.claes");
        chris = api.signIn("chris.wouters");
        dina = api.signIn("dina.maes");
    }

    @AfterAll
    static void restoreDemo() {
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            directory.deleteWhere("(&(objectClass=toegangRight)(toegangRightName=ItPortalRight))");
            directory.deleteWhere("(&(objectClass=toegangGrant)(toegangReason=portal support test))");
            directory.deleteWhere("(&(objectClass=toegangDelegation)(toegangPersonId=" + DemoPeople.ELS_JACOBS + "))");
        }
    }

    @Test
    void permissionsTellEachRoleWhatItMayDo() {
        JsonNode bartMay = api.call("GET", "/me/permissions", bart, null).json();
        JsonNode demodorp = organisation(bartMay, "0900000147");
        assertThat(demodorp.path("name").asText()).isEqualTo("Gemeente Demodorp");
        assertThat(texts(demodorp.path("roles"))).contains("localAdministrator", "employee");
        assertThat(texts(demodorp.path("actions"))).contains("managePeople", "grant", "decideWorkRelationRequests")
                .doesNotContain("appointLocalAdministrator");
        assertThat(texts(demodorp.path("grantableClientIds"))).contains("dv_loket");
        assertThat(bartMay.path("applications")).isEmpty();

        JsonNode chrisMay = api.call("GET", "/me/permissions", chris, null).json();
        assertThat(texts(organisation(chrisMay, "0900000246").path("actions")))
                .contains("appointHeadAdministrator", "appointLocalAdministrator", "grant");
        assertThat(texts(organisation(chrisMay, "0900000147").path("actions"))).doesNotContain("managePeople", "grant");

        JsonNode anMay = api.call("GET", "/me/permissions", an, null).json();
        assertThat(anMay.path("applications").findValuesAsText("clientId")).contains("dv_geoportaal", "dv_loket");
        assertThat(texts(anMay.path("applications").get(0).path("actions"))).contains("defineRights", "seeGrants");

        JsonNode dinaMay = api.call("GET", "/me/permissions", dina, null).json();
        assertThat(texts(dinaMay.path("actions"))).containsExactly("requestWorkRelation");
        dinaMay.path("organisations").forEach(o -> assertThat(texts(o.path("actions"))).isSubsetOf("see", "requestRight"));
        assertThat(api.call("GET", "/me/permissions", null, null).status()).isEqualTo(401);
    }

    /** The bulk extension screen's page of people reads its people's grants in one call, not the organisation's every grant. */
    @Test
    void thePeopleOfAPageHaveTheirGrantsListedInOneCallAtMostAHundredAtATime() {
        String grants = "/organisations/0900000147/grants";
        List<String> separately = new java.util.ArrayList<>();
        for (String person : List.of(DemoPeople.BART_CLAES, DemoPeople.ELS_JACOBS)) {
            AdminApi.Answer alone = api.call("GET", grants + "?limit=200&personId=" + person, bart, null);
            assertThat(alone.status()).as("%s", alone).isEqualTo(200);
            separately.addAll(alone.json().path("items").findValuesAsText("id"));
        }
        AdminApi.Answer both = api.call("GET", grants + "?limit=200&personId=" + DemoPeople.BART_CLAES + "&personId="
                + DemoPeople.ELS_JACOBS, bart, null);
        assertThat(both.status()).as("%s", both).isEqualTo(200);
        assertThat(both.json().path("items").findValuesAsText("personId")).as("both people's, nobody else's")
                .contains(DemoPeople.BART_CLAES, DemoPeople.ELS_JACOBS).containsOnly(DemoPeople.BART_CLAES, DemoPeople.ELS_JACOBS);
        assertThat(both.json().path("items").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(separately);

        String tooMany = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "personId=" + java.util.UUID.randomUUID())
                .collect(java.util.stream.Collectors.joining("&"));
        AdminApi.Answer refused = api.call("GET", grants + "?" + tooMany, bart, null);
        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("personId");
        // an empty value never reaches the listing (the framework leaves it out): Bart's grants alone
        AdminApi.Answer empty = api.call("GET", grants + "?personId=" + DemoPeople.BART_CLAES + "&personId=", bart, null);
        assertThat(empty.status()).as("%s", empty).isEqualTo(200);
        assertThat(empty.json().path("items").findValuesAsText("personId")).containsOnly(DemoPeople.BART_CLAES);
        AdminApi.Answer elsewhere = api.call("GET", "/organisations/0900000246/grants?personId=" + DemoPeople.CHRIS_WOUTERS
                + "&personId=" + DemoPeople.BART_CLAES, bart, null);
        assertThat(elsewhere.status()).as("another organisation's, whoever is named").isEqualTo(403);
    }

    @Test
    void oneRequestIsShownToWhoMayDecideItWithNamesAndDecisionsNeedIfMatch() {
        AdminApi.Answer requested = api.call("POST", "/organisations/0900000147/grants", bart, Map.of(
                "personId", DemoPeople.ELS_JACOBS, "clientId", "dv_loket", "right", "LoketBeheerder",
                "reason", "portal support test", "validTo", DirectoryFixture.daysFromNow(30).toString()));
        assertThat(requested.json().path("status").asText()).as("%s", requested).isEqualTo("requested");
        String id = requested.json().path("id").asText();

        AdminApi.Answer seen = api.call("GET", "/requests/" + id, an, null);
        assertThat(seen.status()).as("%s", seen).isEqualTo(200);
        assertThat(seen.etag()).isEqualTo(requested.etag());
        assertThat(seen.json().path("personName").asText()).isEqualTo("Els Jacobs");
        assertThat(seen.json().path("organisationName").asText()).isEqualTo("Gemeente Demodorp");
        assertThat(seen.json().path("applicationName").asText()).isNotBlank();
        AdminApi.Answer foreign = api.call("GET", "/requests/" + id, dina, null);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("Els");
        assertThat(api.call("GET", "/requests/00000000-0000-0000-0000-000000000000", an, null).status()).isEqualTo(404);
        assertThat(api.call("GET", "/requests", an, null).json().path("items").findValuesAsText("personName"))
                .contains("Els Jacobs");

        refusal.expect(an, "POST", "/requests/" + id + "/reject", Map.of("reason", "no"), Map.of(),
                428, "If-Match");
        refusal.expect(an, "POST", "/requests/" + id + "/reject", Map.of("reason", "no"),
                Map.of("If-Match", "\"stale\""), 412, "If-Match");
        AdminApi.Answer rejected = api.call("POST", "/requests/" + id + "/reject", an, Map.of("reason", "no"),
                Map.of("If-Match", seen.etag()));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        assertThat(api.call("GET", "/requests/" + id, bart, null).json().path("status").asText()).isEqualTo("rejected");
    }

    @Test
    void replacingARightNeedsTheETagItWasReadWith() {
        String path = "/applications/dv_loket/rights/ItPortalRight";
        Map<String, Object> first = Map.of("description", "first", "grantableBy", List.of("LB"));
        // If-Match for a right that does not exist: 412, nothing created
        refusal.expect(an, "PUT", path, first, Map.of("If-Match", "\"0\""), 412, "If-Match");
        AdminApi.Answer created = api.call("PUT", path, an, first);
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        Map<String, Object> second = Map.of("description", "second", "grantableBy", List.of("LB"));
        refusal.expect(an, "PUT", path, second, Map.of(), 428, "If-Match");
        refusal.expect(an, "PUT", path, second, Map.of("If-Match", "\"stale\""), 412, "If-Match");
        AdminApi.Answer read = api.call("GET", path, an, null);
        assertThat(read.etag()).isEqualTo(created.etag());
        assertThat(read.json().path("description").asText()).isEqualTo("first");
        AdminApi.Answer replaced = api.call("PUT", path, an, second, Map.of("If-Match", read.etag()));
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().path("description").asText()).isEqualTo("second");
        assertThat(replaced.etag()).isNotEqualTo(read.etag());
        // the old ETag is stale now
        refusal.expect(an, "PUT", path, first, Map.of("If-Match", read.etag()), 412, "If-Match");
        assertThat(api.call("GET", path, bart, null).status()).isEqualTo(403);
    }

    @Test
    void removingAnAdministratorNeedsIfMatchAndListsNameThePeople() {
        AdminApi.Answer appointed = api.call("POST", "/organisations/0900000246/delegations", chris, Map.of(
                "personId", DemoPeople.ELS_JACOBS, "role", "localAdministrator"));
        assertThat(appointed.status()).as("%s", appointed).isEqualTo(201);
        String path = "/organisations/0900000246/delegations/" + appointed.json().path("id").asText();
        refusal.expect(chris, "DELETE", path, null, Map.of(), 428, "If-Match");
        refusal.expect(chris, "DELETE", path, null, Map.of("If-Match", "\"stale\""), 412, "If-Match");
        JsonNode listed = api.call("GET", "/organisations/0900000246/delegations", chris, null).json().path("items");
        assertThat(listed.findValuesAsText("personName")).contains("Els Jacobs");
        assertThat(api.call("DELETE", path, chris, null, Map.of("If-Match", appointed.etag())).status()).isEqualTo(204);

        JsonNode grants = api.call("GET", "/organisations/0900000147/grants", bart, null).json().path("items");
        assertThat(grants.findValuesAsText("personName")).contains("Els Jacobs");
        assertThat(grants.findValuesAsText("organisationName")).containsOnly("Gemeente Demodorp");
    }

    private static JsonNode organisation(JsonNode permissions, String key) {
        for (JsonNode organisation : permissions.path("organisations")) {
            if (organisation.path("key").asText().equals(key)) {
                return organisation;
            }
        }
        throw new AssertionError(key + " not in " + permissions);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
