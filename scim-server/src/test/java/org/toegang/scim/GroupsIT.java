package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.URI;
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
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/**
 * Plain groups over real HTTP, in the dialects Entra ID and Okta send, stored as groupOfNames in
 * the embedded directory; every refusal checked for its status and for nothing having changed.
 */
class GroupsIT {
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    @TempDir
    static Path data;
    static ScimTestServer server;
    static String provisioner;
    static String an;
    static String bart;

    @BeforeAll
    static void start() throws Exception {
        server = new ScimTestServer(data, ScimLimits.DEFAULTS);
        provisioner = server.token("scim-provisioner", List.of());
        an = userId("an.peeters");
        bart = userId("bart.claes");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply send(String method, String path, String body) {
        return server.send(method, path, provisioner, body, Map.of());
    }

    static String userId(String userName) {
        return send("GET", "Users?filter=" + encode("userName eq \"" + userName + "\""), null).json()
                .at("/Resources/0/id").asText();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> found(String filter) {
        Reply reply = send("GET", "Groups?filter=" + encode(filter), null);
        assertThat(reply.status()).as(filter + " -> " + reply.json()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().path("Resources").forEach(group -> ids.add(group.path("id").asText()));
        return ids;
    }

    static List<String> members(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(member -> ids.add(member.path("value").asText()));
        return ids.stream().sorted().toList();
    }

    static String create(String displayName, String externalId) {
        Reply created = send("POST", "Groups", """
                {"schemas":["%s"],"displayName":%s,"externalId":"%s","members":[]}"""
                .formatted(GROUP, ScimTestServer.JSON.valueToTree(displayName), externalId));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static Reply patch(String id, String operations) {
        return send("PATCH", "Groups/" + id, ProvisioningClientsIT.patch(operations));
    }

    /** The group's entry as the directory holds it. */
    static SearchResultEntry entry(String id) throws Exception {
        URI ldap = URI.create(server.directory.ldapUrl());
        try (LDAPConnection connection = new LDAPConnection(ldap.getHost(), ldap.getPort(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD)) {
            return connection.searchForEntry(EmbeddedDirectory.BASE_DN, SearchScope.SUB,
                    Filter.createEqualityFilter("toegangId", id), "*");
        }
    }

    @Test
    void entraCreatesAnEmptyGroupThenAddsRemovesAndRenamesWithItsPatchDialect() throws Exception {
        String id = create("Entra Sales", "entra-sales");
        JsonNode read = send("GET", "Groups/" + id, null).json();
        assertThat(read.path("displayName").asText()).isEqualTo("Entra Sales");
        assertThat(read.path("externalId").asText()).isEqualTo("entra-sales");
        assertThat(read.has("members")).isFalse();
        assertThat(read.at("/meta/created").asText()).isNotBlank();
        // stored as a standard groupOfNames; the empty group holds Keycloak's placeholder member
        SearchResultEntry stored = entry(id);
        assertThat(stored.getObjectClassValues()).contains("groupOfNames", "toegangScimGroup");
        assertThat(stored.getParentDNString()).startsWith("ou=groups,");
        assertThat(stored.getAttributeValues("member")).containsExactly("cn=empty-membership-placeholder");

        Reply added = patch(id, """
                [{"op":"Add","path":"members","value":[{"value":"%s"},{"value":"%s"}]}]""".formatted(an, bart));
        assertThat(added.status()).as(added.json().toString()).isEqualTo(200);
        assertThat(members(send("GET", "Groups/" + id, null).json())).containsExactlyInAnyOrder(an, bart);
        assertThat(entry(id).getAttributeValues("member")).hasSize(2).noneMatch(v -> v.startsWith("cn=empty"));
        JsonNode anUser = send("GET", "Users/" + an, null).json();
        List<String> anGroups = new ArrayList<>();
        anUser.path("groups").forEach(group -> anGroups.add(group.path("value").asText()));
        assertThat(anGroups).contains(id);
        // the derived rights groups are listed too: An holds GeoGebruiker-editor:OVO900001
        assertThat(anUser.path("groups")).anySatisfy(group -> assertThat(group.path("display").asText())
                .isEqualTo("dv_geoportaal GeoGebruiker-editor:OVO900001"));

        Reply removed = patch(id, """
                [{"op":"Remove","path":"members[value eq \\"%s\\"]"}]""".formatted(an));
        assertThat(removed.status()).as(removed.json().toString()).isEqualTo(200);
        assertThat(members(removed.json())).containsExactly(bart);
        // the older form: a value array on "members"; a value that is no member is already removed
        Reply removedByValue = patch(id, """
                [{"op":"Remove","path":"members","value":[{"value":"%s"},{"value":"%s"}]}]""".formatted(bart, an));
        assertThat(removedByValue.status()).as(removedByValue.json().toString()).isEqualTo(200);
        assertThat(send("GET", "Groups/" + id, null).json().has("members")).isFalse();
        assertThat(entry(id).getAttributeValues("member")).containsExactly("cn=empty-membership-placeholder");

        Reply renamed = patch(id, "[{\"op\":\"Replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"Entra Renamed\"}}]");
        assertThat(renamed.status()).as(renamed.json().toString()).isEqualTo(200);
        assertThat(send("GET", "Groups/" + id, null).json().path("displayName").asText()).isEqualTo("Entra Renamed");
        assertThat(found("displayName eq \"Entra Sales\"")).isEmpty();
        assertThat(found("displayName eq \"Entra Renamed\"")).containsExactly(id);

        Reply unmatched = patch(id, "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + an + "\\\"]\"}]");
        assertThat(unmatched.status()).isEqualTo(400);
        assertThat(unmatched.json().path("scimType").asText()).isEqualTo("noTarget");
    }

    @Test
    void replacesWithPutAndFiltersOnNameMembersExternalIdAndMeta() {
        String id = create("Okta Team", "okta-team");
        String other = create("Okta Other", "okta-other");
        Reply put = send("PUT", "Groups/" + id, """
                {"schemas":["%s"],"displayName":"Okta Team","externalId":"okta-team-2","members":[{"value":"%s"}]}"""
                .formatted(GROUP, an));
        assertThat(put.status()).as(put.json().toString()).isEqualTo(200);
        assertThat(members(put.json())).containsExactly(an);
        assertThat(put.json().path("externalId").asText()).isEqualTo("okta-team-2");
        assertThat(patch(other, "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + bart + "\"}]}]")
                .status()).isEqualTo(200);

        assertThat(found("displayName eq \"okta team\"")).containsExactly(id); // cn matches case-insensitively
        assertThat(found("displayName sw \"Okta\"")).containsExactlyInAnyOrder(id, other);
        assertThat(found("externalId eq \"okta-team-2\"")).containsExactly(id);
        assertThat(found("externalId eq \"OKTA-TEAM-2\"")).isEmpty(); // externalId is case-exact
        assertThat(found("members.value eq \"" + an + "\" and displayName sw \"Okta\"")).containsExactly(id);
        assertThat(found("members[value eq \"" + bart + "\"] and displayName sw \"Okta\"")).containsExactly(other);
        assertThat(found("members.value eq \"00000000-0000-0000-0000-000000000000\"")).isEmpty();
        String created = send("GET", "Groups/" + id, null).json().at("/meta/created").asText();
        assertThat(found("meta.created ge \"" + created + "\" and displayName sw \"Okta\"")).contains(id);
        assertThat(found("meta.lastModified lt \"2000-01-01T00:00:00Z\"")).isEmpty();
        assertThat(found("meta.resourceType eq \"Group\" and externalId pr")).contains(id, other);
        // the derived rights groups are filtered by the same filter
        assertThat(found("displayName eq \"dv_geoportaal GeoGebruiker-editor:OVO900001\"")).hasSize(1);
        assertThat(found("members.value eq \"" + an + "\"")).contains(id).hasSizeGreaterThan(1);

        Reply sorted = send("GET", "Groups?filter=" + encode("displayName sw \"Okta\"") + "&sortBy=displayName", null);
        assertThat(sorted.json().path("Resources")).extracting(g -> g.path("displayName").asText())
                .containsExactly("Okta Other", "Okta Team");
        Reply trimmed = send("GET", "Groups?filter=" + encode("displayName sw \"Okta\"") + "&excludedAttributes=members", null);
        assertThat(trimmed.json().path("Resources")).hasSize(2).allSatisfy(g -> assertThat(g.has("members")).isFalse());
        // a group's version covers its members: read without them, it has none rather than one no If-Match accepts
        assertThat(trimmed.json().path("Resources")).allSatisfy(g -> assertThat(g.at("/meta/version").isMissingNode())
                .as(g.toString()).isTrue());
        assertThat(sorted.json().path("Resources")).hasSize(2).allSatisfy(g -> assertThat(g.at("/meta/version").asText())
                .isNotEmpty().isEqualTo(send("GET", "Groups/" + g.path("id").asText(), null).json().at("/meta/version").asText()));

        Reply deleted = send("DELETE", "Groups/" + id, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(send("GET", "Groups/" + id, null).status()).isEqualTo(404);
        assertThat(found("externalId eq \"okta-team-2\"")).isEmpty();
        assertThat(send("GET", "Users/" + an, null).json().path("groups")).noneSatisfy(
                group -> assertThat(group.path("value").asText()).isEqualTo(id));
    }

    @Test
    void escapesEveryValueInFiltersAndInTheDirectory() throws Exception {
        String tricky = "R&D *)(cn=*), \\ \"quoted\" + =;<>#";
        String id = create(tricky, "x)(toegangId=*");
        assertThat(send("GET", "Groups/" + id, null).json().path("displayName").asText()).isEqualTo(tricky);
        assertThat(entry(id).getAttributeValue("cn")).isEqualTo(tricky);
        assertThat(found("displayName eq " + ScimTestServer.JSON.valueToTree(tricky))).containsExactly(id);
        assertThat(found("externalId eq \"x)(toegangId=*\"")).containsExactly(id);
        assertThat(found("displayName eq \"x\\\")(cn=*\"")).isEmpty();
        assertThat(found("members.value eq \"*\"")).isEmpty();
        assertThat(found("id eq \"*\"")).isEmpty();
        assertThat(send("GET", "Groups/" + encode("x,ou=groups"), null).status()).isEqualTo(404);
    }

    @Test
    void refusesBadGroupsAndForeignWritesAndChangesNothing() throws Exception {
        int before = send("GET", "Groups?count=0", null).json().path("totalResults").asInt();
        Reply noName = send("POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"externalId\":\"bad-1\"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().has("id")).isFalse();
        Reply unknownMember = send("POST", "Groups", """
                {"schemas":["%s"],"displayName":"Bad Members","members":[{"value":"no-such-user"}]}""".formatted(GROUP));
        assertThat(unknownMember.status()).isEqualTo(400);
        assertThat(unknownMember.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(unknownMember.json().path("detail").asText()).contains("members.value");
        Reply groupMember = send("POST", "Groups", """
                {"schemas":["%s"],"displayName":"Nested","members":[{"value":"%s","type":"Group"}]}""".formatted(GROUP, an));
        assertThat(groupMember.status()).isEqualTo(400);
        String application = server.token("dv_geoportaal", List.of());
        Reply foreign = server.send("POST", "Groups", application,
                "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Foreign\"}", Map.of());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().has("id")).isFalse();
        assertThat(send("GET", "Groups?count=0", null).json().path("totalResults").asInt()).isEqualTo(before);
        assertThat(found("displayName eq \"Foreign\" or displayName eq \"Nested\" or displayName eq \"Bad Members\""))
                .isEmpty();

        String id = create("Mine", "mine");
        // an application's client sees neither the plain group nor may change it
        Reply seen = server.send("GET", "Groups/" + id, application, null, Map.of());
        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.json().has("displayName")).isFalse();
        JsonNode listed = server.send("GET", "Groups", application, null, Map.of()).json();
        assertThat(listed.path("Resources")).isNotEmpty().noneSatisfy(g -> assertThat(g.path("id").asText()).isEqualTo(id));
        Reply foreignPatch = server.send("PATCH", "Groups/" + id, application, ProvisioningClientsIT.patch(
                "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Taken\"}]"), Map.of());
        assertThat(foreignPatch.status()).isEqualTo(403);
        assertThat(send("GET", "Groups/" + id, null).json().path("displayName").asText()).isEqualTo("Mine");
        Reply badMember = patch(id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"nobody\"}]}]");
        assertThat(badMember.status()).isEqualTo(400);
        assertThat(send("GET", "Groups/" + id, null).json().has("members")).isFalse();
        Reply readOnly = patch(id, "[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other\"}]");
        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.json().path("scimType").asText()).isEqualTo("mutability");
        assertThat(patch("00000000-0000-0000-0000-000000000000",
                "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]").status()).isEqualTo(404);
        Reply stale = send("PUT", "Groups/" + id, "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Stale\"}");
        assertThat(stale.status()).isEqualTo(200);
        Reply staleMatch = server.send("PATCH", "Groups/" + id, provisioner, ProvisioningClientsIT.patch(
                "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Late\"}]"), Map.of("If-Match", "W/\"old\""));
        assertThat(staleMatch.status()).isEqualTo(412);
        assertThat(send("GET", "Groups/" + id, null).json().path("displayName").asText()).isEqualTo("Stale");
    }

    @Test
    void runsTheBulkExampleOfTheRfcAGroupWhoseMemberIsCreatedEarlierInTheSameRequest() {
        String bulk = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[%s]}""";
        Reply written = send("POST", "Bulk", bulk.formatted("""
                {"method":"POST","path":"/Users","bulkId":"qwerty","data":{
                   "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice.bulk"}},
                {"method":"POST","path":"/Groups","bulkId":"ytrewq","data":{
                   "schemas":["%1$s"],"displayName":"Tour Guides","members":[{"type":"User","value":"bulkId:qwerty"}]}},
                {"method":"PATCH","path":"/Groups/bulkId:ytrewq","data":{
                   "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                   "Operations":[{"op":"add","path":"members","value":[{"value":"%2$s"}]}]}}""".formatted(GROUP, an)));
        assertThat(written.status()).isEqualTo(200);
        JsonNode results = written.json().path("Operations");
        assertThat(results).as(results.toString()).extracting(result -> result.path("status").asText())
                .containsExactly("201", "201", "200");
        String alice = userId("alice.bulk");
        String group = results.get(1).path("location").asText().replaceFirst(".*/Groups/", "");
        assertThat(results.get(0).path("location").asText()).endsWith("/Users/" + alice);
        JsonNode read = send("GET", "Groups/" + group, null).json();
        assertThat(read.path("displayName").asText()).isEqualTo("Tour Guides");
        assertThat(members(read)).containsExactlyInAnyOrder(alice, an);
        assertThat(results.get(2).path("version").asText()).isEqualTo(read.at("/meta/version").asText());

        String application = server.token("dv_geoportaal", List.of());
        Reply foreign = server.send("POST", "Bulk", application, bulk.formatted("""
                {"method":"POST","path":"/Groups","bulkId":"f","data":{"schemas":["%s"],"displayName":"Foreign Bulk"}},
                {"method":"DELETE","path":"/Groups/%s"}""".formatted(GROUP, group)), Map.of());
        assertThat(foreign.json().path("Operations")).extracting(result -> result.path("status").asText())
                .containsExactly("403", "403");
        assertThat(found("displayName eq \"Foreign Bulk\"")).isEmpty();
        assertThat(send("GET", "Groups/" + group, null).status()).isEqualTo(200);

        Reply deleted = send("POST", "Bulk", bulk.formatted("{\"method\":\"DELETE\",\"path\":\"/Groups/" + group + "\"}"));
        assertThat(deleted.json().at("/Operations/0/status").asText()).isEqualTo("204");
        assertThat(send("GET", "Groups/" + group, null).status()).isEqualTo(404);
    }

    @Test
    void keepsMembershipWhenAPersonIsRenamedAndDropsItWhenThePersonIsDeleted() throws Exception {
        Reply person = send("POST", "Users", ProvisioningClientsIT.entraUser("member.one", "member-1"));
        String personId = person.json().path("id").asText();
        String id = create("Renames", "renames");
        assertThat(patch(id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + personId + "\"},"
                + "{\"value\":\"" + bart + "\"}]}]").status()).isEqualTo(200);
        Reply renamed = server.send("PATCH", "Users/" + personId, provisioner, ProvisioningClientsIT.patch(
                "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"member.renamed\"}]"), Map.of());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(members(send("GET", "Groups/" + id, null).json())).containsExactlyInAnyOrder(personId, bart);
        assertThat(entry(id).getAttributeValues("member")).anyMatch(v -> v.startsWith("uid=member.renamed,"));

        assertThat(send("DELETE", "Users/" + personId, null).status()).isEqualTo(204);
        assertThat(members(send("GET", "Groups/" + id, null).json())).containsExactly(bart);
        assertThat(entry(id).getAttributeValues("member")).hasSize(1);
    }
}
