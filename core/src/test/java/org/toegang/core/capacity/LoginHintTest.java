package org.toegang.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.toegang.core.capacity.Demo.*;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toegang.core.ValidationException;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.TargetGroup;

class LoginHintTest {

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesTheHintOfTheContract() {
        LoginHint hint = LoginHint.parse(LoginHint.encode("LB", "0900000147"));

        assertThat(hint.targetGroup()).isEqualTo(TargetGroup.LB);
        assertThat(hint.organisationKey()).contains("0900000147");
    }

    @Test
    void acceptsUrlSafeUnpaddedBase64AndADottedKboNumberAndNoCode() {
        String urlSafe = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"cap_hint\":\"lb\",\"code_hint\":\"0900.000.147\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(LoginHint.parse(urlSafe).organisationKey()).contains("0900000147");
        assertThat(LoginHint.parse(b64("{\"cap_hint\":\"GID\"}")).organisationKey()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not base64                 | %%%not-base64%%%      | is not base64",
        "base64 of no JSON          | b64:hello there       | is not base64 of a JSON object",
        "a JSON array               | b64:[1,2]             | is not base64 of a JSON object",
        "no cap_hint                | b64:{\"code_hint\":\"x\"} | has no cap_hint",
        "unknown target group       | b64:{\"cap_hint\":\"XYZ\"} | not a known target group",
        "code not valid in group    | b64:{\"cap_hint\":\"LB\",\"code_hint\":\"OVO900001\"} | not a valid key in LB",
    })
    void refusesAMalformedHintWithAClearReason(String name, String input, String reason) {
        String raw = input.startsWith("b64:") ? b64(input.substring(4)) : input;

        assertThatThrownBy(() -> LoginHint.parse(raw))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo(LoginHint.FIELD);
    }

    @Test
    void selectsOnlyACapacityThePersonHolds() {
        List<Capacity> els = List.of(new Capacity(CapacityScope.ORGANISATION, TargetGroup.GID, List.of(DEPARTEMENT)),
                new Capacity(CapacityScope.ORGANISATION, TargetGroup.LB, List.of(DEMODORP)));

        assertThat(LoginHint.parse(LoginHint.encode("LB", "0900000147")).select(els))
                .extracting(Capacity::id).containsExactly("LB:0900000147");
        assertThat(LoginHint.parse(LoginHint.encode("LB", "0900000345")).select(els)).isEmpty();
        assertThat(LoginHint.parse(LoginHint.encode("EA", null)).select(els)).isEmpty();
    }

    @Test
    void narrowsATargetGroupCapacityToTheHintedOrganisationNeverWidens() {
        List<Capacity> an = List.of(new Capacity(CapacityScope.TARGET_GROUP, TargetGroup.LB,
                List.of(DEMODORP, VOORBEELDSTAD)));

        assertThat(LoginHint.parse(LoginHint.encode("LB", "0900000345")).select(an))
                .extracting(Capacity::id).containsExactly("LB:0900000345");
        assertThat(LoginHint.parse(LoginHint.encode("LB", null)).select(an))
                .extracting(Capacity::id).containsExactly("LB:0900000147,0900000345");
    }
}
