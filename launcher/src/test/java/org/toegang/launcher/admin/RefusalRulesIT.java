package org.toegang.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.directory.DemoPeople;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * Each refusal rule answers a problem document whose {@code errors} name the field and the reason,
 * and stores nothing.
 */
@ExtendWith(ToegangStackExtension.class)
class RefusalRulesIT {
    static AdminApi api;
    static RunningToegang toegang;
    static String bart;
    static String chris;

    @BeforeAll
    static void stack(RunningToegang running) {
        toegang = running;
        api = new AdminApi(running);
        bart = api.signIn("bart.claes");
        chris = api.signIn("chris.wouters");
    }

    @Test
    void refusesAValidityBeyondTheRightsMaximum() {
        refused(bart, "/organisations/0900000147/grants", Map.of("personId", DemoPeople.ELS_JACOBS,
                "clientId", "dv_loket", "right", "LoketBeheerder", "validTo", DirectoryFixture.daysFromNow(400).toString()),
                422, "validTo", "maximum validity of 365 days");
    }

    @Test
    void refusesARightTheOrganisationsTargetGroupMayNotReceive() {
        refused(chris, "/organisations/0900000246/grants", Map.of("personId", DemoPeople.CHRIS_WOUTERS,
                "clientId", "dv_geoportaal", "right", "GeoGebruiker", "context", "lezer"), 422, "organisationKey",
                "may not be received by organisation 0900000246");
    }

    @Test
    void refusesAContextValueTheRightDoesNotDefine() {
        refused(bart, "/organisations/0900000147/grants", Map.of("personId", DemoPeople.ELS_JACOBS,
                "clientId", "dv_geoportaal", "right", "GeoGebruiker", "context", "beheerder"), 422, "context",
                "is not a context value the right GeoGebruiker defines");
    }

    @Test
    void refusesAPersonWithoutAValidWorkRelation() {
        refused(bart, "/organisations/0900000147/grants", Map.of("personId", DemoPeople.DINA_MAES,
                "clientId", "dv_loket", "right", "LoketGebruiker"), 422, "personId", "no valid work relation");
    }

    @Test
    void refusesAnInvalidNationalRegisterNumber() {
        refused(bart, "/organisations/0900000147/people", Map.of("nationalRegisterNumber", "85031212363",
                "familyName", "Nieuw", "workRelationType", "external"), 422, "nationalRegisterNumber", "check digits");
    }

    @Test
    void refusesAChangeWithoutIfMatch() {
        AdminApi.Answer grants = api.call("GET", "/organisations/0900000147/grants?personId=" + DemoPeople.BART_CLAES, bart, null);
        String grantId = grants.json().path("items").get(0).path("id").asText();
        refused(bart, "PATCH", "/organisations/0900000147/grants/" + grantId, Map.of("validTo", "2030-01-01"),
                428, "If-Match", "is required");
    }

    @Test
    void refusesAnUnknownProperty() {
        refused(bart, "/organisations/0900000147/grants", Map.of("personId", DemoPeople.ELS_JACOBS,
                "clientId", "dv_loket", "right", "LoketGebruiker", "validUntil", "2030-01-01"), 400, "validUntil",
                "is not a property");
    }

    @Test
    void addsAnExistingPersonByNationalRegisterNumberWithoutDuplicatingThem() {
        Map<String, Object> person = Map.of("nationalRegisterNumber", "90010100123", "givenName", "Nora",
                "familyName", "Nieuw", "workRelationType", "occasional", "validTo", DirectoryFixture.daysFromNow(30).toString());
        AdminApi.Answer first = api.call("POST", "/organisations/0900000147/people", bart, person);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        AdminApi.Answer again = api.call("POST", "/organisations/0900000147/people", bart, person);
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().path("created").asBoolean()).isFalse();
        assertThat(again.json().path("person").path("id").asText())
                .isEqualTo(first.json().path("person").path("id").asText());
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            assertThat(directory.search("(toegangNationalRegisterNumber=90010100123)")).hasSize(1);
        }
        AdminApi.Answer found = api.call("GET", "/organisations/0900000147/people?nationalRegisterNumber=90010100123", bart, null);
        assertThat(found.json().path("items")).hasSize(1);
    }

    @Test
    void nobodyDecidesTheirOwnRequest() {
        String an = api.signIn("an.peeters");
        AdminApi.Answer request = api.call("POST", "/me/requests", an, Map.of("organisationKey", "0900000147",
                "clientId", "dv_loket", "right", "LoketBeheerder", "validTo", DirectoryFixture.daysFromNow(30).toString(),
                "reason", "test"));
        assertThat(request.status()).as("%s", request).isEqualTo(201);
        String id = request.json().path("id").asText();
        assertThat(api.call("GET", "/requests", an, null).body()).doesNotContain(id);
        AdminApi.Answer approve = api.call("POST", "/requests/" + id + "/approve", an, Map.of("reason", "mine"));
        assertThat(approve.status()).as("%s", approve).isEqualTo(403);
        AdminApi.Answer withdrawn = api.call("POST", "/me/requests/" + id + "/withdraw", an, null,
                Map.of("If-Match", request.etag()));
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("withdrawn");
    }

    private static void refused(String token, String path, Map<String, ?> body, int status, String field, String reason) {
        refused(token, "POST", path, body, status, field, reason);
    }

    private static void refused(String token, String method, String path, Map<String, ?> body, int status, String field,
                                String reason) {
        String before;
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            before = directory.export();
        }
        AdminApi.Answer answer = api.call(method, path, token, body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode errors = answer.json().path("errors");
        assertThat(errors).as("%s", answer).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(field);
            assertThat(error.path("reason").asText()).contains(reason);
        });
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            assertThat(directory.export()).isEqualTo(before);
        }
    }

    static List<String> fields(AdminApi.Answer answer) {
        return answer.json().path("errors").findValuesAsText("field");
    }
}
