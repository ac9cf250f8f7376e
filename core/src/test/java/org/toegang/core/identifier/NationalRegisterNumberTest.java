package org.toegang.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.core.ValidationException;

class NationalRegisterNumberTest {

    @ParameterizedTest(name = "{0} is born {2}")
    @CsvSource({
            "85031212362, 1900, 1985-03-12", // An
            "90070104224, 1900, 1990-07-01", // Bart
            "77113030108, 1900, 1977-11-30", // Chris
            "03052008821, 2000, 2003-05-20", // Dina, only the 20xx check matches
            "68010900791, 1900, 1968-01-09", // Els
    })
    void accepts_the_demo_people_and_records_the_matching_century(String input, int century, LocalDate birth) {
        NationalRegisterNumber number = NationalRegisterNumber.parse(input);

        assertThat(number.value()).isEqualTo(input);
        assertThat(number.toString()).isEqualTo(input);
        assertThat(number.century()).isEqualTo(century);
        assertThat(number.birthDate()).contains(birth);
        assertThat(number.isBis()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"85.03.12-123.62", "850312 123 62", "85 03 12 123 62", "  85031212362\t", "850312-123-62"})
    void accepts_the_usual_separators_and_stores_only_digits(String input) {
        assertThat(NationalRegisterNumber.parse(input).value()).isEqualTo("85031212362");
    }

    @ParameterizedTest(name = "{0} is born {1}")
    @CsvSource({
            "03052008889, 1903-05-20",
            "03052008821, 2003-05-20",
    })
    void decides_the_century_by_the_check_digits_not_by_the_year(String input, LocalDate birth) {
        assertThat(NationalRegisterNumber.parse(input).birthDate()).contains(birth);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "84022912309, 1984-02-29", // leap year of the 1900s
            "00022912320, 2000-02-29", // 2000 is a leap year
            "24022900164, 2024-02-29",
            "99123199940, 1999-12-31", // last day before the century switch
            "00010100105, 2000-01-01", // first day after it
            "85043012314, 1985-04-30",
    })
    void accepts_real_calendar_days_at_the_boundaries(String input, LocalDate birth) {
        assertThat(NationalRegisterNumber.parse(input).birthDate()).contains(birth);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "85251212322, 1985-05-12", // month + 20: gender unknown when assigned
            "85451212365, 1985-05-12", // month + 40: gender known
            "85321212371, 1985-12-12", // highest month + 20
            "85521212317, 1985-12-12", // highest month + 40
            "84222912352, 1984-02-29", // BIS February in a leap year
    })
    void accepts_bis_numbers_and_removes_the_month_offset(String input, LocalDate birth) {
        NationalRegisterNumber number = NationalRegisterNumber.parse(input);

        assertThat(number.isBis()).isTrue();
        assertThat(number.birthDate()).contains(birth);
    }

    @ParameterizedTest(name = "{0}: bis={1}")
    @CsvSource({
            "85200012356, true",  // BIS, month and day unknown
            "85400012302, true",
            "85201512391, true",  // BIS, month unknown
            "85203012329, true",  // BIS, month unknown, so day 30 cannot be checked
            "85030012334, false", // day unknown
            "85001512348, false", // month unknown
            "00000112341, false", // the register's fictitious 1900-00-01 for an unknown date
    })
    void accepts_unknown_month_or_day_and_gives_no_birth_date(String input, boolean bis) {
        NationalRegisterNumber number = NationalRegisterNumber.parse(input);

        assertThat(number.isBis()).isEqualTo(bis);
        assertThat(number.birthDate()).isEmpty();
    }

    @Test
    void names_the_field_and_both_expected_check_digits_when_neither_century_matches() {
        assertThatThrownBy(() -> NationalRegisterNumber.parse("85031212363"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("nationalRegisterNumber \"85031212363\": check digits 63 do not match 62"
                        + " (born before 2000) nor 91 (born in 2000 or later)")
                .extracting(e -> ((ValidationException) e).field())
                .isEqualTo("nationalRegisterNumber");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "85031212361", "85031212300", "03052008822", "03052008890",
            "90070104225", "77113030109", "68010900792",
    })
    void refuses_wrong_check_digits(String input) {
        assertRefused(input, "check digits");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"8503121236", "850312123620", "8", "85.03.12-123.6"})
    void refuses_the_wrong_number_of_digits(String input) {
        assertRefused(input, "must have 11 digits");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"85O31212362", "85031212362a", "85/03/12 123 62", "８5031212362", "+85031212362"})
    void refuses_letters_and_other_characters(String input) {
        assertRefused(input, "must contain only digits");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "85022912330, day 29 does not exist in February 1985",   // not a leap year
            "00022912388, day 29 does not exist in February 1900",   // 1900 is not a leap year
            "23022900143, day 29 does not exist in February 2023",
            "85023112367, day 31 does not exist in February 1985",
            "85043112381, day 31 does not exist in April 1985",
            "85013212330, day 32 is not 01-31",
            "85003212323, day 32 is not 01-31",                      // even with the month unknown
            "85131212335, month 13 is not 01-12",
            "85130012307, month 13 is not 01-12",
            "85191212377, month 19 is not 01-12",
    })
    void refuses_impossible_dates(String input, String reason) {
        assertRefused(input, reason);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "85331212378, month 33",  // 20 + 13
            "85531212324, month 53",  // 40 + 13
            "85223012343, day 30 does not exist in February 1985", // BIS February, month 22
            "85422912319, day 29 does not exist in February 1985", // BIS February, not a leap year
    })
    void refuses_bis_numbers_whose_month_or_day_is_impossible(String input, String reason) {
        assertRefused(input, reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void refuses_null_and_blank_as_missing(String input) {
        assertThatThrownBy(() -> NationalRegisterNumber.parse(input))
                .isInstanceOf(ValidationException.class)
                .hasMessage("nationalRegisterNumber is required but was missing or blank");
    }

    @Test
    void is_equal_whatever_separators_were_typed() {
        assertThat(NationalRegisterNumber.parse("85.03.12-123.62"))
                .isEqualTo(NationalRegisterNumber.parse("85031212362"))
                .hasSameHashCodeAs(NationalRegisterNumber.parse("85031212362"));
    }

    private static void assertRefused(String input, String reason) {
        assertThatThrownBy(() -> NationalRegisterNumber.parse(input))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("nationalRegisterNumber \"")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("nationalRegisterNumber"));
    }
}
