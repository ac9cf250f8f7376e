package org.toegang.scim.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.toegang.core.directory.PersonExtras;
import org.toegang.core.directory.StoredPerson;
import org.toegang.core.identifier.NationalRegisterNumber;
import org.toegang.core.model.Person;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationType;

/** The table of User attributes held against the schemas {@code /Schemas} serves, and against what reads and writes do. */
class UserSchemaTest {
    /** RFC 7643 §3.1: attributes of every resource, which no resource schema lists. */
    private static final Set<String> COMMON = Set.of("id", "externalid", "meta.created", "meta.lastmodified",
            "meta.resourcetype", "meta.version", "meta.location");

    @Test
    void everyRowNamesAnAttributeTheServedSchemasDefine() {
        assertThat(UserSchema.TABLE).hasSizeGreaterThan(40).allSatisfy(row -> assertThat(
                COMMON.contains(row.key()) || UserSchema.definition(row.key()).isPresent())
                .as("%s is defined by a User schema or common to every resource", row.path()).isTrue());
    }

    @Test
    void keepsOnlyWhatAClientMayWriteAndSearchesWhatHasADirectoryAttribute() {
        assertThat(UserSchema.kept()).isNotEmpty().allSatisfy(row -> assertThat(UserSchema.definition(row.key())
                .map(AttributeDefinition::getMutability)).as(row.path())
                .isNotEqualTo(Optional.of(AttributeDefinition.Mutability.READ_ONLY)));
        assertThat(UserSchema.TABLE).allSatisfy(row -> assertThat(row.field() != null).as(row.path())
                .isEqualTo(row.comparison().inDirectory()));
    }

    @Test
    void losesNoAttributeAClientMayWrite() {
        List<String> writable = UserSchema.definedKeys().stream().filter(key -> UserSchema.definition(key)
                .filter(attribute -> attribute.getMutability() != AttributeDefinition.Mutability.READ_ONLY
                        && (attribute.getSubAttributes() == null || attribute.getSubAttributes().isEmpty()))
                .isPresent()).toList();
        assertThat(writable).hasSizeGreaterThan(40).allSatisfy(key -> assertThat(stored(key))
                .as("%s is stored in a directory attribute or kept in the copy", key).isTrue());
    }

    /**
     * Whether the value at {@code key} is stored: in a directory attribute of its own, in the copy
     * (itself or the whole it is part of), or, for e-mail addresses, by UserExtras' own rule
     * (mail, and the copy when they say more). A password is refused, never stored.
     */
    private static boolean stored(String key) {
        if (key.equals("password") || key.startsWith("emails.")) {
            return true;
        }
        return UserSchema.TABLE.stream().anyMatch(row -> row.key().equals(key) && (row.field() != null || row.kept())
                || row.kept() && key.startsWith(row.key() + "."));
    }

    @Test
    void copiesEveryKeptAttributeExactlyAsSentAndNoTypedOne() throws Exception {
        ObjectNode user = JsonUtils.getJsonNodeFactory().objectNode().put("userName", "an.peeters").put("title", "Arts");
        for (UserSchema.Row row : UserSchema.kept()) {
            ObjectNode container = row.container().map(user::with).orElse(user);
            container.set(row.name(), valueFor(row));
        }
        PersonExtras extras = UserExtras.from(user);

        JsonNode copy = JsonUtils.getObjectReader().readTree(extras.attributes().orElseThrow());
        assertThat(UserSchema.kept()).allSatisfy(row -> assertThat(
                row.container().map(copy::path).orElse(copy).path(row.name())).as(row.path()).isEqualTo(valueFor(row)));
        assertThat(copy.has("userName")).isFalse();
        assertThat(copy.has("title")).isFalse();
    }

    @Test
    void showsAnApplicationsClientNoAttributeOnlyProvisionersMayRead() throws Exception {
        Person person = new Person("id-1", "an.peeters", "An", "Peeters", Optional.of("an@example.org"),
                Optional.of(NationalRegisterNumber.parse("85031212362")), Set.of("0900000147"));
        StoredPerson stored = new StoredPerson(person, "An Peeters", Optional.of("Arts"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(Instant.EPOCH), Optional.empty(), Optional.of("HR-1"),
                true, "v1");
        WorkRelation relation = new WorkRelation("wr-1", "id-1", "0900000147", WorkRelationType.PERMANENT,
                Validity.openEnded(Instant.EPOCH));

        JsonNode provisioner = JsonUtils.valueToNode(UserMapper.toScim(stored, List.of(), List.of(relation)));
        JsonNode application = JsonUtils.valueToNode(UserMapper.toScim(stored, List.of(), null));

        List<UserSchema.Row> hidden = UserSchema.TABLE.stream().filter(UserSchema.Row::provisionersOnly).toList();
        assertThat(hidden).hasSize(4).allSatisfy(row -> {
            assertThat(at(provisioner, row).isMissingNode()).as("provisioner sees %s", row.path()).isFalse();
            assertThat(at(application, row).isMissingNode()).as("application sees %s", row.path()).isTrue();
        });
        assertThat(at(application, UserSchema.TABLE.stream().filter(row -> row.path().equals("userName"))
                .findFirst().orElseThrow()).asText()).isEqualTo("an.peeters");
    }

    @Test
    void testsTheSubAttributesOfAComplexAttributeInAValueFilterAndRefusesOneOfASimpleAttribute() throws Exception {
        assertThat(UserFilterTranslator.translate(Filter.fromString("name[givenName eq \"An\"]"), 50, true).directory())
                .hasToString("(givenName=An)");
        assertThatThrownBy(() -> UserFilterTranslator.translate(Filter.fromString("userName[value eq \"An\"]"), 50, true))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("not a complex attribute");
    }

    @Test
    void refusesAPartOfWhatOnlyProvisionersMayReadAsUnknownAndAPartOfWhatIsNotSearchableAsSuch() {
        String workRelations = "urn:toegang:params:scim:schemas:extension:toegang:2.0:User:workRelations";
        assertThatThrownBy(() -> UserFilterTranslator.translate(Filter.fromString(
                workRelations + "[organisation eq \"0900000147\"]"), 50, false))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Unknown attribute ");
        assertThatThrownBy(() -> UserFilterTranslator.translate(Filter.fromString(
                workRelations + ".organisation eq \"0900000147\""), 50, true))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("not supported");
    }

    /** A value of the attribute's shape, from its definition. */
    private static JsonNode valueFor(UserSchema.Row row) {
        AttributeDefinition definition = UserSchema.definition(row.key()).orElseThrow();
        ObjectNode complex = JsonUtils.getJsonNodeFactory().objectNode().put("value", "v-" + row.name());
        JsonNode one = definition.getType() == AttributeDefinition.Type.COMPLEX ? complex
                : JsonUtils.getJsonNodeFactory().textNode("v-" + row.name());
        return definition.isMultiValued() ? JsonUtils.getJsonNodeFactory().arrayNode().add(one) : one;
    }

    private static JsonNode at(JsonNode user, UserSchema.Row row) {
        return row.container().map(user::path).orElse(user).path(row.name());
    }
}
