package org.toegang.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.directory.DemoPeople;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/** The demo's administrative roles, as the API reports and applies them. */
@ExtendWith(ToegangStackExtension.class)
class AdminApiIT {
    static AdminApi api;

    @BeforeAll
    static void stack(RunningToegang toegang) {
        api = new AdminApi(toegang);
    }

    @Test
    void servesItsOpenApiDocumentWithoutAToken() {
        AdminApi.Answer answer = api.call("GET", "/openapi.json", null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void theDemoAdministratorsHaveTheirRoles() {
        JsonNode an = api.call("GET", "/me", api.signIn("an.peeters"), null).json();
        assertThat(an.path("roles").path("ownedApplications")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("dv_geoportaal", "dv_loket");
        JsonNode bart = api.call("GET", "/me", api.signIn("bart.claes"), null).json();
        assertThat(bart.path("roles").path("localAdministratorOf").has("0900000147")).isTrue();
        assertThat(bart.path("roles").path("headAdministratorOf")).isEmpty();
        JsonNode chris = api.call("GET", "/me", api.signIn("chris.wouters"), null).json();
        assertThat(chris.path("roles").path("headAdministratorOf")).extracting(JsonNode::asText)
                .containsExactly("0900000246");
        JsonNode central = api.call("GET", "/me", api.signIn("central.admin"), null).json();
        assertThat(central.path("roles").path("centralAdministrator").asBoolean()).isTrue();
        assertThat(central.has("person")).isFalse();
        JsonNode dina = api.call("GET", "/me", api.signIn("dina.maes"), null).json();
        assertThat(dina.path("person").path("id").asText()).isEqualTo(DemoPeople.DINA_MAES);
        assertThat(dina.path("roles").path("worksFor")).isEmpty();
    }

    @Test
    void aPersonSeesWhoAdministersTheirOrganisations() {
        JsonNode els = api.call("GET", "/me", api.signIn("els.jacobs"), null).json();
        List<String> administrators = new ArrayList<>();
        els.path("administrators").path("0900000147").forEach(a -> administrators.add(a.path("id").asText()));
        assertThat(administrators).containsExactly(DemoPeople.BART_CLAES);
        assertThat(els.path("administrators").path("0900000147").get(0).has("nationalRegisterNumber")).isFalse();
    }

    @Test
    void aLocalAdministratorListsTheOrganisationsPeopleAndNoOtherOrganisations() {
        String bart = api.signIn("bart.claes");
        AdminApi.Answer people = api.call("GET", "/organisations/0900000147/people?limit=2", bart, null);
        assertThat(people.status()).as("%s", people).isEqualTo(200);
        assertThat(people.json().path("items")).hasSize(2);
        String next = people.json().path("next").asText();
        AdminApi.Answer rest = api.call("GET", "/organisations/0900000147/people?limit=2&cursor=" + next, bart, null);
        assertThat(rest.json().path("items")).hasSize(2);
        AdminApi.Answer other = api.call("GET", "/organisations/0900000246/people", bart, null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Content-Type")).hasValue("application/problem+json");
        assertThat(other.body()).doesNotContain("chris");
        AdminApi.Answer organisations = api.call("GET", "/organisations", bart, null);
        assertThat(organisations.json().path("items")).extracting(o -> o.path("key").asText())
                .containsExactly("0900000147");
        assertThat(api.call("GET", "/organisations/0900000147/people", null, null, Map.of()).status()).isEqualTo(401);
    }
}
