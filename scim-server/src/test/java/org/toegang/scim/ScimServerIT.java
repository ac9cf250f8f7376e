package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/** The SCIM server over real HTTP against the embedded directory with the demo data. */
class ScimServerIT {
    static final String TOEGANG = "urn:toegang:params:scim:schemas:extension:toegang:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @TempDir
    static Path data;
    static ScimTestServer server;
    static String provisioner;

    @BeforeAll
    static void start() throws Exception {
        server = new ScimTestServer(data, new ScimLimits(200, 10_000, 20, 64 * 1024, 10));
        provisioner = server.token("scim-provisioner", List.of("default-roles-toegang"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply get(String path, String token) {
        return server.send("GET", path, token, null, Map.of());
    }

    static String filter(String filter) {
        return "Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    static List<String> userNames(Reply reply) {
        List<String> names = new ArrayList<>();
        reply.json().path("Resources").forEach(user -> names.add(user.path("userName").asText()));
        return names;
    }

    static String user(String userName, String familyName, String extra) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"%s","name":{"givenName":"Test","familyName":"%s"},
                 "emails":[{"value":"%s@example.org","type":"work","primary":true}]%s}
                """.formatted(TOEGANG, userName, familyName, userName, extra);
    }

    @Test
    void refusesARequestWithoutATokenWithABearerChallenge() {
        Reply reply = get("Users", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void refusesExpiredAndForeignTokens() throws Exception {
        assertThat(get("Users", server.expiredToken("scim-provisioner")).status()).isEqualTo(401);
        assertThat(get("Users", server.foreignToken("scim-provisioner")).status()).isEqualTo(401);
        assertThat(get("Users", "not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void anApplicationSeesOnlyThePeopleHoldingItsActiveRightsAndOnlyThoseRights() {
        Reply geo = get("Users?sortBy=userName", server.token("dv_geoportaal", List.of()));
        assertThat(geo.status()).isEqualTo(200);
        assertThat(userNames(geo)).containsExactly("an.peeters", "els.jacobs");
        assertThat(geo.json().path("totalResults").asInt()).isEqualTo(2);
        for (JsonNode user : geo.json().path("Resources")) {
            JsonNode toegang = user.path(TOEGANG);
            assertThat(toegang.has("nationalRegisterNumber")).isFalse();
            assertThat(toegang.path("rights")).isNotEmpty()
                    .allSatisfy(right -> assertThat(right.path("application").asText()).isEqualTo("dv_geoportaal"));
        }

        Reply loket = get("Users?sortBy=userName", server.token("dv_loket", List.of()));
        assertThat(userNames(loket)).containsExactly("an.peeters", "bart.claes", "chris.wouters");
        assertThat(loket.json().path("Resources")).hasSize(3);
        loket.json().path("Resources").forEach(user -> assertThat(user.path(TOEGANG).path("rights"))
                .isNotEmpty()
                .allSatisfy(right -> {
                    assertThat(right.path("application").asText()).isEqualTo("dv_loket");
                    assertThat(right.path("status").asText()).isEqualTo("active");
                }));
    }

    @Test
    void anApplicationCannotReadSomeoneOutsideItsNeedToKnowNorWrite() {
        String geo = server.token("dv_geoportaal", List.of());
        String dina = get(filter("userName eq \"dina.maes\""), provisioner).json().path("Resources").get(0)
                .path("id").asText();
        Reply read = get("Users/" + dina, geo);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().has("userName")).isFalse();
        assertThat(read.json().has("id")).isFalse();
        assertThat(read.json().toString()).doesNotContain("dina").doesNotContain("03052008821");
        assertThat(userNames(get(filter("userName eq \"dina.maes\""), geo))).isEmpty();
        Reply write = server.send("POST", "Users", geo, user("geo.writer", "Writer", ""), Map.of());
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().has("id")).isFalse();
        assertThat(get(filter("userName eq \"geo.writer\""), provisioner).json().path("totalResults").asInt()).isZero();
    }

    @Test
    void aCraftedFilterCannotWidenTheSearch() {
        Reply reply = get(filter("userName eq \"x)(uid=*\""), provisioner);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("totalResults").asInt()).isZero();
        assertThat(get(filter("userName eq \"*\""), provisioner).json().path("totalResults").asInt()).isZero();
        assertThat(userNames(get(filter("userName eq \"AN.PEETERS\""), provisioner))).containsExactly("an.peeters");
    }

    @Test
    void filtersWithGroupingNotAndComplexValueFilters() {
        assertThat(userNames(get(filter("(name.familyName sw \"Pee\" or name.familyName sw \"Cla\") and not (userName eq \"bart.claes\")"),
                provisioner))).containsExactly("an.peeters");
        assertThat(userNames(get(filter("emails[value co \"els\" or value eq \"nobody@example.org\"]"), provisioner)))
                .containsExactly("els.jacobs");
        assertThat(userNames(get(filter("name.familyName ew \"ers\""), provisioner)))
                .containsExactlyInAnyOrder("an.peeters", "chris.wouters");
        assertThat(userNames(get(filter(TOEGANG + ":nationalRegisterNumber eq \"90070104224\""), provisioner)))
                .containsExactly("bart.claes");
        assertThat(get(filter("userName pr and meta.created gt \"2000-01-01T00:00:00Z\""), provisioner)
                .json().path("totalResults").asInt()).isGreaterThanOrEqualTo(5);
        // which address is of which type only the kept copy says: each person the directory finds is tested
        assertThat(userNames(get(filter("emails[type eq \"work\" and value co \"els\"]"), provisioner)))
                .containsExactly("els.jacobs");
        assertThat(userNames(get(filter("emails[type eq \"home\" and value co \"els\"]"), provisioner))).isEmpty();
        assertThat(userNames(get(filter("userName sw \"an.\" and not (emails[type eq \"home\"])"), provisioner)))
                .containsExactly("an.peeters");
        // not part of the User a search reads: a clear refusal, not an empty answer for data that may be there
        Reply notSearchable = get(filter("groups.value eq \"x\""), provisioner);
        assertThat(notSearchable.status()).isEqualTo(400);
        assertThat(notSearchable.json().path("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(notSearchable.json().path("detail").asText()).contains("groups.value", "not supported");
        assertThat(notSearchable.json().has("Resources")).isFalse();
    }

    @Test
    void refusesUnknownAttributesAndTooComplexFilters() {
        Reply unknown = get(filter("shoeSize eq \"42\""), provisioner);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(unknown.json().has("Resources")).isFalse();
        Reply malformed = get(filter("userName eq"), provisioner);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("scimType").asText()).isEqualTo("invalidFilter");
        String complex = String.join(" or ", java.util.Collections.nCopies(25, "userName eq \"a\""));
        Reply tooComplex = get(filter(complex), provisioner);
        assertThat(tooComplex.status()).isEqualTo(400);
        assertThat(tooComplex.json().path("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(tooComplex.json().has("Resources")).isFalse();
    }

    @Test
    void sortsAndPages() {
        Reply page = get("Users?sortBy=userName&sortOrder=descending&startIndex=2&count=2", provisioner);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("startIndex").asInt()).isEqualTo(2);
        assertThat(page.json().path("itemsPerPage").asInt()).isEqualTo(2);
        // the expected order is computed here, from an unsorted listing: userName is not case-exact
        List<String> all = new ArrayList<>(userNames(get("Users", provisioner)));
        all.sort(String.CASE_INSENSITIVE_ORDER.reversed());
        assertThat(all.size()).isGreaterThanOrEqualTo(5);
        assertThat(userNames(page)).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(get("Users?count=0", provisioner).json().path("Resources").size()).isZero();
    }

    @Test
    void selectsAttributes() {
        JsonNode an = get(filter("userName eq \"an.peeters\"") + "&attributes=userName", provisioner)
                .json().path("Resources").get(0);
        assertThat(an.has("userName")).isTrue();
        assertThat(an.has("id")).isTrue();
        assertThat(an.has("name")).isFalse();
        JsonNode without = get(filter("userName eq \"an.peeters\"") + "&excludedAttributes=emails", provisioner)
                .json().path("Resources").get(0);
        assertThat(without.has("emails")).isFalse();
        assertThat(without.has("name")).isTrue();
    }

    @Test
    void searchesWithPostDotSearch() {
        Reply reply = server.send("POST", "Users/.search", provisioner, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"userName sw \\"els\\"","attributes":["userName"]}""", Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(userNames(reply)).containsExactly("els.jacobs");
    }

    @Test
    void createsThenRefusesADuplicateUserName() {
        Reply created = server.send("POST", "Users", provisioner, user("new.person", "Person",
                ",\"" + ENTERPRISE + "\":{\"employeeNumber\":\"E-1\"}")
                .replace("\"" + TOEGANG + "\"]", "\"" + TOEGANG + "\",\"" + ENTERPRISE + "\"]"), Map.of());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/Users/" + created.json().path("id").asText());
        assertThat(created.header("ETag")).isEqualTo(created.json().path("meta").path("version").asText());
        assertThat(created.json().path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("E-1");
        String id = created.json().path("id").asText();
        assertThat(get("Users/" + id, provisioner).json().path("meta").path("version").asText())
                .isEqualTo(created.json().path("meta").path("version").asText());

        Reply duplicate = server.send("POST", "Users", provisioner, user("NEW.person", "Other", ""), Map.of());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(duplicate.json().has("id")).isFalse();
        assertThat(userNames(get(filter("userName eq \"new.person\""), provisioner))).containsExactly("new.person");
        assertThat(get(filter("name.familyName eq \"Other\""), provisioner).json().path("totalResults").asInt()).isZero();
    }

    @Test
    void validatesNationalRegisterAndKboNumbers() {
        Reply badNumber = server.send("POST", "Users", provisioner, user("bad.number", "Number",
                ",\"" + TOEGANG + "\":{\"nationalRegisterNumber\":\"85031212363\"}"), Map.of());
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(badNumber.json().path("detail").asText()).contains("nationalRegisterNumber");

        Reply badKbo = server.send("POST", "Users", provisioner, user("bad.kbo", "Kbo",
                ",\"" + TOEGANG + "\":{\"legalRepresentativeOf\":[\"0900000148\"]}"), Map.of());
        assertThat(badKbo.status()).isEqualTo(400);
        assertThat(badKbo.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(get(filter("userName sw \"bad.\""), provisioner).json().path("totalResults").asInt()).isZero();

        Reply good = server.send("POST", "Users", provisioner, user("good.number", "Number",
                ",\"" + TOEGANG + "\":{\"nationalRegisterNumber\":\"03052008821\",\"legalRepresentativeOf\":[\"0900.000.147\"]}"),
                Map.of());
        assertThat(good.status()).isEqualTo(409); // Dina holds that number already
        assertThat(get(filter("userName eq \"good.number\""), provisioner).json().path("totalResults").asInt()).isZero();
        Reply fresh = server.send("POST", "Users", provisioner, user("good.kbo", "Kbo",
                ",\"" + TOEGANG + "\":{\"legalRepresentativeOf\":[\"0900.000.147\"]}"), Map.of());
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.json().path(TOEGANG).path("legalRepresentativeOf").get(0).asText()).isEqualTo("0900000147");
    }

    @Test
    void replacesOnlyWithTheCurrentVersion() {
        Reply created = server.send("POST", "Users", provisioner, user("put.person", "Before", ""), Map.of());
        String id = created.json().path("id").asText();
        String version = created.header("ETag");
        Reply replaced = server.send("PUT", "Users/" + id, provisioner, user("put.person", "After", ""),
                Map.of("If-Match", version));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("name").path("familyName").asText()).isEqualTo("After");
        assertThat(replaced.header("ETag")).isNotEqualTo(version);

        Reply stale = server.send("PUT", "Users/" + id, provisioner, user("put.person", "Stale", ""),
                Map.of("If-Match", version));
        assertThat(stale.status()).isEqualTo(412);
        Reply staleDelete = server.send("DELETE", "Users/" + id, provisioner, null, Map.of("If-Match", version));
        assertThat(staleDelete.status()).isEqualTo(412);
        JsonNode kept = get("Users/" + id, provisioner).json();
        assertThat(kept.path("name").path("familyName").asText()).isEqualTo("After");
        assertThat(kept.path("meta").path("version").asText()).isEqualTo(replaced.header("ETag"));

        Reply notModified = server.send("GET", "Users/" + id, provisioner, null,
                Map.of("If-None-Match", replaced.header("ETag")));
        assertThat(notModified.status()).isEqualTo(304);
    }

    @Test
    void patchesWithValuePathsAndRefusesReadOnlyTargets() {
        String id = server.send("POST", "Users", provisioner, user("patch.person", "Patch", ""), Map.of())
                .json().path("id").asText();
        Reply patched = server.send("PATCH", "Users/" + id, provisioner, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"replace","path":"name.givenName","value":"Patched"},
                  {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"patched@example.org"},
                  {"op":"add","value":{"title":"Engineer"}}]}""", Map.of());
        assertThat(patched.status()).isEqualTo(200);
        JsonNode user = get("Users/" + id, provisioner).json();
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("Patched");
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("patched@example.org");
        assertThat(user.path("title").asText()).isEqualTo("Engineer");

        Reply removed = server.send("PATCH", "Users/" + id, provisioner, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"remove","path":"title"}]}""", Map.of());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(get("Users/" + id, provisioner).json().has("title")).isFalse();

        Reply readOnly = server.send("PATCH", "Users/" + id, provisioner, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"replace","path":"id","value":"other"}]}""", Map.of());
        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.json().path("scimType").asText()).isEqualTo("mutability");
        assertThat(get("Users/" + id, provisioner).status()).isEqualTo(200);
        assertThat(get("Users/other", provisioner).status()).isEqualTo(404);
    }

    @Test
    void deletes() {
        String id = server.send("POST", "Users", provisioner, user("delete.person", "Delete", ""), Map.of())
                .json().path("id").asText();
        assertThat(server.send("DELETE", "Users/" + id, provisioner, null, Map.of()).status()).isEqualTo(204);
        Reply gone = get("Users/" + id, provisioner);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("status").asText()).isEqualTo("404");
    }

    @Test
    void runsBulkWithBulkIdReferencesAndFailOnErrors() {
        Reply bulk = server.send("POST", "Bulk", provisioner, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":1,"Operations":[
                  {"method":"POST","path":"/Users","bulkId":"one","data":%s},
                  {"method":"PATCH","path":"/Users/bulkId:one","data":{
                     "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","path":"title","value":"Bulk"}]}},
                  {"method":"POST","path":"/Users","bulkId":"two","data":%s},
                  {"method":"POST","path":"/Users","bulkId":"three","data":%s}]}"""
                .formatted(user("bulk.one", "One", ""), user("bulk.one", "Again", ""), user("bulk.three", "Three", "")),
                Map.of());
        assertThat(bulk.status()).isEqualTo(200);
        JsonNode results = bulk.json().path("Operations");
        assertThat(results).hasSize(3); // stopped after the first error
        assertThat(results.get(0).path("status").asText()).isEqualTo("201");
        assertThat(results.get(1).path("status").asText()).isEqualTo("200");
        assertThat(results.get(2).path("status").asText()).isEqualTo("409");
        assertThat(results.get(2).path("response").path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(userNames(get(filter("title eq \"Bulk\""), provisioner))).containsExactly("bulk.one");
        assertThat(get(filter("userName eq \"bulk.three\""), provisioner).json().path("totalResults").asInt()).isZero();
    }

    @Test
    void refusesTooLargeBodies() {
        String large = user("large.person", "x".repeat(70 * 1024), "");
        Reply refused = server.send("POST", "Users", provisioner, large, Map.of());
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().has("id")).isFalse();
        assertThat(get(filter("userName eq \"large.person\""), provisioner).json().path("totalResults").asInt()).isZero();
    }

    @Test
    void discoveryTellsWhatIsSupported() {
        JsonNode config = get("ServiceProviderConfig", null).json();
        assertThat(config.path("filter").path("supported").asBoolean()).isTrue();
        assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(200);
        assertThat(config.path("bulk").path("maxOperations").asInt()).isEqualTo(10);
        assertThat(config.path("etag").path("supported").asBoolean()).isTrue();
        assertThat(config.path("changePassword").path("supported").asBoolean()).isFalse();
        assertThat(config.path("authenticationSchemes").get(0).path("type").asText()).isEqualTo("oauthbearertoken");

        List<String> types = new ArrayList<>();
        get("ResourceTypes", null).json().path("Resources").forEach(type -> types.add(type.path("name").asText()));
        assertThat(types).containsExactlyInAnyOrder("User", "Group", "Organisation");
        List<String> schemas = new ArrayList<>();
        get("Schemas", null).json().path("Resources").forEach(schema -> schemas.add(schema.path("id").asText()));
        assertThat(schemas).contains("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE, TOEGANG,
                "urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThat(get("Schemas/" + TOEGANG, null).status()).isEqualTo(200);
    }

    @Test
    void groupsShowWhoHoldsWhichRightPerApplication() {
        Reply geo = get("Groups", server.token("dv_geoportaal", List.of()));
        assertThat(geo.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        geo.json().path("Resources").forEach(group -> names.add(group.path("displayName").asText()));
        assertThat(names).containsExactlyInAnyOrder("dv_geoportaal GeoGebruiker-editor:OVO900001",
                "dv_geoportaal GeoGebruiker-lezer:OVO900001", "dv_geoportaal GeoGebruiker-lezer:0900000147");
        Reply filtered = get("Groups?filter=" + URLEncoder.encode("displayName co \"Loket\"", StandardCharsets.UTF_8),
                provisioner);
        assertThat(filtered.json().path("totalResults").asInt()).isGreaterThanOrEqualTo(3);
        String id = geo.json().path("Resources").get(0).path("id").asText();
        assertThat(get("Groups/" + id, provisioner).status()).isEqualTo(200);
        String before = get("Groups/" + id, provisioner).json().toString();
        for (String method : List.of("DELETE", "PUT", "PATCH")) {
            Reply write = server.send(method, "Groups/" + id, provisioner, method.equals("DELETE") ? null : """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                      {"op":"replace","path":"displayName","value":"renamed"}]}""", Map.of());
            assertThat(write.status()).as(method).isEqualTo(400);
            assertThat(write.json().path("scimType").asText()).isEqualTo("mutability");
            assertThat(write.json().path("detail").asText()).contains("delegated administration");
        }
        assertThat(get("Groups/" + id, provisioner).json().toString()).isEqualTo(before);
        Reply byReader = server.send("DELETE", "Groups/" + id, server.token("dv_geoportaal", List.of()), null, Map.of());
        assertThat(byReader.status()).isEqualTo(403);
        assertThat(server.send("DELETE", "Groups/00000000-0000-0000-0000-000000000000", provisioner, null, Map.of())
                .status()).isEqualTo(404);
        assertThat(get("Groups/" + id, provisioner).json().toString()).isEqualTo(before);
    }

    @Test
    void answersNotImplementedForMe() {
        Reply me = get("Me", provisioner);
        assertThat(me.status()).isEqualTo(501);
        assertThat(me.json().path("status").asText()).isEqualTo("501");
    }

    @Test
    void listsOrganisations() {
        Reply organisations = get("Organisations?filter=" + URLEncoder.encode("targetGroup eq \"LB\"", StandardCharsets.UTF_8)
                + "&sortBy=key", provisioner);
        assertThat(organisations.status()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        organisations.json().path("Resources").forEach(o -> keys.add(o.path("id").asText()));
        assertThat(keys).containsExactly("0900000147", "0900000345");
        assertThat(get("Organisations/OVO900001", provisioner).json().path("displayName").asText())
                .isEqualTo("Departement Demo");
    }
}
