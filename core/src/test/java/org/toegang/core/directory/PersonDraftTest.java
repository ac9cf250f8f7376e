package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.toegang.core.ValidationException;

class PersonDraftTest {
    static PersonDraft draft(Optional<String> externalId, boolean active) {
        return new PersonDraft("a.b", "A", "B", Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), externalId, active);
    }

    @Test
    void keepsTheExternalIdExactlyAsGivenAndTreatsBlankAsNone() {
        assertThat(draft(Optional.of(" HR-01a "), true).externalId()).contains(" HR-01a ");
        assertThat(draft(Optional.of("  "), true).externalId()).isEmpty();
        assertThat(draft(null, true).externalId()).isEmpty();
    }

    @Test
    void refusesAnExternalIdTooLongOrWithControlCharacters() {
        assertThatThrownBy(() -> draft(Optional.of("x".repeat(257)), true)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("externalId");
        assertThatThrownBy(() -> draft(Optional.of("a\nb"), true)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("externalId");
    }

    @Test
    void carriesADeactivation() {
        assertThat(draft(Optional.empty(), false).active()).isFalse();
        assertThat(draft(Optional.empty(), true).active()).isTrue();
    }
}
