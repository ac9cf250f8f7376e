package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast GeneralizedTime reader agrees with the LDAP SDK's on every form it meets. */
class GeneralizedTimesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"20261129195959Z", "20261129195959.1Z", "20261129195959.123Z", "20261129195959.123456Z",
            "20240229000000Z", "19991231235959.999Z", "202611291959Z", "2026112919Z", "20261129195959+0100",
            "20261129195959.5-0230"})
    void readsEveryFormAsTheSdkDoes(String value) throws ParseException {
        assertThat(GeneralizedTimes.parse(value))
                .isEqualTo(StaticUtils.decodeGeneralizedTime(value).toInstant());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"20261329195959Z", "20260230000000Z", "20261129256000Z", "yesterday"})
    void refusesWhatIsNoTime(String value) {
        assertThatThrownBy(() -> GeneralizedTimes.parse(value)).isInstanceOf(ParseException.class);
    }

    @org.junit.jupiter.api.Test
    void readsWhatTheSdkWrites() throws ParseException {
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        assertThat(GeneralizedTimes.parse(EntryMapper.generalizedTime(now))).isEqualTo(now);
    }
}
