package org.toegang.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.core.ValidationException;

class TargetConfigTest {
    @Test
    void acceptsHttpAndHttpsUrlsWithAHost() {
        assertThat(TargetConfig.endpoint("baseUrl", " https://scim.example.org/v2 ", true))
                .isEqualTo(URI.create("https://scim.example.org/v2"));
        assertThat(TargetConfig.endpoint("tokenEndpoint", "http://127.0.0.1:8080/token?realm=a", false)).hasPort(8080);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://scim.example.org/", "scim.example.org/v2", "https:///v2", "https://scim.example.org/v2?x=1",
            "https://scim.example.org/v2#f", "https://user:pa55word@scim.example.org/", "https://scim example.org/", ""})
    void refusesWhatIsNoSendableBaseUrlWithoutQuotingIt(String url) {
        assertThatThrownBy(() -> TargetConfig.endpoint("baseUrl", url, true))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("baseUrl");
                    assertThat(e.getMessage()).doesNotContain("pa55word");
                });
    }

    @Test
    void codesAreTheLowerCaseNames() {
        assertThat(TargetConfig.RightsAs.fromCode("rights", "Entitlements")).isEqualTo(TargetConfig.RightsAs.ENTITLEMENTS);
        assertThat(TargetConfig.Deprovision.DELETE.code()).isEqualTo("delete");
        assertThatThrownBy(() -> TargetConfig.Deprovision.fromCode("whenLastRightEnds", "archive"))
                .hasMessageContaining("[deactivate, delete]");
    }

    @Test
    void secretsCompareByValueAndNeverShowIt() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
        assertThat(new TargetConfig.Bearer(Secret.of("t0ken")).toString()).doesNotContain("t0ken");
    }
}
