package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.directory.DemoData;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.toegang.launcher.admin.AdminApi;

/**
 * The administration portal in headless Debian chromium against the real stack: sign-in with the
 * realm's login pages (authorization code + PKCE as the public client toegang-portal), keyboard,
 * languages, phone width, the refusal page for typed URLs, sign-out; every screen audited with
 * axe-core in Dutch and French. Screenshots go to {@code docs/screenshots/portal-*.png}.
 */
@ExtendWith(ToegangStackExtension.class)
class PortalBrowserIT {
    static final Path SCREENSHOTS = Path.of("../docs/screenshots").toAbsolutePath().normalize();
    static final String CHRIS_ID = "a7bbafce-ec04-4dd8-bdb9-e8fd02406323";
    static final String DINA_ID = "26fcfc6f-43d5-4fb6-93c5-7e4bab2dae19";
    static final String BART_ID = "3b9dfb0b-609b-46fc-a935-7dd2d4238322";
    /** Valid national register numbers of nobody in the demo data. */
    static final String NEW_PERSON = "95010112306";
    static final String NEW_ADMINISTRATOR = "88020245685";
    static final String NEW_EMPLOYEE = "92121278991";
    static final String NEW_COLLEAGUE = "01030332148";
    static final String NEW_REQUESTER = "93040512359";
    static final String NEW_JOINER = "87061512335";
    static final String NEW_PASSWORD = "Nieuw-Toegang-1";
    /**
     * Screens the flow tests photograph in use (a comparison drawn, a preview shown, a download made):
     * their audit here must not overwrite those screenshots with the empty form.
     */
    private static final Set<String> SHOT_IN_USE = Set.of("compare", "extend", "reports");

    @Test
    void bartSignsInWorksByKeyboardInEveryWidthAndSignsOut(RunningToegang toegang) {
        Map<String, Object> refusals = new LinkedHashMap<>();
        refusals.put("otherOrganisation", "organisations/0900000246");
        refusals.put("unknownOrganisation", "organisations/0900000939");
        refusals.put("personOfOtherOrganisation", "organisations/0900000246/people/" + CHRIS_ID);
        // Dina exists but works for no organisation of Bart's; the second id is nobody's
        refusals.put("personOutsideOwnOrganisation", "organisations/0900000147/people/" + DINA_ID);
        refusals.put("unknownPerson", "organisations/0900000147/people/00000000-0000-4000-8000-000000000000");
        JsonNode seen = PortalRun.run(toegang, "shell", "bart.claes", Map.of("refusals", refusals));

        assertThat(seen.path("loginLang").asText()).isEqualTo("nl");
        assertThat(seen.path("lang").asText()).isEqualTo("nl");
        assertThat(seen.path("home").path("title").asText()).isEqualTo("Welkom, Bart");
        assertThat(seen.path("homeFr").path("title").asText()).isEqualTo("Bienvenue, Bart");
        assertThat(seen.path("firstTab").asText()).isEqualTo("skip-link");
        assertThat(seen.path("afterSkip").asText()).isEqualTo("main");
        assertThat(seen.path("phone").path("scrollWidth").asInt()).isLessThanOrEqualTo(320);
        // the same page, word for word, whether the thing exists or not
        String refusal = seen.path("refusals").path("otherOrganisation").path("main").asText();
        assertThat(refusal).contains("U hebt hier geen toegang").doesNotContain("Demo Bouw", "Chris", "Wouters");
        seen.path("refusals").forEach(page -> {
            assertThat(page.path("refused").asBoolean()).as(page.toString()).isTrue();
            assertThat(page.path("main").asText()).isEqualTo(refusal);
        });
        assertThat(seen.path("signedOut").path("title").asText()).isEqualTo("U bent afgemeld");
        assertThat(seen.path("afterSignOutShowsLogin").asBoolean()).isTrue();
        PortalRun.assertNoSeriousViolations(seen);
        System.out.println("[portal] home navigation timing: " + seen.path("timings").path("home"));
    }

