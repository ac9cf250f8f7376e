package org.toegang.core.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedUsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"an.peeters", "An.Peeters", "AN.PEETERS"})
    void acceptsTheUsernameInAnyLetterCase(String typed) {
        assertThat(TypedUsername.names(typed, "an.peeters")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "an.peeters\u200B",   // ZERO WIDTH SPACE, the probe's finding
        "an.\u200Dpeeters",   // ZERO WIDTH JOINER
        "an.pee\u200Cters",   // ZERO WIDTH NON-JOINER
        "\uFEFFan.peeters",   // BOM / ZERO WIDTH NO-BREAK SPACE
        "an.peeters\u2060",   // WORD JOINER
        "an.pe\u00ADeters",   // SOFT HYPHEN
        "\u202Ean.peeters",   // RIGHT-TO-LEFT OVERRIDE
        "an.peeters\u200E",   // LEFT-TO-RIGHT MARK
        "an.peeters\uFE0F",   // VARIATION SELECTOR-16
        "an.peeters\u0000",   // NUL
        "an. peeters",        // a space the directory would squeeze
        "\uFF41\uFF4E.peeters", // FULLWIDTH a n (NFKC folds them)
        "an.peeter\u017F",    // LATIN SMALL LETTER LONG S folds to s
        "an.peeters2",
        "an.peeter",
        ""
    })
    void refusesEverythingElseThatTheDirectoryWouldMatch(String typed) {
        assertThat(TypedUsername.names(typed, "an.peeters")).as("%s", typed.codePoints()
                .mapToObj(Integer::toHexString).toList()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void appliesNoNormalisationNotEvenCanonical() {
        assertThat(TypedUsername.names("Jos\u00C9.Dupont", "jos\u00E9.dupont")).as("case of an accented letter").isTrue();
        assertThat(TypedUsername.names("jose\u0301.dupont", "jos\u00E9.dupont")).as("decomposed").isFalse();
        assertThat(TypedUsername.names("\u212Aim", "kim")).as("KELVIN SIGN, NFC maps it to K").isFalse();
        assertThat(TypedUsername.names(null, "kim")).isFalse();
    }
}
