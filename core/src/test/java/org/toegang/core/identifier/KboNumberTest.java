package org.toegang.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.core.ValidationException;

class KboNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0900000147, 0900.000.147", // Gemeente Demodorp
            "0900000345, 0900.000.345", // Gemeente Voorbeeldstad
            "0900000246, 0900.000.246", // Demo Bouw NV
            "0403581168, 0403.581.168",
            "1000000021, 1000.000.021", // first digit 1
            "1999999943, 1999.999.943", // highest possible base
            "0000000097, 0000.000.097", // base 0: the check is 97, never 00
    })
    void accepts_valid_numbers_and_formats_them_with_dots(String input, String formatted) {
        KboNumber number = KboNumber.parse(input);

        assertThat(number.value()).isEqualTo(input);
        assertThat(number.toString()).isEqualTo(input);
        assertThat(number.formatted()).isEqualTo(formatted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0900.000.147", "0900 000 147", " 0900000147 ", "0900.000 147"})
    void accepts_dots_and_spaces_and_stores_only_digits(String input) {
        assertThat(KboNumber.parse(input).value()).isEqualTo("0900000147");
    }

    @Test
    void round_trips_through_its_formatted_form() {
        KboNumber number = KboNumber.parse("0900000345");

        assertThat(KboNumber.parse(number.formatted())).isEqualTo(number).hasSameHashCodeAs(number);
    }

    @Test
    void names_the_field_and_the_expected_check_digits() {
        assertThatThrownBy(() -> KboNumber.parse("0900000148"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("kboNumber \"0900000148\": check digits 48 do not match 47")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("kboNumber"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0900000100", "0900000245", "0000000000", "1000000020"})
    void refuses_wrong_check_digits(String input) {
        assertRefused(input, "check digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"900000147", "900.000.147"})
    void refuses_the_old_nine_digit_form_instead_of_guessing_a_leading_zero(String input) {
        assertRefused(input, "old 9-digit form");
    }

    @ParameterizedTest
    @ValueSource(strings = {"09000001", "09000001470", "0", "0900.000.1477"})
    void refuses_other_lengths(String input) {
        assertRefused(input, "must have 10 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000000042", "8000000071", "9000000092"})
    void refuses_numbers_that_do_not_start_with_0_or_1(String input) {
        assertRefused(input, "must start with 0 or 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"09OO000147", "BE0900000147", "0900-000-147", "0900,000,147", "０900000147"})
    void refuses_letters_and_other_separators(String input) {
        assertRefused(input, "must contain only digits");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void refuses_null_and_blank_as_missing(String input) {
        assertThatThrownBy(() -> KboNumber.parse(input))
                .isInstanceOf(ValidationException.class)
                .hasMessage("kboNumber is required but was missing or blank");
    }

    private static void assertRefused(String input, String reason) {
        assertThatThrownBy(() -> KboNumber.parse(input))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("kboNumber \"" + input + "\": ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("kboNumber"));
    }
}
