package org.toegang.core.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.core.ValidationException;

class ThreeDimensionalRoleTest {

    @Test
    void formats_a_right_with_context_for_one_organisation() {
        assertThat(ThreeDimensionalRole.of("GeoGebruiker", "editor", List.of("OVO900001")))
                .hasToString("GeoGebruiker-editor:OVO900001");
    }

    @Test
    void formats_a_right_without_context_for_several_organisations_in_the_given_order() {
        assertThat(ThreeDimensionalRole.of("LoketGebruiker", null, List.of("0900000345", "0900000147")))
                .hasToString("LoketGebruiker:0900000345,0900000147");
    }

    @Test
    void keeps_each_key_once_at_its_first_position() {
        ThreeDimensionalRole role = ThreeDimensionalRole.of("R", null, List.of("b", "a", "b"));

        assertThat(role.organisationKeys()).containsExactly("b", "a");
    }

    @Test
    void exposes_unmodifiable_keys_not_tied_to_the_callers_list() {
        List<String> keys = new ArrayList<>(List.of("0900000147"));
        ThreeDimensionalRole role = ThreeDimensionalRole.of("LoketGebruiker", null, keys);
        keys.add("0900000345");

        assertThat(role.organisationKeys()).containsExactly("0900000147");
        assertThatThrownBy(() -> role.organisationKeys().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GeoGebruiker-editor:OVO900001",
            "GeoGebruiker-lezer:0900000147",
            "LoketGebruiker:0900000147,0900000345",
            "LoketGebruiker:0900000246",
            "R:a",
            "Right_2-ctx_3:VER-club-1,12345",
    })
    void round_trips_parse_and_format(String role) {
        assertThat(ThreeDimensionalRole.parse(role)).hasToString(role);
        assertThat(ThreeDimensionalRole.parse(ThreeDimensionalRole.parse(role).toString()))
                .isEqualTo(ThreeDimensionalRole.parse(role));
    }

    @Test
    void parses_into_right_context_and_keys() {
        ThreeDimensionalRole role = ThreeDimensionalRole.parse("GeoGebruiker-lezer:0900000147,OVO900001");

        assertThat(role.right()).isEqualTo("GeoGebruiker");
        assertThat(role.context()).contains("lezer");
        assertThat(role.organisationKeys()).containsExactly("0900000147", "OVO900001");
        assertThat(ThreeDimensionalRole.parse("LoketGebruiker:0900000147").context()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "  LoketGebruiker:0900000147  | LoketGebruiker:0900000147",
            "LoketGebruiker : 0900000147 , 0900000345 | LoketGebruiker:0900000147,0900000345",
            "LoketGebruiker:,0900000147,,0900000345, | LoketGebruiker:0900000147,0900000345",
            "GeoGebruiker - editor :OVO900001 | GeoGebruiker-editor:OVO900001",
            "LoketGebruiker:0900000147,0900000147 | LoketGebruiker:0900000147",
    })
    void parses_tolerantly_and_emits_the_exact_form(String input, String emitted) {
        assertThat(ThreeDimensionalRole.parse(input)).hasToString(emitted);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "LoketGebruiker            | role            | has no ':'",
            "LoketGebruiker:           | role            | has no organisation key",
            "LoketGebruiker: , ,       | role            | has no organisation key",
            "GeoGebruiker-:OVO900001   | role            | empty context value",
            ":OVO900001                | right           | is required",
            "-editor:OVO900001         | right           | is required",
            "1Geo:OVO900001            | right           | must be a letter followed by",
            "Geo Gebruiker:OVO900001   | right           | must be a letter followed by",
            "Geo.Gebruiker:OVO900001   | right           | must be a letter followed by",
            "GeoGebruiker-ed-itor:OVO1 | context         | must be letters, digits or underscores",
            "GeoGebruiker-ed itor:OVO1 | context         | must be letters, digits or underscores",
            "R:OVO900001:x             | organisationKey | must be letters, digits or hyphens",
            "R:OVO 900001              | organisationKey | must be letters, digits or hyphens",
            "R:OVO_900001              | organisationKey | must be letters, digits or hyphens",
    })
    void refuses_malformed_roles_naming_the_part(String input, String field, String reason) {
        assertThatThrownBy(() -> ThreeDimensionalRole.parse(input))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(field)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void refuses_a_missing_role_string(String input) {
        assertThatThrownBy(() -> ThreeDimensionalRole.parse(input))
                .isInstanceOf(ValidationException.class)
                .hasMessage("role is required but was missing or blank");
    }

    @Test
    void refuses_to_make_a_role_without_keys_or_with_a_blank_context() {
        assertThatThrownBy(() -> ThreeDimensionalRole.of("R", null, List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("organisationKey: a role needs at least one organisation key");
        assertThatThrownBy(() -> ThreeDimensionalRole.of("R", null, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ThreeDimensionalRole.of("R", "", List.of("a")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("context \"\": ");
        assertThatThrownBy(() -> ThreeDimensionalRole.of("R", null, Arrays.asList("a", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("organisationKey is required but was missing or blank");
    }

    @Test
    void is_equal_by_right_context_and_ordered_keys() {
        assertThat(ThreeDimensionalRole.parse("R-c:a,b"))
                .isEqualTo(ThreeDimensionalRole.of("R", "c", List.of("a", "b")))
                .hasSameHashCodeAs(ThreeDimensionalRole.of("R", "c", List.of("a", "b")))
                .isNotEqualTo(ThreeDimensionalRole.of("R", "c", List.of("b", "a")))
                .isNotEqualTo(ThreeDimensionalRole.of("R", null, List.of("a", "b")));
    }
}
