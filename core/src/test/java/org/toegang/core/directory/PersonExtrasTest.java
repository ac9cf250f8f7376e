package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.toegang.core.ValidationException;

class PersonExtrasTest {
    private static PersonExtras withOtherMails(String... addresses) {
        return new PersonExtras(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(), List.of(addresses), List.of());
    }

    @Test
    void keepsEachOtherAddressOnceAsTheDirectoryComparesThemAndSkipsBlankOnes() {
        assertThat(withOtherMails("babs@jensen.org", " ", "BABS@jensen.org", " other@jensen.org ").otherMails())
                .containsExactly("babs@jensen.org", "other@jensen.org");
    }

    @Test
    void refusesAnOtherAddressThatIsNoAddressAsThePersonsOwnIsRefused() {
        assertThatThrownBy(() -> withOtherMails("babs@jensen.org", "not an address"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("emails.value")
                .hasMessageContaining("not an e-mail address");
        assertThatThrownBy(() -> withOtherMails("b\u0000@jensen.org")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("control character");
    }
}