    @Test
    void bartAddsAPersonByNationalRegisterNumberAndGrantsLoketGebruikerUntilAnEndDate(RunningToegang toegang) {
        String until = LocalDate.now().plusDays(30).toString();
        JsonNode seen = PortalRun.run(toegang, "steps", "bart.claes", Map.of("steps", List.of(
                Map.of("do", "addPerson", "organisation", "0900000147", "nationalRegisterNumber", "12345678901",
                        "givenName", "Eva", "familyName", "Nieuw", "name", "add-person"),
                Map.of("do", "addPerson", "organisation", "0900000147", "nationalRegisterNumber", NEW_PERSON,
                        "givenName", "Eva", "familyName", "Nieuw", "email", "eva.nieuw@demo.toegang.local"),
                Map.of("do", "grant", "application", "dv_loket", "right", "LoketGebruiker", "validTo", until,
                        "reason", "Werkt aan het loket", "name", "grant"),
                Map.of("do", "extend", "organisation", "0900000147", "search", "Nieuw", "labels", List.of("Eva Nieuw"),
                        "validTo", LocalDate.now().plusDays(90).toString(), "name", "extend"),
                Map.of("do", "open", "route", "organisations/0900000147", "name", "people", "audit", true))));

        JsonNode refused = seen.path("steps").get(0);
        assertThat(refused.path("links").toString()).contains("#f-nationalRegisterNumber");
        assertThat(refused.path("fieldErrors").toString()).contains("f-nationalRegisterNumber-error");
        assertThat(refused.path("focused").asText()).isEqualTo("error-summary");
        JsonNode added = seen.path("steps").get(1);
        assertThat(added.path("problem").isMissingNode()).as(added.toString()).isTrue();
        assertThat(added.path("title").asText()).isEqualTo("Eva Nieuw");
        JsonNode granted = seen.path("steps").get(2);
        assertThat(granted.path("limits").asText()).contains("Langste looptijd", "Goedkeuring");
        assertThat(granted.path("main").asText()).contains("Het recht is toegekend.", "LoketGebruiker");
        JsonNode extended = seen.path("steps").get(3);
        assertThat(extended.path("preview").asText()).contains("Eva Nieuw", "LoketGebruiker");
        assertThat(extended.path("outcome").asText()).isEqualTo("1 recht verlengd.");
        PortalRun.assertNoSeriousViolations(seen);

        String username = PortalPeople.setPassword(toegang, NEW_PERSON, NEW_PASSWORD);
        JsonNode token = PortalPeople.signInAt(toegang, username, NEW_PASSWORD, "dv_loket", null);
        assertThat(token.path("dv_loket_rol_3d").toString()).contains("LoketGebruiker:0900000147");
    }

