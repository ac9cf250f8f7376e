package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The realm file baked into the Keycloak image holds no secret, only placeholders for the container's environment. */
class RealmFileTest {
    @Test
    void leavesEverySecretToTheEnvironment() {
        String json = RealmFile.withPlaceholders();

        assertThat(json).doesNotContain("demo-secret", "@@")
                .contains("\"bindCredential\"")
                .contains("${TOEGANG_LDAP_PASSWORD}", "${TOEGANG_LDAP_URL}", "${TOEGANG_LDAP_BIND_DN}",
                        "\"${TOEGANG_CLIENT_SECRET_DV_GEOPORTAAL}\"", "\"${TOEGANG_CLIENT_SECRET_SCIM_PROVISIONER}\"");
    }
}
