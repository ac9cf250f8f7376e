package org.toegang.scim.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.scim.users.UsersEndpoint;

class PatchRequestsTest {
    static PatchRequest read(String operations) throws Exception {
        ObjectNode body = (ObjectNode) JsonUtils.getObjectReader().readTree(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}");
        return PatchRequests.read(body, UsersEndpoint.DEFINITION);
    }

    static ObjectNode applied(PatchRequest patch) throws Exception {
        GenericScimResource user = new GenericScimResource((ObjectNode) JsonUtils.getObjectReader()
                .readTree("{\"userName\":\"a\",\"active\":true,\"title\":\"T\"}"));
        patch.apply(user);
        return user.getObjectNode();
    }

    @ParameterizedTest(name = "accepts op {0}")
    @ValueSource(strings = {"Replace", "REPLACE", "replace"})
    void acceptsOperationNamesInAnyCaseAsEntraSendsThem(String op) throws Exception {
        PatchRequest patch = read("[{\"op\":\"" + op + "\",\"path\":\"title\",\"value\":\"New\"}]");
        assertThat(patch.getOperations().get(0).getOpType()).isEqualTo(PatchOpType.REPLACE);
        assertThat(applied(patch).path("title").asText()).isEqualTo("New");
    }

    @Test
    void turnsABooleanSentAsAStringIntoABooleanForBooleanAttributesOnly() throws Exception {
        ObjectNode entra = applied(read("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"));
        assertThat(entra.path("active").isBoolean()).isTrue();
        assertThat(entra.path("active").booleanValue()).isFalse();
        ObjectNode noPath = applied(read("[{\"op\":\"replace\",\"value\":{\"active\":\"TRUE\",\"title\":\"false\"}}]"));
        assertThat(noPath.path("active").booleanValue()).isTrue();
        assertThat(noPath.path("title").isTextual()).isTrue(); // a string attribute keeps its string
        ObjectNode okta = applied(read("[{\"op\":\"replace\",\"value\":{\"active\":false}}]"));
        assertThat(okta.path("active").booleanValue()).isFalse();
    }

    @Test
    void wrapsAManagerSentAsABareIdAsEntraSendsIt() throws Exception {
        PatchRequest patch = read("[{\"op\":\"Add\",\"path\":"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\",\"value\":\"m-1\"}]");
        assertThat(patch.getOperations().get(0).getJsonNode().path("value").asText()).isEqualTo("m-1");
    }

    @Test
    void splitsAValueWithoutPathWhoseKeysArePathsIntoOneOperationPerPathAsEntraSendsIt() throws Exception {
        PatchRequest patch = read("""
                [{"op":"Add","value":{"title":"Boss","name.givenName":"An","emails[type eq \\"work\\"].value":"an@x.org",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"ICT","active":"False",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"division":"Zorg"}}}]""");

        assertThat(patch.getOperations()).extracting(operation -> String.valueOf(operation.getPath())).containsExactly(
                "null", "name.givenName", "emails[type eq \"work\"].value",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
        ObjectNode user = applied(patch);
        assertThat(user.path("title").asText()).isEqualTo("Boss");
        assertThat(user.path("active").isBoolean()).isTrue();
        assertThat(user.path("active").booleanValue()).isFalse();
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("An");
        assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("an@x.org");
        assertThat(user.path("emails").get(0).path("type").asText()).isEqualTo("work");
        JsonNode enterprise = user.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(enterprise.path("department").asText()).isEqualTo("ICT");
        assertThat(enterprise.path("division").asText()).isEqualTo("Zorg");
    }

    @Test
    void keepsRefusingARemoveWithoutPathWhateverItsValueNames() {
        assertThatThrownBy(() -> read("[{\"op\":\"remove\",\"value\":{\"name.givenName\":\"An\"}}]"))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).getScimError().getScimType()).isEqualTo("noTarget"));
    }

    @Test
    void leavesOtherStringsForTheSchemaCheckToRefuse() throws Exception {
        PatchRequest patch = read("[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"no\"}]");
        assertThat(patch.getOperations().get(0).getJsonNode().isTextual()).isTrue();
    }

    @Test
    void addsToAFilteredValueThatExistsByReplacingItAndCreatesItOtherwise() throws Exception {
        PatchRequest patch = read("[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"new@x.org\"}]");
        GenericScimResource existing = new GenericScimResource((ObjectNode) JsonUtils.getObjectReader().readTree(
                "{\"userName\":\"a\",\"emails\":[{\"value\":\"old@x.org\",\"type\":\"work\"}]}"));
        PatchRequests.effective(patch, existing.getObjectNode()).apply(existing);
        assertThat(existing.getObjectNode().path("emails")).hasSize(1);
        assertThat(existing.getObjectNode().path("emails").get(0).path("value").asText()).isEqualTo("new@x.org");

        GenericScimResource without = new GenericScimResource((ObjectNode) JsonUtils.getObjectReader().readTree(
                "{\"userName\":\"a\"}"));
        PatchRequests.effective(patch, without.getObjectNode()).apply(without);
        assertThat(without.getObjectNode().path("emails").get(0).path("value").asText()).isEqualTo("new@x.org");
        assertThat(without.getObjectNode().path("emails").get(0).path("type").asText()).isEqualTo("work");
    }

    @Test
    void refusesABodyWithoutOperations() {
        assertThatThrownBy(() -> read("[]")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Operations");
        assertThatThrownBy(() -> read("[{\"op\":\"frobnicate\",\"path\":\"title\"}]"))
                .isInstanceOf(BadRequestException.class);
    }
}
