package org.toegang.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * Reports, audit trail, comparisons, default rights and bulk upload through the real Keycloak
 * stack: Zoë administers 0900000246 (ApiFixture); Olga works there and holds it_other's
 * OtherRight; Piet and Quinn work there without rights. Every refusal is checked for its status,
 * for leaking no data, and (for changes) for leaving the directory as it was.
 */
@ExtendWith(ToegangStackExtension.class)
class OversightIT {
    static final String ORG = ApiFixture.ORG;
    static final String BASE = "/organisations/" + ORG;

    static RunningToegang stack;
    static AdminApi api;
    static String zoe;
    static String bart;
    static String dina;
    static String olga;
    static String olgaGrant;
    static String piet;
    static String quinn;

    @BeforeAll
    static void start(RunningToegang toegang) {
        stack = toegang;
        api = new AdminApi(toegang);
        ApiFixture.of(toegang);
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            olga = directory.person("olga.oversight", "Olga", "Oversight");
            directory.workRelation(olga, ORG, DirectoryFixture.daysFromNow(-30));
            olgaGrant = directory.grant(olga, ApiFixture.APP, ApiFixture.RIGHT, ORG, "active");
            piet = directory.person("piet.oversight", "Piet", "Oversight");
            quinn = directory.person("quinn.oversight", "Quinn", "Oversight");
            directory.workRelation(quinn, ORG, DirectoryFixture.daysFromNow(-30));
        }
        zoe = api.signIn("zoe.local");
        bart = api.signIn("bart.claes");
        dina = api.signIn("dina.maes");
    }

    static String export() {
        try (DirectoryFixture directory = new DirectoryFixture(stack.directory())) {
            return directory.export();
        }
    }

    static boolean isProblem(AdminApi.Answer answer) {
        return answer.header("Content-Type").map(type -> type.startsWith("application/problem+json")).orElse(false);
    }

    static List<JsonNode> auditOf(String target) {
        List<JsonNode> found = new ArrayList<>();
        api.call("GET", BASE + "/audit?limit=1000", zoe, null).json().path("items").forEach(entry -> {
            if (entry.path("target").asText().equals(target)) {
                found.add(entry);
            }
        });
        return found;
    }

    @Test
    void theRightsReportStreamsAsJsonAndCsvToTheOrganisationsAdministratorOnly() {
        AdminApi.Answer json = api.call("GET", BASE + "/reports/rights", zoe, null);
        assertThat(json.status()).as("%s", json).isEqualTo(200);
        assertThat(json.json().findValuesAsText("grantId")).contains(olgaGrant);
        assertThat(json.json()).allSatisfy(row -> assertThat(row.path("organisationKey").asText()).isEqualTo(ORG));
        AdminApi.Answer csv = api.call("GET", BASE + "/reports/rights.csv", zoe, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("grantId,personId,userName,givenName,familyName,organisationKey,clientId,")
                .contains(olgaGrant + "," + olga + ",olga.oversight,Olga,Oversight," + ORG + ",it_other,OtherRight,");

        for (String path : List.of("/reports/rights", "/reports/rights.csv", "/reports/ending?days=30", "/audit",
                "/default-rights", "/comparisons?from=" + olga + "&to=" + quinn)) {
            AdminApi.Answer none = api.call("GET", BASE + path, null, null);
            assertThat(none.status()).as("no token: %s", path).isEqualTo(401);
            for (String token : List.of(bart, dina)) {
                AdminApi.Answer refused = api.call("GET", BASE + path, token, null);
                assertThat(refused.status()).as("%s: %s", path, refused).isEqualTo(403);
                assertThat(isProblem(refused)).isTrue();
                assertThat(refused.body()).doesNotContain(olgaGrant).doesNotContain(olga);
            }
            assertThat(none.body()).doesNotContain(olgaGrant);
        }
    }

    @Test
    void theApplicationOwnerSeesEveryHolderAndNobodyElseDoes() {
        String an = api.signIn("an.peeters");
        AdminApi.Answer holders = api.call("GET", "/applications/dv_loket/reports/holders", an, null);
        assertThat(holders.status()).as("%s", holders).isEqualTo(200);
        assertThat(holders.json().findValuesAsText("organisationKey")).contains("0900000147", "0900000345");
        assertThat(holders.json().findValuesAsText("clientId")).containsOnly("dv_loket");
        assertThat(api.call("GET", "/applications/dv_loket/reports/holders.csv", an, null).body())
                .startsWith("grantId,personId");
        for (String path : List.of("/reports/holders", "/reports/holders.csv", "/reports/ending", "/audit", "/sign-ins")) {
            assertThat(api.call("GET", "/applications/dv_loket" + path, null, null).status()).isEqualTo(401);
            AdminApi.Answer refused = api.call("GET", "/applications/dv_loket" + path, bart, null);
            assertThat(refused.status()).as("%s: %s", path, refused).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("LoketGebruiker");
            // An owns dv_loket but not it_other: no data of another application
            AdminApi.Answer other = api.call("GET", "/applications/" + ApiFixture.APP + path, an, null);
            assertThat(other.status()).as("%s: %s", path, other).isEqualTo(403);
            assertThat(other.body()).doesNotContain(olgaGrant);
        }
    }

    @Test
    void aReportEditedAndUploadedIsPreviewedThenAppliedWithOneAuditEntryPerChange() {
        String csv = api.call("GET", BASE + "/reports/rights.csv", zoe, null).body();
        String header = csv.lines().findFirst().orElseThrow();
        String line = csv.lines().filter(l -> l.startsWith(olgaGrant + ",")).findFirst().orElseThrow();
        String[] cells = line.split(",", -1);
        Instant end = Instant.now().plus(100, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        cells[10] = end.toString();
        String edited = header + "\r\n" + String.join(",", cells) + "\r\n";
        String bad = edited + "," + quinn + ",,,," + ORG + "," + ApiFixture.APP + "," + ApiFixture.RIGHT
                + ",*)(x," + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ",,active,false,=cmd\r\n";

        String before = export();
        for (String token : new String[] {null, bart, dina}) {
            AdminApi.Answer refused = api.call("POST", BASE + "/bulk-uploads", token, edited);
            assertThat(refused.status()).isEqualTo(token == null ? 401 : 403);
            assertThat(refused.body()).doesNotContain(olgaGrant);
        }
        AdminApi.Answer refusedLine = api.call("POST", BASE + "/bulk-uploads", zoe, bad);
        assertThat(refusedLine.status()).as("%s", refusedLine).isEqualTo(422);
        assertThat(refusedLine.json().path("errors").findValuesAsText("field")).containsExactly("lines[3].context");
        assertThat(export()).as("the directory after refused uploads").isEqualTo(before);

        AdminApi.Answer preview = api.call("POST", BASE + "/bulk-uploads/preview", zoe, bad);
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(preview.json().path("applicable").asBoolean()).isFalse();
        assertThat(preview.json().path("changes").findValuesAsText("kind")).containsExactly("change_validity");
        assertThat(preview.json().path("refusals").findValuesAsText("field")).containsExactly("context");
        assertThat(export()).as("the directory after a preview").isEqualTo(before);

        AdminApi.Answer applied = api.call("POST", BASE + "/bulk-uploads", zoe, edited);
        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        AdminApi.Answer grant = api.call("GET", BASE + "/grants/" + olgaGrant, zoe, null);
        assertThat(grant.json().path("validTo").asText()).isEqualTo(end.toString());
        assertThat(auditOf("grant/" + olgaGrant)).singleElement().satisfies(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("grant.validity");
            assertThat(entry.path("actorClientId").asText()).isEqualTo("toegang-portal");
            assertThat(entry.path("actorName").asText()).as("who acted, by name").isEqualTo("Zoë Local");
            assertThat(entry.path("people").path(olga).asText()).as("whom its values name, by name").isEqualTo("Olga Oversight");
            assertThat(entry.path("after").path("validTo").asText()).isEqualTo(end.toString());
        });
        // the same upload again changes nothing and records nothing
        assertThat(api.call("POST", BASE + "/bulk-uploads", zoe, edited).json().path("changes")
                .findValuesAsText("kind")).containsExactly("unchanged");
        assertThat(auditOf("grant/" + olgaGrant)).hasSize(1);
    }

    @Test
    void comparesAndCopiesMissingRightsAndGrantsADefaultPackageToANewWorkRelation() {
        AdminApi.Answer compared = api.call("GET", BASE + "/comparisons?from=" + olga + "&to=" + quinn, zoe, null);
        assertThat(compared.status()).as("%s", compared).isEqualTo(200);
        assertThat(compared.json().path("missing").findValuesAsText("right")).containsExactly(ApiFixture.RIGHT);
        String before = export();
        AdminApi.Answer refused = api.call("POST", BASE + "/comparisons/copy", bart, Map.of("from", olga, "to", quinn));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(export()).isEqualTo(before);
        AdminApi.Answer copied = api.call("POST", BASE + "/comparisons/copy", zoe, Map.of("from", olga, "to", quinn));
        assertThat(copied.status()).as("%s", copied).isEqualTo(200);
        String copy = copied.json().path("copied").get(0).path("id").asText();
        assertThat(auditOf("grant/" + copy)).singleElement()
                .satisfies(entry -> assertThat(entry.path("action").asText()).isEqualTo("grant.copy"));

        AdminApi.Answer badPackage = api.call("PUT", BASE + "/default-rights/occasional", zoe,
                Map.of("rights", List.of(Map.of("clientId", ApiFixture.APP, "right", "NoSuchRight"))));
        assertThat(badPackage.status()).isEqualTo(422);
        assertThat(badPackage.json().path("errors").findValuesAsText("field")).containsExactly("rights[0].right");
        AdminApi.Answer set = api.call("PUT", BASE + "/default-rights/occasional", zoe,
                Map.of("rights", List.of(Map.of("clientId", ApiFixture.APP, "right", ApiFixture.RIGHT))));
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(api.call("GET", BASE + "/default-rights", zoe, null).json().path("occasional")
                .findValuesAsText("right")).containsExactly(ApiFixture.RIGHT);

        AdminApi.Answer relation = api.call("POST", BASE + "/work-relations", zoe,
                Map.of("personId", piet, "type", "occasional"));
        assertThat(relation.status()).as("%s", relation).isEqualTo(201);
        AdminApi.Answer grants = api.call("GET", BASE + "/grants?personId=" + piet, zoe, null);
        assertThat(grants.json().path("items")).singleElement().satisfies(grant -> {
            assertThat(grant.path("right").asText()).isEqualTo(ApiFixture.RIGHT);
            assertThat(grant.path("reason").asText()).isEqualTo("default right for work relation type occasional");
        });
    }
}
