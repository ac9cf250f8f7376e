package org.toegang.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageAndInputsTest {
    @Test
    void pagesFollowTheCursorToTheEndWithoutRepeatingOrSkipping() {
        List<String> all = List.of("e", "a", "d", "c", "b");
        Page<String> first = Page.of(all, Function.identity(), Optional.empty(), Optional.of(2));
        assertThat(first.items()).containsExactly("a", "b");
        Page<String> second = Page.of(all, Function.identity(), first.next(), Optional.of(2));
        assertThat(second.items()).containsExactly("c", "d");
        Page<String> last = Page.of(all, Function.identity(), second.next(), Optional.of(2));
        assertThat(last.items()).containsExactly("e");
        assertThat(last.next()).isEmpty();
    }

    @Test
    void refusesAForeignCursorAndALimitOutOfRange() {
        assertThatThrownBy(() -> Page.of(List.of("a"), Function.identity(), Optional.of("%%%"), Optional.empty()))
                .isInstanceOf(RefusedException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> Page.of(List.of("a"), Function.identity(), Optional.empty(), Optional.of(201)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", ")(", "\\", ",", "+", "=", "uid=x,ou=people", "Ζωή 日本語"})
    void keepsTextThatMeansSomethingToLdapExactly(String value) {
        assertThat(Inputs.text("reason", value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak"})
    void refusesControlCharactersNamingTheField(String value) {
        assertThatThrownBy(() -> Inputs.text("reason", value)).isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).errors().get(0).field()).isEqualTo("reason"));
    }

    @Test
    void refusesTooLongTextAndAValidityThatEndsBeforeItBegins() {
        assertThatThrownBy(() -> Inputs.text("name", "x".repeat(501))).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> Inputs.validity("", "2026-05-01", "2026-04-01", Instant.now()))
                .isInstanceOf(RefusedException.class).hasMessageContaining("validTo");
        assertThatThrownBy(() -> Inputs.validity("changes[3].", "yesterday", null, Instant.now()))
                .isInstanceOf(RefusedException.class).hasMessageContaining("changes[3].validFrom");
        assertThat(Inputs.validity("", "2026-05-01", null, Instant.now()).from())
                .isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }
}