    /**
     * Compare and copy, then the report's round trip: the CSV downloaded by the button, edited (a new
     * end date for the copied grant, and a line the API must refuse), previewed with every change
     * and refusal, then without the refused line previewed and applied. Only Hanne, a person of this
     * test, changes: no demo entry does.
     */
    @Test
    void bartComparesCopiesDownloadsTheReportAndUploadsItEdited(RunningToegang toegang) {
        JsonNode first = PortalRun.run(toegang, "steps", "bart.claes", Map.of("steps", List.of(
                Map.of("do", "addPerson", "organisation", "0900000147", "nationalRegisterNumber", NEW_COLLEAGUE,
                        "givenName", "Hanne", "familyName", "Kopie"),
                Map.of("do", "compare", "organisation", "0900000147", "from", "Bart Claes", "to", "Hanne Kopie", "name", "compare"),
                Map.of("do", "download", "organisation", "0900000147", "name", "reports"))));
        String hanne = first.path("steps").get(0).path("url").asText().replaceAll(".*/people/", "");
        assertThat(hanne).as(first.toString()).matches("[0-9a-f-]{36}");
        JsonNode compared = first.path("steps").get(1);
        assertThat(compared.path("compared").asText()).as(compared.toString()).contains("LoketGebruiker", "dv_loket");
        assertThat(compared.path("copied").asText()).as(compared.toString()).isEqualTo("1 recht gekopieerd.");
        String csv = first.path("steps").get(2).path("csv").asText();
        assertThat(first.path("steps").get(2).path("filename").asText()).isEqualTo("toegang-0900000147.csv");
        assertThat(csv).startsWith("grantId,personId,userName,givenName,familyName,organisationKey,clientId,right,context,"
                + "validFrom,validTo,status,countsNow,reason\r\n").contains(BART_ID, hanne);

        List<String> lines = new ArrayList<>(List.of(csv.split("\r\n")));
        int hanneLine = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains(hanne) && lines.get(i).contains(",LoketGebruiker,")) {
                hanneLine = i;
            }
        }
        assertThat(hanneLine).as(csv).isPositive();
        String[] cells = lines.get(hanneLine).split(",", -1);
        assertThat(cells).as(lines.get(hanneLine)).hasSize(14);
        String until = LocalDate.now().plusDays(45) + "T00:00:00Z";
        cells[10] = until;
        lines.set(hanneLine, String.join(",", cells));
        String edited = String.join("\r\n", lines) + "\r\n";
        String withRefusal = edited + "," + hanne + ",hanne.kopie,Hanne,Kopie,0900000147,dv_loket,Onbestaand,," + cells[9]
                + ",,active,,test\r\n";
        int refusedLine = lines.size() + 1;

        JsonNode second = PortalRun.run(toegang, "steps", "bart.claes", Map.of("steps", List.of(
                Map.of("do", "uploadPreview", "organisation", "0900000147", "csv", withRefusal, "name", "upload"),
                Map.of("do", "uploadPreview", "organisation", "0900000147", "csv", edited, "apply", true),
                Map.of("do", "open", "route", "organisations/0900000147/audit", "name", "audit", "audit", true))));
        JsonNode refused = second.path("steps").get(0);
        assertThat(refused.path("applicable").asBoolean()).as(refused.toString()).isFalse();
        // every change and every refusal, each on its line, named by person
        assertThat(refused.path("rows").toString()).as(refused.toString())
                .contains("[\"" + (hanneLine + 1) + "\",\"Hanne Kopie\",\"Looptijd gewijzigd: LoketGebruiker (dv_loket)\",\"In orde\"]")
                .contains("[\"" + refusedLine + "\",\"Hanne Kopie\",\"right\",\"Geweigerd: is not a right of application dv_loket\"]");
        assertThat(refused.path("rows").size()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.path("preview").asText()).contains("lijnen blijven ongewijzigd", "1 lijn wordt geweigerd");
        JsonNode applied = second.path("steps").get(1);
        assertThat(applied.path("applicable").asBoolean()).as(applied.toString()).isTrue();
        assertThat(applied.path("rows").size()).isEqualTo(1);
        assertThat(applied.path("outcome").asText()).as(applied.toString()).isEqualTo("1 wijziging uitgevoerd.");
        JsonNode audit = second.path("steps").get(2);
        assertThat(audit.path("refused").asBoolean()).as(audit.toString()).isFalse();
        // who by name, what in words, and every column on the page
        assertThat(audit.path("main").asText()).as("who, in which role, what: three cells of a row")
                .contains("Bart ClaesLokale beheerderGeldigheid gewijzigd", "Bart ClaesLokale beheerderRecht gekopieerd")
                .as("whom it concerned by name, fields in words").contains("Persoon: Hanne Kopie", "Toepassing: dv_loket");
        assertThat(audit.path("tablesScrollSideways").asBoolean()).as(audit.toString()).isFalse();
        PortalRun.assertNoSeriousViolations(first);
        PortalRun.assertNoSeriousViolations(second);

        // the directory holds what the preview announced: Hanne's copied grant now ends then, nothing else of hers changed
        AdminApi api = new AdminApi(toegang);
        AdminApi.Answer grants = api.call("GET", "/organisations/0900000147/grants?personId=" + hanne, api.signIn("bart.claes"), null);
        assertThat(grants.status()).as("%s", grants).isEqualTo(200);
        assertThat(grants.json().path("items")).singleElement().satisfies(grant -> {
            assertThat(grant.path("right").asText()).isEqualTo("LoketGebruiker");
            assertThat(grant.path("validTo").asText()).isEqualTo(until);
        });
    }

    /**
     * A person's own page: my rights and requests, my local administrators, asking for a right (the
     * API's refusal next to the field it names), the request waiting in the administrator's inbox,
     * and withdrawing it. Iris is a person of this test: no demo entry changes.
     */
    @Test
    void aPersonAsksHerAdministratorForARightAndWithdrawsTheRequest(RunningToegang toegang) {
        AdminApi api = new AdminApi(toegang);
        String bart = api.signIn("bart.claes");
        AdminApi.Answer added = api.call("POST", "/organisations/0900000147/people", bart, Map.of(
                "nationalRegisterNumber", NEW_REQUESTER, "givenName", "Iris", "familyName", "Vraag", "workRelationType", "permanent"));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        String iris = PortalPeople.setPassword(toegang, NEW_REQUESTER, NEW_PASSWORD);

        JsonNode asked = PortalRun.run(toegang, "steps", iris, NEW_PASSWORD, Map.of("steps", List.of(
                Map.of("do", "open", "route", "", "name", "my-page", "audit", true),
                Map.of("do", "ask", "clientId", "dv_loket", "right", "Onbestaand", "reason", "Voor het loket", "name", "ask"),
                Map.of("do", "ask", "clientId", "dv_loket", "right", "LoketGebruiker", "reason", "Ik help aan het loket"))));
        JsonNode page = asked.path("steps").get(0);
        assertThat(page.path("title").asText()).isEqualTo("Welkom, Iris");
        // her local administrator, to ask
        assertThat(page.path("main").asText()).contains("Mijn lokale beheerders", "Bart Claes", "Een recht aanvragen", "U hebt geen aanvragen.");
        JsonNode refused = asked.path("steps").get(1);
        assertThat(refused.path("links").toString()).as(refused.toString()).contains("#f-right");
        assertThat(refused.path("fieldErrors").toString()).contains("f-right-error", "is not a right of application dv_loket");
        JsonNode sent = asked.path("steps").get(2);
        assertThat(sent.path("problem").isMissingNode()).as(sent.toString()).isTrue();
        assertThat(sent.path("main").asText()).contains("Uw aanvraag is verstuurd.");
        assertThat(sent.path("requests").toString()).contains("LoketGebruiker", "dv_loket", "Aangevraagd", "Intrekken");
        PortalRun.assertNoSeriousViolations(asked);

        // it waits for a decision in the inbox of her organisation's local administrator
        String requestId = openRequestOf(api, bart, added.json().path("person").path("id").asText());
        assertThat(requestId).isNotNull();

        JsonNode withdrawn = PortalRun.run(toegang, "steps", iris, NEW_PASSWORD, Map.of("steps", List.of(
                Map.of("do", "withdraw", "right", "LoketGebruiker", "name", "withdrawn"))));
        JsonNode after = withdrawn.path("steps").get(0);
        assertThat(after.path("id").asText()).as(after.toString()).isEqualTo(requestId);
        assertThat(after.path("notice").asText()).isEqualTo("Uw aanvraag is ingetrokken.");
        assertThat(after.path("requests").toString()).contains("Ingetrokken door aanvrager").doesNotContain("Intrekken\"");
        assertThat(openRequestOf(api, bart, added.json().path("person").path("id").asText())).isNull();
    }

    /**
     * A person asks to work for an organisation (the API's work-relation requests): the API's refusal
     * next to the field, the request on her page; the organisation's local administrator finds it in
     * his inbox and approves it, after which the API has her work relation; a second request, to
     * another organisation, she withdraws. The menus follow GET /me/permissions: Bart, a local
     * administrator, is offered neither the owner's nor the central screens, nor appointing
     * administrators; Chris, head administrator, is. Joke is a person of this test (added by
     * Chris to 0900000246): no demo entry changes.
     */
    @Test
    void aPersonAsksToWorkForAnOrganisationItsAdministratorApprovesAndTheMenusFollowThePermissions(RunningToegang toegang) {
        AdminApi api = new AdminApi(toegang);
        AdminApi.Answer added = api.call("POST", "/organisations/0900000246/people", api.signIn("chris.wouters"), Map.of(
                "nationalRegisterNumber", NEW_JOINER, "givenName", "Joke", "familyName", "Werkzoeker", "workRelationType", "external"));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        String jokeId = added.json().path("person").path("id").asText();
        String joke = PortalPeople.setPassword(toegang, NEW_JOINER, NEW_PASSWORD);

        JsonNode asked = PortalRun.run(toegang, "steps", joke, NEW_PASSWORD, Map.of("steps", List.of(
                Map.of("do", "join", "organisation", "0900000939", "reason", "Ik begin aan het loket", "name", "join"),
                Map.of("do", "join", "organisation", "0900000147", "type", "external", "reason", "Ik begin aan het loket"),
                Map.of("do", "join", "organisation", "0900000345", "reason", "Tijdelijk"),
                Map.of("do", "withdrawJoin", "organisation", "0900000345"))));
        JsonNode refused = asked.path("steps").get(0);
        assertThat(refused.path("links").toString()).as(refused.toString()).contains("#f-organisationKey");
        assertThat(refused.path("fieldErrors").toString()).contains("f-organisationKey-error", "is not a registered organisation");
        JsonNode sent = asked.path("steps").get(1);
        assertThat(sent.path("problem").isMissingNode()).as(sent.toString()).isTrue();
        assertThat(sent.path("main").asText()).contains("Uw vraag is verstuurd.");
        assertThat(sent.path("joins").toString()).contains("0900000147", "Externe medewerker", "Aangevraagd", "Intrekken");
        JsonNode withdrawn = asked.path("steps").get(3);
        assertThat(withdrawn.path("notice").asText()).as(withdrawn.toString()).isEqualTo("Uw vraag om voor de organisatie te werken is ingetrokken.");
        assertThat(withdrawn.path("joins").toString()).contains("0900000345").contains("0900000147");
        PortalRun.assertNoSeriousViolations(asked);

        JsonNode bart = PortalRun.run(toegang, "steps", "bart.claes", Map.of("steps", List.of(
                Map.of("do", "open", "route", "organisations/0900000147"),
                Map.of("do", "decideJoin", "organisation", "0900000147", "person", "Joke Werkzoeker", "decision", "approve",
                        "reason", "Welkom aan het loket", "name", "join-inbox"))));
        JsonNode organisation = bart.path("steps").get(0);
        assertThat(organisation.path("nav").asText()).as(organisation.toString()).contains("Aanvragen")
                .doesNotContain("Mijn toepassingen", "Centraal beheer");
        assertThat(organisation.path("subNav").asText()).contains("Personen", "Vergelijken").doesNotContain("Beheerders");
        JsonNode decided = bart.path("steps").get(1);
        assertThat(decided.path("cards").toString()).as(decided.toString()).contains("Joke Werkzoeker", "Ik begin aan het loket")
                .doesNotContain("0900000345");
        assertThat(decided.path("url").asText()).as(decided.toString()).contains("decided=approve");
        PortalRun.assertNoSeriousViolations(bart);

        // the API has her work relation with 0900000147 now, and nothing waits any more
        String bartToken = api.signIn("bart.claes");
        AdminApi.Answer relations = api.call("GET", "/organisations/0900000147/work-relations?personId=" + jokeId, bartToken, null);
        assertThat(relations.status()).as("%s", relations).isEqualTo(200);
        assertThat(relations.json().path("items")).singleElement()
                .satisfies(relation -> assertThat(relation.path("type").asText()).isEqualTo("external"));
        AdminApi.Answer waiting = api.call("GET", "/organisations/0900000147/work-relation-requests", bartToken, null);
        assertThat(waiting.json().path("items").toString()).doesNotContain(jokeId);

        JsonNode chris = PortalRun.run(toegang, "steps", "chris.wouters", Map.of("steps", List.of(
                Map.of("do", "open", "route", "organisations/0900000246"))));
        assertThat(chris.path("steps").get(0).path("subNav").asText()).as(chris.toString()).contains("Beheerders");
    }

    private static String openRequestOf(AdminApi api, String token, String personId) {
        AdminApi.Answer inbox = api.call("GET", "/requests?limit=200", token, null);
        assertThat(inbox.status()).as("%s", inbox).isEqualTo(200);
        for (JsonNode request : inbox.json().path("items")) {
            if (request.path("personId").asText().equals(personId)) {
                return request.path("id").asText();
            }
        }
        return null;
    }

    /**
     * The application owner's chart of sign-ins per organisation per day draws the API's numbers:
     * each marker's height, read back against the axis, is the API's count for that organisation and
     * day, and the table beside it says the same.
     */
    @Test
    void theSignInChartDrawsTheNumbersTheApiAnswers(RunningToegang toegang) {
        // sign-ins of two organisations today, whatever ran before
        PortalPeople.signInAt(toegang, "bart.claes", DemoData.PASSWORD, "dv_loket", null);
        PortalPeople.signInAt(toegang, "chris.wouters", DemoData.PASSWORD, "dv_loket", "EA:0900000246");
        AdminApi api = new AdminApi(toegang);
        String an = api.signIn("an.peeters");
        Map<String, Long> before = signIns(api, an);
        assertThat(before.keySet()).as("%s", before).anyMatch(k -> k.startsWith("0900000147 "))
                .anyMatch(k -> k.startsWith("0900000246 "));

        JsonNode seen = PortalRun.run(toegang, "steps", "an.peeters", Map.of("steps", List.of(
                Map.of("do", "chart", "client", "dv_loket", "name", "sign-ins"))));
        assertThat(signIns(api, an)).as("no sign-in to dv_loket happened meanwhile").isEqualTo(before);

        JsonNode drawn = seen.path("steps").get(0).path("drawn");
        assertThat(drawn.isObject()).as(seen.toString()).isTrue();
        double zero = drawn.path("zeroY").asDouble();
        double top = drawn.path("maxY").asDouble();
        long max = drawn.path("max").asLong();
        assertThat(max).isEqualTo(before.values().stream().mapToLong(Long::longValue).max().orElseThrow());
        Map<String, Long> read = new java.util.TreeMap<>();
        drawn.path("points").forEach(point -> {
            long value = Math.round(max * (zero - point.path("cy").asDouble()) / (zero - top));
            if (value > 0) {
                read.put(point.path("organisation").asText() + " " + point.path("day").asText(), value);
            }
        });
        assertThat(read).isEqualTo(new java.util.TreeMap<>(before));
        // the table: one row per day (in order), one column per organisation, the same numbers
        JsonNode table = seen.path("steps").get(0).path("table");
        List<String> days = before.keySet().stream().map(key -> key.substring(key.indexOf(' ') + 1)).distinct().sorted().toList();
        assertThat(table.path("rows").size()).as(table.toString()).isEqualTo(days.size());
        for (int row = 0; row < days.size(); row++) {
            for (int column = 1; column < table.path("head").size(); column++) {
                String organisation = table.path("head").get(column).asText();
                assertThat(table.path("rows").get(row).get(column).asLong()).as("%s on %s", organisation, days.get(row))
                        .isEqualTo(before.getOrDefault(organisation + " " + days.get(row), 0L));
            }
        }
        PortalRun.assertNoSeriousViolations(seen);
    }

    /**
     * An, owner of dv_loket, registers its provisioning target in the portal: a refused URL is shown
     * next to its field; the saved target is the API's (read back), with client credentials; the
     * secret is never on the page again, and a second save without it keeps it; she stops it again.
     */
    @Test
    void theOwnerRegistersTheProvisioningTargetAndTheSecretNeverShowsAgain(RunningToegang toegang) {
        AdminApi api = new AdminApi(toegang);
        String an = api.signIn("an.peeters");
        String path = "/applications/dv_loket/provisioning-target";
        api.call("GET", path, an, null).header("ETag")
                .ifPresent(etag -> api.call("DELETE", path, an, null, Map.of("If-Match", etag)));
        String secret = "portal-" + java.util.UUID.randomUUID();
        Map<String, Object> target = Map.of("baseUrl", "https://loket.example.org/scim/v2",
                "authentication", "client_credentials", "tokenEndpoint", "https://idp.example.org/token",
                "clientId", "toegang-provisioner", "secret", secret, "rights", "entitlements", "groups", true);
        Map<String, Object> refused = new java.util.HashMap<>(target);
        refused.put("baseUrl", "ftp://loket.example.org/scim/v2");
        JsonNode seen = PortalRun.run(toegang, "steps", "an.peeters", Map.of("steps", List.of(
                Map.of("do", "provision", "client", "dv_loket", "target", refused, "secret", secret, "name", "provisioning"),
                Map.of("do", "provision", "client", "dv_loket", "target", target, "secret", secret, "name", "provisioning"),
                Map.of("do", "provision", "client", "dv_loket", "target", Map.of("whenLastRightEnds", "delete"),
                        "secret", secret))));
        JsonNode error = seen.path("steps").get(0);
        assertThat(error.path("fieldErrors").toString()).as(error.toString()).contains("f-baseUrl-error");
        JsonNode saved = seen.path("steps").get(1);
        assertThat(saved.path("notice").asText()).as(saved.toString()).isEqualTo("Het SCIM-doel is bewaard.");
        assertThat(saved.path("secretHint").asText()).contains("Laat leeg om het te behouden");
        assertThat(saved.path("secretInput").asText()).isEmpty();
        assertThat(saved.path("credentialsShown").asBoolean()).isTrue();
        assertThat(saved.path("pageHoldsSecret").asBoolean()).isFalse();
        JsonNode kept = seen.path("steps").get(2);
        assertThat(kept.path("notice").asText()).as(kept.toString()).isEqualTo("Het SCIM-doel is bewaard.");
        assertThat(kept.path("pageHoldsSecret").asBoolean()).isFalse();

        AdminApi.Answer stored = api.call("GET", path, an, null);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().path("baseUrl").asText()).isEqualTo("https://loket.example.org/scim/v2/");
        assertThat(stored.json().path("tokenEndpoint").asText()).isEqualTo("https://idp.example.org/token");
        assertThat(stored.json().path("rights").asText()).isEqualTo("entitlements");
        assertThat(stored.json().path("groups").asBoolean()).isTrue();
        assertThat(stored.json().path("whenLastRightEnds").asText()).isEqualTo("delete");
        assertThat(stored.json().path("secretSet").asBoolean()).as("kept through the second save").isTrue();
        assertThat(stored.body()).doesNotContain(secret);

        JsonNode removed = PortalRun.run(toegang, "steps", "an.peeters", Map.of("steps", List.of(
                Map.of("do", "provision", "client", "dv_loket", "remove", true)))).path("steps").get(0);
        assertThat(removed.path("notice").asText()).as(removed.toString()).startsWith("De provisioning is gestopt");
        assertThat(api.call("GET", path, an, null).status()).isEqualTo(404);
        PortalRun.assertNoSeriousViolations(seen);
    }

    /** The API's sign-ins of dv_loket, as "organisation day" → count. */
    private static Map<String, Long> signIns(AdminApi api, String token) {
        AdminApi.Answer answer = api.call("GET", "/applications/dv_loket/sign-ins", token, null);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        Map<String, Long> counts = new java.util.TreeMap<>();
        answer.json().path("days").forEach(day -> counts.merge(day.path("organisationKey").asText() + " "
                + day.path("day").asText(), day.path("count").asLong(), Long::sum));
        return counts;
    }

    @Test
    void onlyTheApplicationOwnerDecidesChrissRequestAndHisNextTokenCarriesIt(RunningToegang toegang) {
        JsonNode inbox = PortalRun.run(toegang, "steps", "an.peeters", Map.of("steps", List.of(
                Map.of("do", "inbox", "name", "requests"))));
        String requestId = null;
        for (JsonNode card : inbox.path("steps").get(0).path("cards")) {
            if (card.path("text").asText().contains("LoketBeheerder") && card.path("text").asText().contains("0900000246")
                    && card.path("text").asText().contains("Chris Wouters")) {
                requestId = card.path("id").asText();
            }
        }
        assertThat(requestId).as(inbox.toString()).isNotNull();

        JsonNode bart = PortalRun.run(toegang, "steps", "bart.claes", Map.of("steps", List.of(
                Map.of("do", "decide", "requestId", requestId, "decision", "approve", "reason", "Goed", "name", "request-refused"))));
        JsonNode bartSaw = bart.path("steps").get(0);
        assertThat(bartSaw.path("url").asText("")).doesNotContain("decided=");
        // either the request is not shown to him at all, or his decision is refused with the API's reason
        assertThat(bartSaw.path("opened").path("refused").asBoolean() ? bartSaw.path("reason").asText() : bartSaw.path("problem").asText())
                .isNotBlank();
        assertThat(bartSaw.path("opened").path("main").asText()).doesNotContain("Chris", "Wouters", CHRIS_ID, "LoketBeheerder");

        try {
            JsonNode an = PortalRun.run(toegang, "steps", "an.peeters", Map.of("steps", List.of(
                    Map.of("do", "decide", "requestId", requestId, "decision", "approve", "reason", "Beheert het loket van Demo Bouw"),
                    Map.of("do", "inbox"))));
            assertThat(an.path("steps").get(0).path("url").asText()).contains("decided=approve");
            assertThat(an.path("steps").get(1).path("cards").toString()).doesNotContain(requestId);

            JsonNode token = PortalPeople.signInAt(toegang, "chris.wouters", DemoData.PASSWORD, "dv_loket", "EA:0900000246");
            assertThat(token.path("dv_loket_rol_3d").toString()).contains("LoketBeheerder:0900000246");
            PortalRun.assertNoSeriousViolations(inbox);
        } finally {
            // the shared stack's other tests hold CONTRACT.md's demo: Chris's request is pending
            new DirectoryGrants(toegang.directory().url(), toegang.directory().bindDn(), toegang.directory().password())
                    .reopenRequest(requestId);
        }
    }

    @Test
    void chrisAppointsALocalAdministratorWhoGrantsThereAndNowhereElse(RunningToegang toegang) {
        String until = LocalDate.now().plusDays(60).toString();
        JsonNode chris = PortalRun.run(toegang, "steps", "chris.wouters", Map.of("steps", List.of(
                Map.of("do", "addPerson", "organisation", "0900000246", "nationalRegisterNumber", NEW_ADMINISTRATOR,
                        "givenName", "Fien", "familyName", "Beheer"),
                Map.of("do", "appoint", "organisation", "0900000246", "nationalRegisterNumber", NEW_ADMINISTRATOR,
                        "name", "administrators"))));
        assertThat(chris.path("steps").get(0).path("problem").isMissingNode()).as(chris.toString()).isTrue();
        assertThat(chris.path("steps").get(1).path("url").asText()).as(chris.toString()).contains("done=");

        String fien = PortalPeople.setPassword(toegang, NEW_ADMINISTRATOR, NEW_PASSWORD);
        JsonNode seen = PortalRun.run(toegang, "steps", fien, NEW_PASSWORD, Map.of("steps", List.of(
                Map.of("do", "addPerson", "organisation", "0900000246", "nationalRegisterNumber", NEW_EMPLOYEE,
                        "givenName", "Gert", "familyName", "Werker"),
                Map.of("do", "grant", "application", "dv_loket", "right", "LoketGebruiker", "validTo", until, "reason", "Nieuwe medewerker"),
                Map.of("do", "open", "route", "organisations/0900000147"),
                Map.of("do", "open", "route", "organisations/0900000147/people/new"))));
        assertThat(seen.path("steps").get(1).path("main").asText()).as(seen.toString()).contains("Het recht is toegekend.");
        assertThat(seen.path("steps").get(2).path("refused").asBoolean()).isTrue();
        assertThat(seen.path("steps").get(3).path("refused").asBoolean()).isTrue();
        assertThat(seen.path("steps").get(2).path("main").asText()).doesNotContain("Demodorp");
    }

    @Test
    void everyScreenOfEachRolePassesTheAccessibilityAuditInDutchAndFrench(RunningToegang toegang) {
        List<JsonNode> runs = List.of(
                screens(toegang, "bart.claes", Map.of(
                        "organisation", "organisations/0900000147", "person", "organisations/0900000147/people/" + BART_ID,
                        "reports", "organisations/0900000147/reports",
                        "extend", "organisations/0900000147/extend", "compare", "organisations/0900000147/compare")),
                screens(toegang, "an.peeters", Map.of("applications", "applications", "application", "applications/dv_loket")),
                screens(toegang, "central.admin", Map.of("central", "central")),
                screens(toegang, "chris.wouters", Map.of("administrators-chris", "organisations/0900000246/administrators")));
        for (JsonNode run : runs) {
            run.path("steps").forEach(step -> assertThat(step.path("refused").asBoolean()).as(step.toString()).isFalse());
            PortalRun.assertNoSeriousViolations(run);
        }
    }

    private static JsonNode screens(RunningToegang toegang, String username, Map<String, String> routes) {
        List<Map<String, Object>> steps = routes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(route -> Map.<String, Object>of("do", "open", "route", route.getValue(), "name", route.getKey(), "audit", true,
                        "shot", !SHOT_IN_USE.contains(route.getKey())))
                .toList();
        return PortalRun.run(toegang, "steps", username, Map.of("steps", steps));
    }
}
