package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SCIM server's settings have the environment names the README and the image document. */
class ScimServerSettingsTest {
    @Test
    void namesEachSettingInTheEnvironmentWithUnderscoresBetweenWords() {
        assertThat(ScimServer.environmentName("toegang.ldap.bindDn")).isEqualTo("TOEGANG_LDAP_BIND_DN");
        assertThat(ScimServer.environmentName("toegang.ldap.poolSize")).isEqualTo("TOEGANG_LDAP_POOL_SIZE");
        assertThat(ScimServer.environmentName("toegang.ldap.baseDn")).isEqualTo("TOEGANG_LDAP_BASE_DN");
        assertThat(ScimServer.environmentName("toegang.scim.port")).isEqualTo("TOEGANG_SCIM_PORT");
        assertThat(ScimServer.environmentName("toegang.jwks")).isEqualTo("TOEGANG_JWKS");
    }
}
