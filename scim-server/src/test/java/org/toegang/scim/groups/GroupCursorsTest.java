package org.toegang.scim.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GroupCursorsTest {
    @Test
    void aPlainCursorThatBeginsWithDIsNotTakenForADerivedOne() {
        // the cursor CursorPagingIT was refused with: a plain cursor, base64url, that happened to begin with d
        assertThat(GroupService.derivedCursor("d0GRjALyqLV7gkL1vku03J3M")).isFalse();
        assertThat(GroupService.derivedCursor("d.3")).isTrue();
    }

    @Test
    void noPlainCursorIsTakenForADerivedOne() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10_000; i++) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(GroupService.derivedCursor(plain)).as(plain).isFalse();
        }
    }
}
