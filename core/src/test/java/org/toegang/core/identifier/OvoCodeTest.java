package org.toegang.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.core.ValidationException;

class OvoCodeTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
            "OVO900001, OVO900001",
            "ovo900001, OVO900001",
            "Ovo900001, OVO900001",
            "'  OVO900001 ', OVO900001",
            "OVO000000, OVO000000",
            "OVO999999, OVO999999",
    })
    void accepts_ovo_and_six_digits_in_any_case_and_stores_upper_case(String input, String value) {
        OvoCode code = OvoCode.parse(input);

        assertThat(code.value()).isEqualTo(value);
        assertThat(code.toString()).isEqualTo(value);
    }

    @Test
    void is_equal_whatever_case_was_typed() {
        assertThat(OvoCode.parse("ovo900001")).isEqualTo(OvoCode.parse("OVO900001"))
                .hasSameHashCodeAs(OvoCode.parse("OVO900001"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "OVO90000", "OVO9000011", "OVO", "900001", // wrong length, missing prefix
            "OV0900001", "OVA900001", "XOVO900001", // wrong prefix
            "OVO 900001", "OVO-900001", "OVO90000A", "OVO９00001", // separators, letters, non-ASCII digit
    })
    void refuses_anything_but_ovo_followed_by_six_digits(String input) {
        assertThatThrownBy(() -> OvoCode.parse(input))
                .isInstanceOf(ValidationException.class)
                .hasMessage("ovoCode \"" + input + "\": must be OVO followed by 6 digits, as in OVO900001")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("ovoCode"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void refuses_null_and_blank_as_missing(String input) {
        assertThatThrownBy(() -> OvoCode.parse(input))
                .isInstanceOf(ValidationException.class)
                .hasMessage("ovoCode is required but was missing or blank");
    }
}
