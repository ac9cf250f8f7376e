package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmDefinitionTest {
    private static final DirectoryAccess EMBEDDED =
            new DirectoryAccess("ldap://127.0.0.1:10389", "uid=admin,ou=system", "secret");

    @Test
    void fillsInTheDirectoryConnection() throws ParseException {
        Map<String, Object> ldap = ldapComponent(RealmDefinition.forDirectory(EMBEDDED));

        assertThat(ldap).containsEntry("id", RealmDefinition.LDAP_COMPONENT_ID);
        Map<String, Object> config = JSONObjectUtils.getJSONObject(ldap, "config");
        assertThat(config).containsEntry("connectionUrl", List.of("ldap://127.0.0.1:10389"))
                .containsEntry("bindDn", List.of("uid=admin,ou=system"))
                .containsEntry("bindCredential", List.of("secret"))
                .containsEntry("vendor", List.of("other"))
                .containsEntry("editMode", List.of("READ_ONLY"))
                .containsEntry("importEnabled", List.of("false"))
                .containsEntry("uuidLDAPAttribute", List.of("entryUUID"));
    }

    @Test
    void hidesDeactivatedPeopleFromSignIn() throws ParseException {
        // A SCIM deactivation stores toegangActive=FALSE; an absent value means active (PersonStore.activeFilter).
        Map<String, Object> config = JSONObjectUtils.getJSONObject(ldapComponent(RealmDefinition.forDirectory(EMBEDDED)),
                "config");

        assertThat(config).containsEntry("customUserSearchFilter", List.of("(!(toegangActive=FALSE))"));
    }

    /**
     * Java's JNDI pool can keep a connection the directory reset while it was opening (a stopped
     * directory behind a load balancer that accepts and resets): the pool never learns it died,
     * hands it out again and again, and every sign-in fails with "Connection reset" until Keycloak
     * restarts. DirectoryFaultsIT found it; without the pool the next request opens a new connection.
     */
    @Test
    void federationOpensItsOwnConnectionsAndRecoversFromAResetDirectory() throws ParseException {
        Map<String, Object> config = JSONObjectUtils.getJSONObject(ldapComponent(RealmDefinition.forDirectory(EMBEDDED)),
                "config");

        assertThat(config).containsEntry("connectionPooling", List.of("false"))
                .containsEntry("connectionTimeout", List.of("2000"))
                .containsEntry("readTimeout", List.of("2000"));
    }

    @Test
    void keepsAPasswordWithQuotesInsideItsJsonString() throws ParseException {
        DirectoryAccess odd = new DirectoryAccess("ldap://ldap.example:389", "cn=keycloak,dc=example", "p\"a\\ss");

        Map<String, Object> config = JSONObjectUtils.getJSONObject(ldapComponent(RealmDefinition.forDirectory(odd)), "config");

        assertThat(config).containsEntry("bindCredential", List.of("p\"a\\ss"));
    }

    @Test
    void readsFirstNamesFromGivenNameNotCn() throws ParseException {
        Map<String, Object> ldap = ldapComponent(RealmDefinition.forDirectory(EMBEDDED));
        List<Object> mappers = JSONObjectUtils.getJSONArray(JSONObjectUtils.getJSONObject(ldap, "subComponents"),
                "org.keycloak.storage.ldap.mappers.LDAPStorageMapper");

        assertThat(mappers).extracting(mapper -> mapperConfig(mapper, "user.model.attribute") + "<-"
                        + mapperConfig(mapper, "ldap.attribute"))
                .contains("firstName<-givenName", "lastName<-sn", "email<-mail", "username<-uid",
                        "vo_id<-toegangPersonId", "rrn<-toegangNationalRegisterNumber",
                        "wv_orgcode<-toegangLegalRepresentativeOf");
    }

    @Test
    void enablesTheAuditTrail() throws ParseException {
        Map<String, Object> realm = JSONObjectUtils.parse(RealmDefinition.forDirectory(EMBEDDED).json());

        assertThat(JSONObjectUtils.getStringList(realm, "eventsListeners")).containsExactly("toegang-audit");
        assertThat(realm).containsEntry("adminEventsEnabled", true).containsEntry("adminEventsDetailsEnabled", false);
    }

    /**
     * Keycloak 26.7 caches a client's role list only when it is not empty
     * ({@code RealmCacheSession#getClientRolesStream}); the role mappers of an application's tokens
     * (OIDC {@code roles}, SAML {@code role_list}) ask for it at every token, so an application client
     * without a role of its own cost a database query per token and refresh (about a tenth of the
     * refresh throughput in ProductionBenchmark). The role is granted to nobody, and its description
     * fits Keycloak's column (255 characters; a longer one stops the node at import).
     */
    @Test
    void givesEveryApplicationClientARoleOfItsOwnThatNobodyHolds() throws ParseException {
        Map<String, Object> realm = JSONObjectUtils.parse(RealmDefinition.forDirectory(EMBEDDED).json());
        Map<String, Object> clientRoles = JSONObjectUtils.getJSONObject(JSONObjectUtils.getJSONObject(realm, "roles"),
                "client");
        List<String> applications = JSONObjectUtils.getJSONArray(realm, "clients").stream()
                .map(client -> (Map<?, ?>) client)
                .filter(client -> String.valueOf(client.get("clientId")).startsWith("urn:toegang:sp:")
                        || String.valueOf(client.get("defaultClientScopes")).contains("toegang-application"))
                .map(client -> (String) client.get("clientId")).toList();

        assertThat(applications).contains("dv_loket", "dv_geoportaal", "urn:toegang:sp:dv_loket",
                "urn:toegang:sp:dv_geoportaal");
        for (String application : applications) {
            assertThat(JSONObjectUtils.getJSONArray(clientRoles, application)).as(application)
                    .extracting(role -> (Object) ((Map<?, ?>) role).get("name")).containsExactly("toegang-rights");
            assertThat(String.valueOf(((Map<?, ?>) JSONObjectUtils.getJSONArray(clientRoles, application).get(0))
                    .get("description"))).as(application).hasSizeLessThanOrEqualTo(255);
        }
        assertThat(RealmDefinition.forDirectory(EMBEDDED).json().split("\"toegang-rights\"", -1))
                .as("named only where each application defines it: no user, service account or composite holds it")
                .hasSize(applications.size() + 1);
    }

    @Test
    void changesItsFingerprintWithTheDirectory() {
        DirectoryAccess other = new DirectoryAccess("ldap://127.0.0.1:20389", "uid=admin,ou=system", "secret");

        assertThat(RealmDefinition.forDirectory(EMBEDDED).fingerprint())
                .isEqualTo(RealmDefinition.forDirectory(EMBEDDED).fingerprint())
                .isNotEqualTo(RealmDefinition.forDirectory(other).fingerprint());
    }

    private static Map<String, Object> ldapComponent(RealmDefinition realm) throws ParseException {
        Map<String, Object> components = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(realm.json()), "components");
        List<Object> storage = JSONObjectUtils.getJSONArray(components, "org.keycloak.storage.UserStorageProvider");
        assertThat(storage).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> ldap = (Map<String, Object>) storage.get(0);
        return ldap;
    }

    @SuppressWarnings("unchecked")
    private static Object mapperConfig(Object mapper, String key) {
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) mapper).get("config");
        return ((List<Object>) config.get(key)).get(0);
    }
}
