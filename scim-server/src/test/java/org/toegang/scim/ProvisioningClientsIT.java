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

/**
 * What Microsoft Entra ID and Okta provisioning, and conformance suites, send and expect, over
 * real HTTP: externalId, deactivation, their PATCH dialects, and the RFC 7644 response forms.
 */
class ProvisioningClientsIT {
    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @TempDir
    static Path data;
    static ScimTestServer server;
    static String provisioner;

    @BeforeAll
    static void start() throws Exception {
        server = new ScimTestServer(data, new ScimLimits(200, 10_000, 20, 64 * 1024, 10));
        provisioner = server.token("scim-provisioner", List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply send(String method, String path, String body, Map<String, String> headers) {
        return server.send(method, path, provisioner, body, headers);
    }

    static Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    static String filter(String filter) {
        return "Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    static String patch(String operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":" + operations + "}";
    }

    /** A User as Entra ID posts it: externalId, active as a boolean, a work e-mail. */
    static String entraUser(String userName, String externalId) {
        return """
                {"schemas":["%s"],"externalId":"%s","userName":"%s","active":true,
                 "displayName":"Entra Person","name":{"givenName":"Entra","familyName":"Person"},
                 "emails":[{"primary":true,"type":"work","value":"%s@example.org"}]}""".formatted(
                CORE, externalId, userName, userName);
    }

    static String create(String userName, String externalId) {
        Reply created = send("POST", "Users", entraUser(userName, externalId), Map.of());
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static void assertScimJson(Reply reply) {
        assertThat(reply.header("Content-Type")).as("Content-Type of " + reply.status()).startsWith("application/scim+json");
    }

    @Test
    void storesReturnsAndFiltersOnExternalIdCaseExactly() {
        Reply created = send("POST", "Users", entraUser("ext.one", "0a1B-Entra"), Map.of());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("externalId").asText()).isEqualTo("0a1B-Entra");
        String id = created.json().path("id").asText();

        Reply found = get(filter("externalId eq \"0a1B-Entra\""));
        assertThat(found.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().path("Resources").get(0).path("id").asText()).isEqualTo(id);
        assertThat(get(filter("externalId eq \"0A1b-entra\"")).json().path("totalResults").asInt()).isZero();

        Reply patched = send("PATCH", "Users/" + id,
                patch("[{\"op\":\"Add\",\"path\":\"externalId\",\"value\":\"0a1B-Changed\"}]"), Map.of());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(get("Users/" + id).json().path("externalId").asText()).isEqualTo("0a1B-Changed");

        Reply replaced = send("PUT", "Users/" + id, entraUser("ext.one", "0a1B-Put"), Map.of());
        assertThat(replaced.json().path("externalId").asText()).isEqualTo("0a1B-Put");
        Reply withoutExternalId = send("PUT", "Users/" + id,
                entraUser("ext.one", "x").replace("\"externalId\":\"x\",", ""), Map.of());
        assertThat(withoutExternalId.json().has("externalId")).isFalse();
    }

    @Test
    void showsTheExternalIdToProvisioningClientsOnly() {
        String an = get(filter("userName eq \"an.peeters\"")).json().path("Resources").get(0).path("id").asText();
        Reply patched = send("PATCH", "Users/" + an,
                patch("[{\"op\":\"add\",\"path\":\"externalId\",\"value\":\"HR-an\"}]"), Map.of());
        assertThat(patched.json().path("externalId").asText()).isEqualTo("HR-an");
        JsonNode seenByApplication = server.send("GET", "Users/" + an, server.token("dv_geoportaal", List.of()), null,
                Map.of()).json();
        assertThat(seenByApplication.path("userName").asText()).isEqualTo("an.peeters");
        assertThat(seenByApplication.has("externalId")).isFalse();
        // nor may it filter on it: that would reveal the value one prefix at a time
        Reply filtered = server.send("GET", filter("externalId sw \"HR\""), server.token("dv_geoportaal", List.of()),
                null, Map.of());
        assertThat(filtered.status()).isEqualTo(400);
        assertThat(filtered.json().path("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(filtered.json().has("Resources")).isFalse();
    }

    @Test
    void deactivatesWithEntrasAndOktasPatchAndReactivates() {
        String id = create("active.one", "active-1");
        assertThat(get("Users/" + id).json().path("active").asBoolean()).isTrue();

        Reply entra = send("PATCH", "Users/" + id,
                patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"), Map.of());
        assertThat(entra.status()).as(entra.json().toString()).isEqualTo(200);
        assertThat(entra.json().path("active").isBoolean()).isTrue();
        assertThat(entra.json().path("active").booleanValue()).isFalse();
        assertThat(get("Users/" + id).json().path("active").booleanValue()).isFalse();
        assertThat(get(filter("active eq false")).json().path("Resources"))
                .extracting(user -> user.path("id").asText()).containsExactly(id);
        assertThat(get(filter("userName eq \"active.one\" and active eq true")).json().path("totalResults").asInt())
                .isZero();

        Reply okta = send("PATCH", "Users/" + id, patch("[{\"op\":\"replace\",\"value\":{\"active\":true}}]"), Map.of());
        assertThat(okta.status()).isEqualTo(200);
        assertThat(get("Users/" + id).json().path("active").booleanValue()).isTrue();
        send("PATCH", "Users/" + id, patch("[{\"op\":\"replace\",\"value\":{\"active\":false}}]"), Map.of());
        assertThat(get(filter("active eq false")).json().path("totalResults").asInt()).isEqualTo(1);

        Reply put = send("PUT", "Users/" + id, entraUser("active.one", "active-1").replace("\"active\":true", "\"active\":false"),
                Map.of());
        assertThat(put.json().path("active").booleanValue()).isFalse();
        Reply created = send("POST", "Users", entraUser("active.two", "active-2").replace("\"active\":true", "\"active\":false"),
                Map.of());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("active").booleanValue()).isFalse();
        assertThat(get("Users/" + created.json().path("id").asText()).json().path("active").booleanValue()).isFalse();
    }

    @Test
    void createsAUserFromAUserNameAloneAndFromNameAndMailOnly() {
        Reply bare = send("POST", "Users", "{\"schemas\":[\"" + CORE + "\"],\"userName\":\"only.username\"}", Map.of());
        assertThat(bare.status()).as(bare.json().toString()).isEqualTo(201);
        assertThat(get("Users/" + bare.json().path("id").asText()).json().path("userName").asText())
                .isEqualTo("only.username");
        Reply mailed = send("POST", "Users", """
                {"schemas":["%s"],"userName":"mail.only","displayName":"Mail Only",
                 "emails":[{"value":"mail.only@example.org"}]}""".formatted(CORE), Map.of());
        assertThat(mailed.status()).as(mailed.json().toString()).isEqualTo(201);
        JsonNode read = get("Users/" + mailed.json().path("id").asText()).json();
        assertThat(read.path("displayName").asText()).isEqualTo("Mail Only");
        assertThat(read.path("emails").get(0).path("value").asText()).isEqualTo("mail.only@example.org");
        assertThat(get(filter("userName eq \"mail.only\" and displayName eq \"Mail Only\"")).json()
                .path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void findsAUserNameWhateverItsCase() {
        Reply reply = get(filter("userName eq \"An.Peeters\""));
        assertThat(reply.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(reply.json().path("Resources").get(0).path("userName").asText()).isEqualTo("an.peeters");
    }

    @Test
    void patchesValuePathsValueObjectsAndRemovesByValueFilter() {
        String id = create("paths.one", "paths-1");
        Reply mail = send("PATCH", "Users/" + id, patch("""
                [{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"new@example.org"},
                 {"op":"Replace","path":"name.givenName","value":"Renamed"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"E7"}]"""),
                Map.of());
        assertThat(mail.status()).as(mail.json().toString()).isEqualTo(200);
        JsonNode user = get("Users/" + id).json();
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("new@example.org");
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("Renamed");
        assertThat(user.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("employeeNumber").asText())
                .isEqualTo("E7");

        Reply noPath = send("PATCH", "Users/" + id,
                patch("[{\"op\":\"replace\",\"value\":{\"displayName\":\"Shown\",\"title\":\"Boss\"}}]"), Map.of());
        assertThat(noPath.status()).isEqualTo(200);
        assertThat(noPath.json().path("displayName").asText()).isEqualTo("Shown");
        assertThat(noPath.json().path("title").asText()).isEqualTo("Boss");

        Reply removed = send("PATCH", "Users/" + id,
                patch("[{\"op\":\"remove\",\"path\":\"emails[value eq \\\"new@example.org\\\"]\"}]"), Map.of());
        assertThat(removed.status()).as(removed.json().toString()).isEqualTo(200);
        assertThat(get("Users/" + id).json().has("emails")).isFalse();

        Reply added = send("PATCH", "Users/" + id,
                patch("[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"back@example.org\",\"type\":\"work\"}]}]"),
                Map.of());
        assertThat(added.status()).isEqualTo(200);
        assertThat(get("Users/" + id).json().path("emails").get(0).path("value").asText()).isEqualTo("back@example.org");
    }

    @Test
    void appliesAValueWithoutPathWhoseKeysArePathsAsEntraSendsIt() {
        String id = create("dotted.one", "dotted-1");
        Reply patched = send("PATCH", "Users/" + id, patch("""
                [{"op":"Add","value":{"emails[type eq \\"work\\"].value":"dotted@example.org","name.givenName":"Dotted",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Ops","active":"False",
                  "title":"Lead"}}]"""), Map.of());
        assertThat(patched.status()).as(patched.json().toString()).isEqualTo(200);
        JsonNode user = get("Users/" + id).json();
        assertThat(user.path("emails")).hasSize(1);
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("dotted@example.org");
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("Dotted");
        assertThat(user.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("department").asText())
                .isEqualTo("Ops");
        assertThat(user.path("active").asBoolean(true)).isFalse();
        assertThat(user.path("title").asText()).isEqualTo("Lead");
        assertThat(get(filter("emails.value eq \"dotted@example.org\"")).json().path("Resources"))
                .extracting(found -> found.path("id").asText()).containsExactly(id);
    }

    @Test
    void addsToAnExistingFilteredValueAsEntraDoesByReplacingIt() {
        String id = create("add.one", "add-1");
        Reply added = send("PATCH", "Users/" + id, patch("""
                [{"op":"Add","path":"emails[type eq \\"work\\"].value","value":"added@example.org"}]"""), Map.of());
        assertThat(added.status()).as(added.json().toString()).isEqualTo(200);
        assertThat(added.json().path("emails")).hasSize(1);
        assertThat(added.json().path("emails").get(0).path("value").asText()).isEqualTo("added@example.org");
    }

    @Test
    void acceptsEntrasDefaultAttributeMappingsIncludingThoseNotStored() {
        String id = create("mapped.one", "mapped-1");
        Reply patched = send("PATCH", "Users/" + id, patch("""
                [{"op":"Add","path":"phoneNumbers[type eq \\"work\\"].value","value":"+32 2 000 00 00"},
                 {"op":"Add","path":"addresses[type eq \\"work\\"].locality","value":"Gent"},
                 {"op":"Add","path":"preferredLanguage","value":"nl-BE"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"m-1"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"ICT"},
                 {"op":"Add","path":"roles","value":[{"primary":"False","type":"WindowsAzureActiveDirectoryRole","value":"User"}]},
                 {"op":"Replace","path":"displayName","value":"Mapped One"}]"""), Map.of());
        assertThat(patched.status()).as(patched.json().toString()).isEqualTo(200);
        JsonNode user = get("Users/" + id).json();
        assertThat(user.path("displayName").asText()).isEqualTo("Mapped One");
        assertThat(user.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("department").asText())
                .isEqualTo("ICT");
    }

    @Test
    void pagesFromOneAndAnswersCountZeroWithTheTotalOnly() {
        Reply zero = get("Users?count=0");
        assertThat(zero.status()).isEqualTo(200);
        assertThat(zero.json().path("totalResults").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(zero.json().path("Resources").size()).isZero();
        assertThat(zero.json().path("itemsPerPage").asInt()).isZero();
        // the first user name is computed here, from an unsorted listing, not taken from the sorted answer
        List<String> listed = new ArrayList<>();
        get("Users").json().path("Resources").forEach(user -> listed.add(user.path("userName").asText()));
        String first = listed.stream().min(String.CASE_INSENSITIVE_ORDER).orElseThrow();
        for (String startIndex : List.of("0", "-4")) {
            Reply page = get("Users?sortBy=userName&count=1&startIndex=" + startIndex);
            assertThat(page.json().path("startIndex").asInt()).isEqualTo(1);
            assertThat(page.json().path("Resources")).hasSize(1);
            assertThat(page.json().path("Resources").get(0).path("userName").asText()).isEqualTo(first);
        }
        JsonNode names = get("Users?attributes=userName&count=3").json().path("Resources");
        assertThat(names).hasSize(3).allSatisfy(user -> {
            assertThat(user.has("userName")).isTrue();
            assertThat(user.has("id")).isTrue();
            assertThat(user.has("name")).isFalse();
            assertThat(user.has("emails")).isFalse();
        });
    }

    @Test
    void answersAnUnknownIdWith404AndAStringStatusInScimJson() {
        Reply missing = get("Users/00000000-0000-0000-0000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertScimJson(missing);
        assertThat(missing.json().path("status").isTextual()).isTrue();
        assertThat(missing.json().path("status").asText()).isEqualTo("404");
        assertThat(missing.json().has("scimType")).isFalse();
        assertThat(missing.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void answersEveryErrorInScimJson() {
        Reply invalid = get(filter("userName eq"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("scimType").asText()).isEqualTo("invalidFilter");
        assertScimJson(invalid);
        Reply unauthenticated = server.send("GET", "Users", null, null, Map.of());
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertScimJson(unauthenticated);
        Reply noEndpoint = get("Gadgets");
        assertThat(noEndpoint.status()).isEqualTo(404);
        assertScimJson(noEndpoint);
        Reply conflict = send("POST", "Users", entraUser("an.peeters", "dup"), Map.of());
        assertThat(conflict.status()).isEqualTo(409);
        assertScimJson(conflict);
        Reply badJson = send("POST", "Users", "{\"userName\":", Map.of());
        assertThat(badJson.status()).isEqualTo(400);
        assertScimJson(badJson);
        Reply wrongType = server.send("POST", "Users", provisioner, "userName=x", Map.of("Content-Type", "text/plain"));
        assertThat(wrongType.status()).isEqualTo(415);
        assertScimJson(wrongType);
    }

    @Test
    void answersSuccessInScimJsonWithAbsoluteLocations() {
        Reply created = send("POST", "Users", entraUser("location.one", "loc-1"), Map.of());
        assertThat(created.status()).isEqualTo(201);
        assertScimJson(created);
        assertThat(created.header("ETag")).isNotBlank().isEqualTo(created.json().path("meta").path("version").asText());
        String location = created.header("Location");
        assertThat(location).startsWith("http://").endsWith("/Users/" + created.json().path("id").asText());
        assertThat(created.json().path("meta").path("location").asText()).isEqualTo(location);
        Reply read = get("Users/" + created.json().path("id").asText());
        assertScimJson(read);
        assertThat(read.json().path("meta").path("location").asText()).isEqualTo(location);
        assertThat(read.json().path("meta").path("resourceType").asText()).isEqualTo("User");
        assertThat(get("Users?count=1").json().path("Resources").get(0).path("meta").path("location").asText())
                .startsWith("http://");
        for (String path : List.of("Users?count=1", "Users/" + created.json().path("id").asText(), "Schemas",
                "ServiceProviderConfig", "Users/nobody")) {
            assertScimJson(send("GET", path, null, Map.of("Accept", "application/json")));
        }
    }

    @Test
    void acceptsWeakAndStrongFormsOfTheCurrentEntityTag() {
        String id = create("etag.one", "etag-1");
        String weak = get("Users/" + id).header("ETag");
        assertThat(weak).startsWith("W/\"");
        Reply withWeak = send("PATCH", "Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"A\"}]"),
                Map.of("If-Match", weak));
        assertThat(withWeak.status()).isEqualTo(200);
        String strong = withWeak.header("ETag").substring(2);
        Reply withStrong = send("PATCH", "Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"B\"}]"),
                Map.of("If-Match", strong));
        assertThat(withStrong.status()).isEqualTo(200);
        Reply stale = send("PATCH", "Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"C\"}]"),
                Map.of("If-Match", strong));
        assertThat(stale.status()).isEqualTo(412);
        assertScimJson(stale);
        assertThat(send("GET", "Users/" + id, null, Map.of("If-None-Match", withStrong.header("ETag").substring(2)))
                .status()).isEqualTo(304);
    }

    @Test
    void describesItselfTruthfully() {
        Reply config = server.send("GET", "ServiceProviderConfig", null, null, Map.of());
        assertScimJson(config);
        JsonNode spc = config.json();
        assertThat(spc.path("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(spc.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("bulk").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("bulk").path("maxOperations").asInt()).isEqualTo(10);
        assertThat(spc.path("bulk").path("maxPayloadSize").asInt()).isEqualTo(64 * 1024);
        assertThat(spc.path("filter").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("filter").path("maxResults").asInt()).isEqualTo(200);
        assertThat(spc.path("changePassword").path("supported").asBoolean()).isFalse();
        assertThat(spc.path("sort").path("supported").asBoolean()).isTrue();
        assertThat(spc.path("etag").path("supported").asBoolean()).isTrue();
        JsonNode bearer = spc.path("authenticationSchemes").get(0);
        assertThat(bearer.path("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(bearer.path("name").asText()).isNotBlank();
        assertThat(bearer.path("description").asText()).isNotBlank();

        Reply schemas = get("Schemas");
        assertScimJson(schemas);
        assertThat(schemas.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(schemas.json().path("totalResults").asInt()).isEqualTo(schemas.json().path("Resources").size());
        JsonNode user = get("Schemas/" + CORE).json();
        assertThat(user.path("id").asText()).isEqualTo(CORE);
        assertThat(user.path("attributes")).extracting(attribute -> attribute.path("name").asText())
                .contains("userName", "active");

        Reply types = get("ResourceTypes");
        assertThat(types.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        Reply userType = get("ResourceTypes/User");
        assertThat(userType.status()).isEqualTo(200);
        assertThat(userType.json().path("endpoint").asText()).isEqualTo("/Users");
        assertThat(userType.json().path("schema").asText()).isEqualTo(CORE);
        assertThat(get("Schemas/urn:nothing").status()).isEqualTo(404);
        assertThat(get("ResourceTypes/Nothing").status()).isEqualTo(404);
    }
}
