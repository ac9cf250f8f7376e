package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toegang.launcher.DirectoryAccess;
import org.toegang.launcher.RunningToegang;

/** What the portal tests do outside the portal: give a person it added a password, and sign in at an application. */
final class PortalPeople {
    private PortalPeople() {
    }

    /**
     * Sets the password of the person with this national register number (people added through the
     * API have none: in production they sign in with their eID); returns their username.
     */
    static String setPassword(RunningToegang toegang, String nationalRegisterNumber, String password) {
        DirectoryAccess directory = toegang.directory();
        try {
            LDAPURL url = new LDAPURL(directory.url());
            try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(), directory.bindDn(), directory.password())) {
                List<SearchResultEntry> found = connection.search("ou=people,dc=toegang,dc=local", SearchScope.SUB,
                        Filter.createEqualityFilter("toegangNationalRegisterNumber", nationalRegisterNumber), "uid").getSearchEntries();
                assertThat(found).as("the person " + nationalRegisterNumber + " in the directory").hasSize(1);
                connection.modify(found.get(0).getDN(), new Modification(ModificationType.REPLACE, "userPassword", password));
                return found.get(0).getAttributeValue("uid");
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in at a demo application in the browser and returns the verified access token's claims as JSON. */
    static JsonNode signInAt(RunningToegang toegang, String username, String password, String client, String choose) {
        Map<String, Object> arguments = new HashMap<>(Map.of("base", toegang.keycloakUrl().toString().replaceAll("/$", ""),
                "realm", "toegang", "clientId", client, "secret", client + "-demo-secret", "username", username,
                "password", password, "scope", "openid profile vo wettelijkvertegenwoordiger " + client));
        if (choose != null) {
            arguments.put("choose", choose);
        }
        JsonNode result = NodeScripts.run("signin.mjs", arguments);
        String accessToken = result.path("tokens").path("access_token").asText();
        assertThat(accessToken).as(result.toString()).isNotBlank();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    new Tokens(toegang.realmUrl()).verify(accessToken).toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
