package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/**
 * PATCH (RFC 7644 §3.5.2) over real HTTP: every path form, and the RFC's {@code scimType} for
 * each kind of error, with the resource unchanged after every refusal.
 */
class PatchPathsIT {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String TOEGANG = "urn:toegang:params:scim:schemas:extension:toegang:2.0:User";

    @TempDir
    static Path data;
    static ScimTestServer server;
    static String provisioner;

    @BeforeAll
    static void start() throws Exception {
        server = new ScimTestServer(data, ScimLimits.DEFAULTS);
        provisioner = server.token("scim-provisioner", List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply send(String method, String path, String body) {
        return server.send(method, path, provisioner, body, Map.of());
    }

    static Reply patch(String id, String operations) {
        return send("PATCH", "Users/" + id, ProvisioningClientsIT.patch(operations));
    }

    static String create(String userName) {
        Reply created = send("POST", "Users", ProvisioningClientsIT.entraUser(userName, "x-" + userName));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** The status and scimType are as expected, no resource came back, and the stored user is unchanged. */
    static void assertRefused(SoftAssertions softly, String id, String operations, int status, String scimType) {
        JsonNode before = send("GET", "Users/" + id, null).json();
        Reply refused = patch(id, operations);
        String said = operations + " -> " + refused.json();
        softly.assertThat(refused.status()).as(said).isEqualTo(status);
        softly.assertThat(refused.json().path("scimType").asText()).as(said).isEqualTo(scimType);
        softly.assertThat(refused.json().path("detail").asText()).as(said).isNotBlank();
        softly.assertThat(refused.json().has("userName")).as(said).isFalse();
        softly.assertThat(refused.json().has("id")).as(said).isFalse();
        softly.assertThat(send("GET", "Users/" + id, null).json()).as(said).isEqualTo(before);
    }

    @Test
    void replacesAddsAndRemovesThroughFilteredMultiValuedPaths() {
        String id = create("patch.filtered");
        Reply replaced = patch(id, """
                [{"op":"replace","path":"emails[type eq \\"work\\"].value","value":"filtered@example.org"}]""");
        assertThat(replaced.status()).as(replaced.json().toString()).isEqualTo(200);
        assertThat(replaced.json().path("emails")).hasSize(1);
        assertThat(replaced.json().at("/emails/0/value").asText()).isEqualTo("filtered@example.org");
        assertThat(replaced.json().at("/emails/0/type").asText()).isEqualTo("work");

        Reply unmatched = patch(id, """
                [{"op":"replace","path":"emails[type eq \\"home\\"].value","value":"home@example.org"}]""");
        assertThat(unmatched.status()).as(unmatched.json().toString()).isEqualTo(400);
        assertThat(unmatched.json().path("scimType").asText()).isEqualTo("noTarget");

        Reply removed = patch(id, """
                [{"op":"remove","path":"emails[value eq \\"filtered@example.org\\"]"}]""");
        assertThat(removed.status()).as(removed.json().toString()).isEqualTo(200);
        assertThat(removed.json().has("emails")).isFalse();
        assertThat(send("GET", "Users/" + id, null).json().has("emails")).isFalse();
    }

    @Test
    void addsToASubAttributeAndToAnExtension() {
        String id = create("patch.sub");
        Reply added = patch(id, """
                [{"op":"add","path":"name.givenName","value":"Added"},
                 {"op":"add","path":"%s:legalRepresentativeOf","value":["0900000246"]},
                 {"op":"add","path":"%s:department","value":"Sub"}]""".formatted(TOEGANG, ENTERPRISE));
        assertThat(added.status()).as(added.json().toString()).isEqualTo(200);
        JsonNode user = send("GET", "Users/" + id, null).json();
        assertThat(user.at("/name/givenName").asText()).isEqualTo("Added");
        assertThat(user.at("/name/familyName").asText()).isEqualTo("Person");
        assertThat(user.path(ENTERPRISE).path("department").asText()).isEqualTo("Sub");
        assertThat(user.path(TOEGANG).path("legalRepresentativeOf")).extracting(JsonNode::asText)
                .containsExactly("0900000246");

        Reply removedValue = patch(id, """
                [{"op":"remove","path":"%s:legalRepresentativeOf[value eq \\"0900000246\\"]"}]""".formatted(TOEGANG));
        assertThat(removedValue.status()).as(removedValue.json().toString()).isEqualTo(200);
        assertThat(send("GET", "Users/" + id, null).json().path(TOEGANG).has("legalRepresentativeOf")).isFalse();

        Reply removedSub = patch(id, "[{\"op\":\"remove\",\"path\":\"name.givenName\"}]");
        assertThat(removedSub.status()).isEqualTo(200);
        assertThat(send("GET", "Users/" + id, null).json().at("/name").has("givenName")).isFalse();
    }

    @Test
    void answersEachKindOfErrorWithTheRfcsScimTypeAndChangesNothing() {
        String id = create("patch.errors");
        SoftAssertions softly = new SoftAssertions();
        // noTarget: a remove without a path, a filter that matches nothing
        assertRefused(softly, id, "[{\"op\":\"remove\"}]", 400, "noTarget");
        assertRefused(softly, id, "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}]", 400, "noTarget");
        // invalidPath: a path that does not parse, an attribute that does not exist
        assertRefused(softly, id, "[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]", 400, "invalidPath");
        assertRefused(softly, id, "[{\"op\":\"replace\",\"path\":\"shoeSize\",\"value\":\"42\"}]", 400, "invalidPath");
        assertRefused(softly, id, "[{\"op\":\"add\",\"path\":\"name.shoeSize\",\"value\":\"42\"}]", 400, "invalidPath");
        // invalidValue: a value of the wrong type, a national register number that fails its check
        assertRefused(softly, id, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"perhaps\"}]", 400, "invalidValue");
        assertRefused(softly, id, "[{\"op\":\"replace\",\"path\":\"name\",\"value\":42}]", 400, "invalidValue");
        assertRefused(softly, id, "[{\"op\":\"add\",\"path\":\"%s:nationalRegisterNumber\",\"value\":\"85031212363\"}]"
                .formatted(TOEGANG), 400, "invalidValue");
        assertRefused(softly, id, "[{\"op\":\"replace\",\"path\":\"title\"}]", 400, "invalidValue");
        // mutability: a read-only attribute; the second operation must not take effect either
        assertRefused(softly, id, """
                [{"op":"replace","path":"title","value":"Changed"},{"op":"replace","path":"id","value":"x"}]""",
                400, "mutability");
        assertRefused(softly, id, "[{\"op\":\"replace\",\"path\":\"%s:directoryId\",\"value\":\"x\"}]".formatted(TOEGANG),
                400, "mutability");
        assertRefused(softly, id, "[{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"g\"}]}]", 400, "mutability");
        // invalidSyntax: an unknown op, no Operations, an operation that is not an object
        assertRefused(softly, id, "[{\"op\":\"merge\",\"path\":\"title\",\"value\":\"x\"}]", 400, "invalidSyntax");
        assertRefused(softly, id, "[\"replace\"]", 400, "invalidSyntax");
        Reply noOperations = send("PATCH", "Users/" + id,
                "{\"schemas\":[\"" + ProvisioningClientsIT.PATCH_OP + "\"]}");
        softly.assertThat(noOperations.status()).isEqualTo(400);
        softly.assertThat(noOperations.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        Reply wrongSchema = send("PATCH", "Users/" + id,
                "{\"schemas\":[\"urn:nothing\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}");
        softly.assertThat(wrongSchema.status()).as(wrongSchema.json().toString()).isEqualTo(400);
        softly.assertThat(wrongSchema.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        softly.assertThat(send("GET", "Users/" + id, null).json().has("title")).isFalse();
        softly.assertAll();
    }

    @Test
    void answers404ForAPatchOfAUserThatDoesNotExist() {
        Reply missing = patch("00000000-0000-0000-0000-000000000000",
                "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().has("userName")).isFalse();
        assertThat(send("GET", "Users?filter=title%20eq%20%22x%22", null).json().path("totalResults").asInt()).isZero();
    }
}
