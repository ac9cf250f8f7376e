package org.toegang.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void names_the_field_the_input_and_the_reason() {
        ValidationException e =
                ValidationException.invalid("kboNumber", "0900000148", "check digits 48 do not match 47");

        assertThat(e).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kboNumber \"0900000148\": check digits 48 do not match 47");
        assertThat(e.field()).isEqualTo("kboNumber");
    }

    @Test
    void names_the_field_of_a_missing_value() {
        assertThat(ValidationException.missing("loginHint"))
                .hasMessage("loginHint is required but was missing or blank")
                .extracting(ValidationException::field).isEqualTo("loginHint");
    }

    @Test
    void names_the_field_and_reason_without_an_input() {
        assertThat(ValidationException.invalid("loginHint", "is not base64"))
                .hasMessage("loginHint: is not base64");
    }

    @Test
    void masks_control_characters_so_a_message_cannot_forge_a_log_line() {
        assertThat(ValidationException.invalid("ovoCode", "OVO1\nERROR forged", "bad"))
                .hasMessage("ovoCode \"OVO1?ERROR forged\": bad");
    }

    @Test
    void cuts_a_long_input_to_64_characters() {
        String message = ValidationException.invalid("role", "x".repeat(10_000), "too long").getMessage();

        assertThat(message).isEqualTo("role \"" + "x".repeat(64) + "…\": too long");
    }
}
