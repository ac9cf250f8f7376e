package org.toegang.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.core.ValidationException;

class TargetGroupTest {

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource({
            "BUR, Burger",
            "GID, Vlaamse Overheid",
            "LB, Lokaal Bestuur",
            "OV, Onderwijs",
            "EA, Economische Actoren",
            "VER, Verenigingen",
    })
    void has_the_code_and_dutch_name_released_in_the_token(String code, String displayName) {
        TargetGroup group = TargetGroup.fromCode(code);

        assertThat(group.code()).isEqualTo(code);
        assertThat(group.displayName()).isEqualTo(displayName);
    }

    @ParameterizedTest
    @CsvSource({"gid, GID", "Lb, LB", "' ea ', EA", "ver, VER"})
    void finds_a_group_by_code_ignoring_case_and_whitespace(String input, TargetGroup expected) {
        assertThat(TargetGroup.fromCode(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "BURGER", "L B", "GIDX", "1"})
    void refuses_an_unknown_code_naming_the_field(String input) {
        assertThatThrownBy(() -> TargetGroup.fromCode(input))
                .isInstanceOf(ValidationException.class)
                .hasMessage("targetGroup \"" + input + "\": is not one of BUR, GID, LB, OV, EA, VER")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("targetGroup"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void refuses_a_missing_code(String input) {
        assertThatThrownBy(() -> TargetGroup.fromCode(input))
                .isInstanceOf(ValidationException.class)
                .hasMessage("targetGroup is required but was missing or blank");
    }

    @ParameterizedTest
    @EnumSource(value = TargetGroup.class, names = "BUR", mode = EnumSource.Mode.EXCLUDE)
    void has_organisations_for_every_group_but_citizens(TargetGroup group) {
        assertThat(group.hasOrganisations()).isTrue();
        assertThat(TargetGroup.BUR.hasOrganisations()).isFalse();
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource({
            "GID, OVO900001, OVO900001",
            "GID, ' ovo900001 ', OVO900001",
            "LB, 0900000147, 0900000147",
            "LB, 0900.000.345, 0900000345",
            "EA, 0900.000.246, 0900000246",
            "OV, 1, 1",
            "OV, 0123456789, 0123456789",
            "OV, ' 31245 ', 31245",
            "VER, a, a",
            "VER, Schaakclub-Demodorp-1977, Schaakclub-Demodorp-1977",
            "VER, 1234567890123456789012345678901234567890, 1234567890123456789012345678901234567890",
    })
    void returns_the_canonical_key_of_a_valid_organisation_key(TargetGroup group, String raw, String key) {
        assertThat(group.validateOrganisationKey(raw)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource({
            "GID, 0900000147, ovoCode",
            "GID, OVO90000, ovoCode",
            "LB, OVO900001, kboNumber",
            "LB, 0900000148, kboNumber",
            "EA, 900000246, kboNumber",
            "OV, 12345678901, organisationKey",
            "OV, 12a, organisationKey",
            "OV, -1, organisationKey",
            "VER, 12345678901234567890123456789012345678901, organisationKey",
            "VER, club demodorp, organisationKey",
            "VER, club_demodorp, organisationKey",
            "VER, 'club,demodorp', organisationKey",
            "VER, club:demodorp, organisationKey",
    })
    void refuses_a_key_that_does_not_fit_the_group_naming_the_field(TargetGroup group, String raw, String field) {
        assertThatThrownBy(() -> group.validateOrganisationKey(raw))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(field + " \"" + raw + "\": ")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    }

    @ParameterizedTest
    @EnumSource(value = TargetGroup.class, names = "BUR", mode = EnumSource.Mode.EXCLUDE)
    void refuses_a_missing_key_for_every_group(TargetGroup group) {
        assertThatThrownBy(() -> group.validateOrganisationKey("  "))
                .isInstanceOf(ValidationException.class)
                .hasMessageEndingWith("is required but was missing or blank");
    }

    @Test
    void refuses_any_organisation_key_for_citizens() {
        assertThatThrownBy(() -> TargetGroup.BUR.validateOrganisationKey("0900000147"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("organisationKey \"0900000147\": target group BUR (citizens) has no organisations");
    }
}
