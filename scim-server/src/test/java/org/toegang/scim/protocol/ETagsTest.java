package org.toegang.scim.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import org.junit.jupiter.api.Test;

class ETagsTest {
    @Test
    void ifMatchAcceptsTheCurrentVersionWeakOrStrongAndStar() throws Exception {
        ETags.requireMatch("W/\"abc\"", "abc");
        ETags.requireMatch("\"abc\"", "abc");
        ETags.requireMatch("*", "abc");
        ETags.requireMatch(null, "abc");
        ETags.requireMatch("W/\"old\", W/\"abc\"", "abc");
    }

    @Test
    void ifMatchRefusesAStaleVersion() {
        assertThatThrownBy(() -> ETags.requireMatch("W/\"old\"", "abc")).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void ifNoneMatchMatchesAnyListedVersion() {
        assertThat(ETags.matchesAny("W/\"x\", W/\"abc\"", "abc")).isTrue();
        assertThat(ETags.matchesAny("W/\"x\"", "abc")).isFalse();
        assertThat(ETags.matchesAny(null, "abc")).isFalse();
    }
}
