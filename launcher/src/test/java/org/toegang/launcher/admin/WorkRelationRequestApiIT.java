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
 * A person asks to work for an organisation through the API; the organisation's head and local
 * administrators approve or reject it in their inbox; the person sees the outcome and may withdraw
 * an undecided request; nobody decides their own. Every refusal answers a problem naming the field
 * and changes nothing. The work relations and requests it makes are deleted afterwards, so the
 * shared stack keeps CONTRACT.md's demo.
 */
@ExtendWith(ToegangStackExtension.class)
class WorkRelationRequestApiIT {
    static final String DEMODORP = "0900000147";
    static final String BOUW = "0900000246";
    static AdminApi api;
    static RunningToegang toegang;
    static String dina;
    static String bart;
    static String chris;
    static Refusal refusal;

    @BeforeAll
    static void stack(RunningToegang running) {
        toegang = running;
        api = new AdminApi(running);
        refusal = new Refusal(running, api);
        ApiFixture.of(running); // Zoë, local administrator of 0900000246
        dina = api.signIn("dina.maes");
        bart = api.signIn("bart.claes");
        chris = api.signIn("chris.wouters");
    }

    @AfterAll
    static void restoreDemo() {
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            for (String person : List.of(DemoPeople.DINA_MAES, DemoPeople.CHRIS_WOUTERS)) {
                directory.deleteWhere("(&(objectClass=applicationProcess)(toegangPersonId=" + person + "))");
            }
            directory.deleteWhere("(&(objectClass=toegangGrant)(toegangPersonId=" + DemoPeople.DINA_MAES + "))");
            directory.deleteWhere("(&(objectClass=toegangWorkRelation)(toegangPersonId=" + DemoPeople.DINA_MAES + "))");
            directory.deleteWhere("(&(objectClass=toegangWorkRelation)(toegangPersonId=" + DemoPeople.CHRIS_WOUTERS
                    + ")(toegangOrganisationKey=" + BOUW + "))");
            // default rights that the approval of his work relation may have granted
            directory.deleteWhere("(&(objectClass=toegangGrant)(toegangPersonId=" + DemoPeople.CHRIS_WOUTERS
                    + ")(toegangReason=default right*))");
        }
    }

    @Test
    void anAdministratorApprovesInTheInboxAndThePersonSeesTheWorkRelation() {
        AdminApi.Answer asked = api.call("POST", "/me/work-relation-requests", dina, Map.of("organisationKey", DEMODORP,
                "type", "external", "reason", "I run the library on Saturdays"));
        assertThat(asked.status()).as("%s", asked).isEqualTo(201);
        String id = asked.json().path("id").asText();
        assertThat(asked.json().path("status").asText()).isEqualTo("requested");
        assertThat(asked.json().path("organisationName").asText()).isEqualTo("Gemeente Demodorp");
        assertThat(asked.json().path("personName").asText()).isEqualTo("Dina Maes");

        AdminApi.Answer inbox = api.call("GET", "/organisations/" + DEMODORP + "/work-relation-requests", bart, null);
        assertThat(inbox.status()).isEqualTo(200);
        JsonNode mine = find(inbox.json().path("items"), id);
        assertThat(mine.path("personName").asText()).isEqualTo("Dina Maes");
        assertThat(mine.path("reason").asText()).isEqualTo("I run the library on Saturdays");
        String path = "/organisations/" + DEMODORP + "/work-relation-requests/" + id;
        AdminApi.Answer one = api.call("GET", path, bart, null);
        assertThat(one.status()).isEqualTo(200);

        // an administrator of another organisation neither sees nor decides it
        AdminApi.Answer foreign = api.call("GET", "/organisations/" + DEMODORP + "/work-relation-requests", chris, null);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain(id);
        refusal.expect(chris, "POST", path + "/approve", Map.of("reason", "sure"), Map.of("If-Match", one.etag()), 403, null);
        // the same request is not found under another organisation
        assertThat(api.call("GET", "/organisations/" + BOUW + "/work-relation-requests/" + id, chris, null).status())
                .isEqualTo(404);
        // without If-Match 428, stale 412: nothing changes
        refusal.expect(bart, "POST", path + "/approve", Map.of("reason", "welcome"), Map.of(), 428, "If-Match");
        refusal.expect(bart, "POST", path + "/approve", Map.of("reason", "welcome"), Map.of("If-Match", "\"stale\""), 412,
                "If-Match");
        refusal.expect(bart, "POST", path + "/approve", Map.of(), Map.of("If-Match", one.etag()), 422, "reason");

        AdminApi.Answer approved = api.call("POST", path + "/approve", bart, Map.of("reason", "welcome"),
                Map.of("If-Match", one.etag()));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("approved");
        assertThat(approved.json().path("decidedByName").asText()).isEqualTo("Bart Claes");
        String relation = approved.json().path("workRelationId").asText();
        AdminApi.Answer relations = api.call("GET", "/organisations/" + DEMODORP + "/work-relations?personId="
                + DemoPeople.DINA_MAES, bart, null);
        assertThat(relations.json().path("items")).singleElement().satisfies(item -> {
            assertThat(item.path("id").asText()).isEqualTo(relation);
            assertThat(item.path("type").asText()).isEqualTo("external");
            assertThat(item.path("personName").asText()).isEqualTo("Dina Maes");
            assertThat(item.path("organisationName").asText()).isEqualTo("Gemeente Demodorp");
        });
        // decided stays decided; the person sees the outcome and why
        refusal.expect(bart, "POST", path + "/reject", Map.of("reason", "changed my mind"), Map.of("If-Match", approved.etag()),
                409, "status");
        JsonNode me = api.call("GET", "/me", dina, null).json();
        JsonNode outcome = find(me.path("workRelationRequests"), id);
        assertThat(outcome.path("status").asText()).isEqualTo("approved");
        assertThat(outcome.path("decisionReason").asText()).isEqualTo("welcome");
        assertThat(me.path("workRelations").findValuesAsText("organisationKey")).contains(DEMODORP);
        // the inbox holds only undecided requests by default
        assertThat(api.call("GET", "/organisations/" + DEMODORP + "/work-relation-requests", bart, null).body())
                .doesNotContain(id);
        // working there now, asking again is a conflict naming the organisation
        refusal.expect(dina, "POST", "/me/work-relation-requests", Map.of("organisationKey", DEMODORP, "type", "external"),
                Map.of(), 409, "organisationKey");
    }

    @Test
    void aRejectionAndAWithdrawalCreateNothing() {
        AdminApi.Answer asked = api.call("POST", "/me/work-relation-requests", dina, Map.of("organisationKey", BOUW,
                "type", "occasional"));
        assertThat(asked.status()).as("%s", asked).isEqualTo(201);
        String id = asked.json().path("id").asText();
        refusal.expect(dina, "POST", "/me/work-relation-requests", Map.of("organisationKey", BOUW, "type", "occasional"),
                Map.of(), 409, "organisationKey");
        AdminApi.Answer rejected = api.call("POST", "/organisations/" + BOUW + "/work-relation-requests/" + id + "/reject",
                chris, Map.of("reason", "we have no opening"), Map.of("If-Match", asked.etag()));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        assertThat(rejected.json().path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.json().has("workRelationId")).isFalse();
        AdminApi.Answer seen = api.call("GET", "/me/work-relation-requests/" + id, dina, null);
        assertThat(seen.json().path("status").asText()).isEqualTo("rejected");
        assertThat(seen.json().path("decisionReason").asText()).isEqualTo("we have no opening");
        // another person's request is not readable under /me
        assertThat(api.call("GET", "/me/work-relation-requests/" + id, bart, null).status()).isEqualTo(403);

        AdminApi.Answer again = api.call("POST", "/me/work-relation-requests", dina, Map.of("organisationKey", BOUW,
                "type", "occasional"));
        String second = again.json().path("id").asText();
        refusal.expect(dina, "POST", "/me/work-relation-requests/" + second + "/withdraw", null, Map.of(), 428, "If-Match");
        refusal.expect(bart, "POST", "/me/work-relation-requests/" + second + "/withdraw", null,
                Map.of("If-Match", again.etag()), 403, null);
        AdminApi.Answer withdrawn = api.call("POST", "/me/work-relation-requests/" + second + "/withdraw", dina, null,
                Map.of("If-Match", again.etag()));
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("withdrawn");
        refusal.expect(dina, "POST", "/me/work-relation-requests/" + second + "/withdraw", null,
                Map.of("If-Match", withdrawn.etag()), 403, null);
        assertThat(api.call("GET", "/organisations/" + BOUW + "/work-relations?personId=" + DemoPeople.DINA_MAES, chris,
                null).json().path("items")).isEmpty();
    }

    @Test
    void nobodyDecidesTheirOwnRequestAndBadInputNamesTheField() {
        // Chris heads 0900000246 as its legal representative, without a work relation there
        AdminApi.Answer asked = api.call("POST", "/me/work-relation-requests", chris, Map.of("organisationKey", BOUW,
                "type", "permanent"));
        assertThat(asked.status()).as("%s", asked).isEqualTo(201);
        String path = "/organisations/" + BOUW + "/work-relation-requests/" + asked.json().path("id").asText();
        refusal.expect(chris, "POST", path + "/approve", Map.of("reason", "me"), Map.of("If-Match", asked.etag()), 403, null);
        AdminApi.Answer byZoe = api.call("POST", path + "/approve", api.signIn("zoe.local"), Map.of("reason", "yes"),
                Map.of("If-Match", asked.etag()));
        assertThat(byZoe.status()).as("%s", byZoe).isEqualTo(200);

        refusal.expect(dina, "POST", "/me/work-relation-requests", Map.of("organisationKey", "0999999999", "type", "external"),
                Map.of(), 422, "organisationKey");
        refusal.expect(dina, "POST", "/me/work-relation-requests", Map.of("organisationKey", DEMODORP, "type", "boss"),
                Map.of(), 422, "type");
        refusal.expect(dina, "POST", "/me/work-relation-requests", Map.of("organisationKey", DEMODORP, "type", "external",
                "validTo", "2001-01-01"), Map.of(), 422, "validTo");
        refusal.expect(dina, "POST", "/me/work-relation-requests", Map.of("organisationKey", DEMODORP, "kind", "external"),
                Map.of(), 400, "kind");
        refusal.expect(null, "POST", "/me/work-relation-requests", Map.of("organisationKey", DEMODORP, "type", "external"),
                Map.of(), 401, null);
    }

    static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + items);
    }
}
