package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.directory.OpenLdapServer;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/**
 * A User with every core and enterprise attribute filled reads back exactly as sent, on the
 * embedded ApacheDS and on Debian's OpenLDAP with the shipped schema; the copies in standard LDAP
 * attributes answer filters; what cannot be stored is refused, and nothing is created.
 */
class LosslessUsersIT {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String FULL = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%2$s"],
             "userName":"%1$s","externalId":"ext-%1$s",
             "name":{"formatted":"Ms. Barbara J Jensen, III","familyName":"Jensen","givenName":"Barbara",
                     "middleName":"Jane","honorificPrefix":"Ms.","honorificSuffix":"III"},
             "displayName":"Babs Jensen","nickName":"Babs","profileUrl":"https://login.example.com/bjensen",
             "title":"Tour Guide","userType":"Employee","preferredLanguage":"nl-BE","locale":"nl-BE",
             "timezone":"Europe/Brussels","active":true,
             "emails":[{"value":"%1$s@example.com","type":"work","primary":true},
                       {"value":"babs@jensen.org","type":"home"},
                       {"value":"other@jensen.org","type":"other","display":"Other address"}],
             "phoneNumbers":[{"value":"+32 2 555 55 55","type":"work"},
                             {"value":"+32 475 00 00 00","type":"mobile","primary":true}],
             "ims":[{"value":"someaimhandle","type":"aim"}],
             "photos":[{"value":"https://photos.example.com/profilephoto/72930000000Ccne/F","type":"photo"}],
             "addresses":[{"type":"work","streetAddress":"100 Universal City Plaza","locality":"Hollywood",
                           "region":"CA","postalCode":"91608","country":"USA",
                           "formatted":"100 Universal City Plaza\\nHollywood, CA 91608 USA","primary":true},
                          {"type":"home","streetAddress":"456 Hollywood Blvd","locality":"Hollywood",
                           "region":"CA","postalCode":"91608","country":"USA"}],
             "entitlements":[{"value":"Printer access"}],
             "roles":[{"value":"Guide","primary":true}],
             "x509Certificates":[{"value":"MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx"},
                                 {"value":"%3$s"}],
             "%2$s":{"employeeNumber":"701984","costCenter":"4130","organization":"Universal Studios",
                     "division":"Theme Park","department":"Tour Operations",
                     "manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d",
                                "$ref":"../Users/26118915-6090-4610-87e4-49d8ca9f808d"}}}""";
    // (manager.displayName is read-only in RFC 7643 §4.3, so a client's value is ignored, not stored)
    /**
     * A real certificate (self-signed, EC P-256, "CN=Barbara Jensen"), next to RFC 7643 §8.2's
     * truncated example value, which is kept as sent but is no certificate for userCertificate.
     */
    static final String CERTIFICATE = "MIIBwDCCAWegAwIBAgIUaqwlvlm7GdcpkwbotqE8I055hdowCgYIKoZIzj0EAwIwNTEXMBUGA1UEAwwOQmFyYmFyYSBKZW5zZW4xGjAYBgNVBAoMEVVuaXZlcnNhbCBTdHVkaW9zMCAXDTI2MTIwNTEyMjYwM1oYDzIxMjYxMTExMTIyNjAzWjA1MRcwFQYDVQQDDA5CYXJiYXJhIEplbnNlbjEaMBgGA1UECgwRVW5pdmVyc2FsIFN0dWRpb3MwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATe5HHkIz4R9/eg/+/PWcaPqOhDCgmTfr9gp4gAdaCq7b7CeLFA7QZLX5QJlDBO+ug4S7P8v0v5wEjhP+ydg09Oo1MwUTAdBgNVHQ4EFgQU38fD4PP+7+8CoEqTKvWy8rVImNAwHwYDVR0jBBgwFoAU38fD4PP+7+8CoEqTKvWy8rVImNAwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNHADBEAiAiNpDnZ1nKPmQxfuF9XDZjJL1r9rUFKgpIAhxz4Mjt4gIgBOXpXOXHWJdrB9fTJoO7b4ggDQR3GiewyRjstdj4jg8=";

    @TempDir
    Path data;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ApacheDS", "OpenLDAP"})
    void aUserWithEveryAttributeReadsBackExactlyAsSent(String directory) throws Exception {
        try (ScimTestServer server = start(directory)) {
            String token = server.token("scim-provisioner", List.of());
            ObjectNode sent = (ObjectNode) ScimTestServer.JSON.readTree(FULL.formatted("bjensen", ENTERPRISE, CERTIFICATE));
            Reply created = server.send("POST", "Users", token, sent.toString(), Map.of());
            assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
            String id = created.json().path("id").asText();
            assertSame(sent, created.json());
            Reply fetched = server.send("GET", "Users/" + id, token, null, Map.of());
            assertSame(sent, fetched.json());
            // the version answered at creation is the stored one (binary values included), so If-Match works at once
            assertThat(fetched.header("ETag")).isNotNull().isEqualTo(created.header("ETag"));
            if (directory.equals("OpenLDAP")) {
                // its timestamps come with the add (RFC 4527 post-read); ApacheDS offers no such control
                assertThat(created.json().path("meta")).isEqualTo(fetched.json().path("meta"));
            }

            // the standard copies answer filters
            for (String filter : List.of("phoneNumbers.value eq \"+32 475 00 00 00\"", "userType eq \"Employee\"",
                    "preferredLanguage eq \"nl-BE\" and userName eq \"bjensen\"",
                    "phoneNumbers[value eq \"+32 2 555 55 55\"]",
                    // every address, not only the one in mail: the home address too
                    "emails.value eq \"babs@jensen.org\"", "emails[value eq \"BABS@jensen.org\"]",
                    "emails co \"s@jensen.o\"")) {
                assertThat(userIds(server, token, filter)).as(filter).containsExactly(id);
            }
            // what only the copy says (which address is which, nickName, addresses) is tested on each User the
            // directory finds: RFC 7644 §3.4.2.2's examples, and their counterparts that must not match
            for (String filter : List.of(
                    "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                    "emails[type eq \"home\" and value co \"@jensen.org\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
                    "userType eq \"Employee\" and (emails.type eq \"work\")", "nickName eq \"Babs\"",
                    "addresses[locality eq \"Hollywood\" and type eq \"home\"] and userName eq \"bjensen\"",
                    "emails[value ne \"babs@jensen.org\"] and userName eq \"bjensen\"")) {
                assertThat(userIds(server, token, filter)).as(filter).containsExactly(id);
            }
            for (String filter : List.of("emails[type eq \"work\" and value co \"@jensen.org\"]",
                    "emails[type eq \"home\" and value co \"@example.com\"]", "nickName eq \"Barbara\"",
                    "userName eq \"bjensen\" and not (nickName pr)")) {
                assertThat(userIds(server, token, filter)).as(filter).isEmpty();
            }
            // the certificate, and only it, is in the standard userCertificate for LDAP readers; a removal removes it
            assertThat(certificates(server, "bjensen")).containsExactly(CERTIFICATE);

            // a PATCH of one filtered value keeps every other value
            Reply patched = server.send("PATCH", "Users/" + id, token, ProvisioningClientsIT.patch("""
                    [{"op":"replace","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"+32 476 11 11 11"},
                     {"op":"add","path":"emails","value":[{"value":"fourth@jensen.org","type":"other"}]}]"""), Map.of());
            assertThat(patched.status()).as(patched.json().toString()).isEqualTo(200);
            JsonNode read = server.send("GET", "Users/" + id, token, null, Map.of()).json();
            assertThat(read.path("phoneNumbers").get(1).path("value").asText()).isEqualTo("+32 476 11 11 11");
            assertThat(read.path("phoneNumbers").get(0)).isEqualTo(sent.path("phoneNumbers").get(0));
            assertThat(read.path("emails")).hasSize(4);
            assertThat(userIds(server, token, "emails.value eq \"fourth@jensen.org\"")).containsExactly(id);
            Reply withoutHome = server.send("PATCH", "Users/" + id, token, ProvisioningClientsIT.patch("""
                    [{"op":"remove","path":"emails[value eq \\"babs@jensen.org\\"]"}]"""), Map.of());
            assertThat(withoutHome.status()).as(withoutHome.json().toString()).isEqualTo(200);
            assertThat(userIds(server, token, "emails.value eq \"babs@jensen.org\"")).isEmpty();
            assertThat(userIds(server, token, "emails.value eq \"fourth@jensen.org\"")).containsExactly(id);
            assertThat(read.path("addresses")).isEqualTo(sent.path("addresses"));

            // another tool changes mail: the copy no longer says which address is which, yet every
            // address filters find is shown (the other ones without their type)
            try (LDAPConnection ldap = ldap(server)) {
                ldap.modify("uid=bjensen,ou=people," + EmbeddedDirectory.BASE_DN,
                        new com.unboundid.ldap.sdk.Modification(com.unboundid.ldap.sdk.ModificationType.REPLACE,
                                "mail", "changed@jensen.org"));
            }
            JsonNode changed = server.send("GET", "Users/" + id, token, null, Map.of()).json();
            assertThat(changed.path("emails").findValuesAsText("value"))
                    .containsExactly("changed@jensen.org", "other@jensen.org", "fourth@jensen.org");
            assertThat(changed.path("emails").get(0).path("primary").asBoolean()).isTrue();
            assertThat(userIds(server, token, "emails.value eq \"fourth@jensen.org\"")).containsExactly(id);
            assertThat(userIds(server, token, "emails.value eq \"bjensen@example.com\"")).isEmpty();

            Reply removed = server.send("PATCH", "Users/" + id, token, ProvisioningClientsIT.patch("""
                    [{"op":"remove","path":"x509Certificates"}]"""), Map.of());
            assertThat(removed.status()).as(removed.json().toString()).isEqualTo(200);
            assertThat(removed.json().has("x509Certificates")).isFalse();
            assertThat(certificates(server, "bjensen")).isEmpty();

            // refused, and nothing created: two primaries, a password
            ObjectNode twoPrimaries = (ObjectNode) ScimTestServer.JSON.readTree(FULL.formatted("bjensen2", ENTERPRISE, CERTIFICATE));
            ((ObjectNode) twoPrimaries.path("emails").get(1)).put("primary", true);
            Reply refused = server.send("POST", "Users", token, twoPrimaries.toString(), Map.of());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("scimType").asText()).isEqualTo("invalidValue");
            assertThat(refused.json().path("detail").asText()).contains("emails");
            ObjectNode withPassword = (ObjectNode) ScimTestServer.JSON.readTree(FULL.formatted("bjensen3", ENTERPRISE, CERTIFICATE));
            withPassword.put("password", "t1meMa$heen");
            Reply password = server.send("POST", "Users", token, withPassword.toString(), Map.of());
            assertThat(password.status()).isEqualTo(400);
            assertThat(password.json().path("detail").asText()).contains("password");
            // every address goes to the directory, so each must be one, as the person's own must
            ObjectNode notAnAddress = (ObjectNode) ScimTestServer.JSON.readTree(FULL.formatted("bjensen4", ENTERPRISE, CERTIFICATE));
            ((ObjectNode) notAnAddress.path("emails").get(1)).put("value", "not an address");
            Reply badAddress = server.send("POST", "Users", token, notAnAddress.toString(), Map.of());
            assertThat(badAddress.status()).as(badAddress.json().toString()).isEqualTo(400);
            assertThat(badAddress.json().path("scimType").asText()).isEqualTo("invalidValue");
            assertThat(badAddress.json().path("detail").asText()).contains("emails.value", "not an e-mail address");
            JsonNode none = server.send("GET", "Users?filter=" + URLEncoder.encode("userName sw \"bjensen\"",
                    StandardCharsets.UTF_8), token, null, Map.of()).json();
            assertThat(none.path("totalResults").asInt()).isEqualTo(1);
        }
    }

    private ScimTestServer start(String directory) throws Exception {
        if (directory.equals("OpenLDAP")) {
            assumeTrue(OpenLdapServer.installed() || "true".equals(System.getenv("CI")),
                    "slapd is not installed (apt-get install slapd ldap-utils); the round trip on OpenLDAP not checked");
            OpenLdapServer slapd = OpenLdapServer.start(data, Path.of("../ldap-schema/openldap"), false);
            return ScimTestServer.onDirectory(slapd, slapd.ldapUrl(), OpenLdapServer.ADMIN_DN,
                    OpenLdapServer.ADMIN_PASSWORD, ScimLimits.DEFAULTS);
        }
        return new ScimTestServer(data, ScimLimits.DEFAULTS);
    }

    private static List<String> userIds(ScimTestServer server, String token, String filter) throws Exception {
        Reply found = server.send("GET", "Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                token, null, Map.of());
        assertThat(found.status()).as(filter + ": " + found.json()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        found.json().path("Resources").forEach(user -> ids.add(user.path("id").asText()));
        return ids;
    }

    /** The person's {@code userCertificate} values in the directory, base64, read over LDAP as any LDAP reader would. */
    private static List<String> certificates(ScimTestServer server, String userName) throws Exception {
        try (LDAPConnection ldap = ldap(server)) {
            SearchResultEntry entry = ldap.searchForEntry(EmbeddedDirectory.BASE_DN, SearchScope.SUB,
                    Filter.createEqualityFilter("uid", userName), "userCertificate;binary");
            return entry.getAttributesWithOptions("userCertificate", null).stream()
                    .flatMap(attribute -> Stream.of(attribute.getValueByteArrays()))
                    .map(Base64.getEncoder()::encodeToString).toList();
        }
    }

    /** An administrator's connection to the server's directory, as any LDAP tool would open one. */
    private static LDAPConnection ldap(ScimTestServer server) throws Exception {
        LDAPURL url = new LDAPURL(server.ldapUrl());
        return new LDAPConnection(url.getHost(), url.getPort(), server.adminDn(), server.adminPassword());
    }

    /** Every attribute sent is in {@code read} with the same value. */
    private static void assertSame(ObjectNode sent, JsonNode read) {
        Iterator<String> names = sent.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals("schemas")) {
                assertThat(read.path("schemas")).as("schemas").containsAll(sent.path("schemas"));
                continue;
            }
            assertThat(read.path(name)).as(name + " in " + read).isEqualTo(sent.path(name));
        }
    }
}
