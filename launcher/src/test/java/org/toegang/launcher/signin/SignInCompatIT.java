package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.toegang.core.capacity.LoginHint;
import org.toegang.launcher.AuthorizationCodeSignIn;
import org.toegang.launcher.DirectoryAccess;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * Relying parties written as existing ACM/IDM applications, unchanged, against Toegang: a
 * confidential client without PKCE, a resource server that introspects every access token and
 * authorises on {@code vo_orgcode} and the right of each {@code <client>_rol_3d} value,
 * openid-client 5 passing only the {@code code}, and a capacity switch via {@code switch=true}.
 * Tokens are verified with Nimbus against the realm's JWKS.
 */
@ExtendWith(ToegangStackExtension.class)
class SignInCompatIT {
    private static final String LOKET = "dv_loket";
    private static final String LOKET_SECRET = "dv_loket-demo-secret";
    private static final String API = "toegang-demo-api";
    private static final String API_SECRET = "toegang-demo-api-demo-secret";
    private static final String REDIRECT = "http://127.0.0.1:8000/callback";
    private static final String SCOPE = CapacitySignInIT.SCOPE_LOKET;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static RunningToegang toegang;
    static Tokens tokens;

    @BeforeAll
    static void stack(RunningToegang running) {
        toegang = running;
        SharedStackAccess.use(running);
        tokens = new Tokens(running.realmUrl());
    }

    /** Signs in at dv_loket without PKCE (a confidential client that never sends it); the token response. */
    private static Map<String, Object> withoutPkce(String username, String capacity) {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), LOKET, LOKET_SECRET, REDIRECT)
                .withoutPkce();
        HttpResponse<String> afterLogin = signIn.submit(signIn.open(SCOPE), username, CapacitySignInIT.PASSWORD);
        HttpResponse<String> last = capacity == null ? afterLogin : signIn.choose(afterLogin, capacity);
        String code = signIn.code(last).orElseThrow(() -> new AssertionError(
                username + ": no code: " + last.statusCode() + " " + last.body()));
        return signIn.exchange(code);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "an.peeters,    ,              LB, 0900000147, Gemeente Demodorp,  'LoketGebruiker:0900000147,0900000345'",
            "bart.claes,    ,              LB, 0900000147, Gemeente Demodorp,  LoketGebruiker:0900000147",
            "chris.wouters, EA:0900000246, EA, 0900000246, Demo Bouw NV,       LoketGebruiker:0900000246",
            "chris.wouters, LB:0900000147, LB, 0900000147, Gemeente Demodorp,  LoketGebruiker:0900000147"})
    void aConfidentialClientWithoutPkceSignsInAndAnIntrospectingResourceServerAuthorises(
            String username, String capacity, String group, String orgcode, String orgname, String role) throws Exception {
        Map<String, Object> issued = withoutPkce(username, capacity);

        JWTClaimsSet id = tokens.verify((String) issued.get("id_token"));
        JWTClaimsSet access = tokens.verify((String) issued.get("access_token"));
        String voId = id.getStringClaim("vo_id");
        assertThat(id.getSubject()).as("sub is the directory id").isEqualTo(voId).doesNotStartWith("f:");
        assertThat(access.getSubject()).isEqualTo(voId);
        assertThat(access.getStringClaim("vo_orgcode")).isEqualTo(orgcode);
        assertThat(access.getStringClaim("vo_email")).isEqualTo(username + "@demo.toegang.local");

        // the application's own back end, and the resource server dv_loket allows, introspect
        for (String[] caller : List.of(new String[] {LOKET, LOKET_SECRET}, new String[] {API, API_SECRET})) {
            JsonNode introspection = introspect((String) issued.get("access_token"), caller[0], caller[1]);
            assertThat(introspection.path("active").asBoolean()).as("%s introspects", caller[0]).isTrue();
            assertThat(introspection.path("sub").asText()).isEqualTo(voId);
            assertThat(introspection.path("vo_doelgroepcode").asText()).isEqualTo(group);
            assertThat(introspection.path("vo_orgcode").asText()).isEqualTo(orgcode);
            assertThat(introspection.path("vo_orgnaam").asText()).isEqualTo(orgname);
            assertThat(introspection.path("vo_applicatienaam").asText()).isEqualTo("Loket");
            assertThat(introspection.path("vo_email").asText()).isEqualTo(username + "@demo.toegang.local");
            assertThat(texts(introspection.path("dv_loket_rol_3d"))).containsExactly(role);
            assertThat(introspection.has("dv_geoportaal_rol_3d")).isFalse();
            assertThat(ResourceServer.authorises(introspection, "LoketGebruiker")).isTrue();
            assertThat(ResourceServer.authorises(introspection, "LoketBeheerder")).isFalse();
        }
        // a refresh token's aud is the realm: Keycloak lets only its own client introspect it, with the hint
        JsonNode refresh = introspect((String) issued.get("refresh_token"), LOKET, LOKET_SECRET, "refresh_token");
        assertThat(refresh.path("active").asBoolean()).as("the refresh token introspects: %s", refresh).isTrue();
        assertThat(refresh.path("vo_orgcode").asText()).isEqualTo(orgcode);

        // a client the application did not allow learns nothing
        JsonNode foreign = introspect((String) issued.get("access_token"), "dv_geoportaal", "dv_geoportaal-demo-secret");
        assertThat(foreign.path("active").asBoolean()).isFalse();
        assertThat(foreign.size()).as("nothing but active: %s", foreign).isEqualTo(1);

        // userinfo and refresh keep working with the directory id as sub
        JsonNode userinfo = userinfo((String) issued.get("access_token"));
        assertThat(userinfo.path("sub").asText()).isEqualTo(voId);
        JsonNode refreshed = tokens.refresh(LOKET, LOKET_SECRET, (String) issued.get("refresh_token"));
        assertThat(refreshed.path("status").asInt()).as("%s", refreshed).isEqualTo(200);
        assertThat(tokens.verify(refreshed.path("access_token").asText()).getSubject()).isEqualTo(voId);
    }

    @Test
    void dinaIsRefusedWithoutPkceToo() {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), LOKET, LOKET_SECRET, REDIRECT)
                .withoutPkce();
        HttpResponse<String> afterLogin = signIn.submit(signIn.open(SCOPE), "dina.maes", CapacitySignInIT.PASSWORD);

        assertThat(signIn.code(afterLogin)).isEmpty();
        assertThat(afterLogin.body()).contains("toegang-refused", "toegangRefusedNoRight");
    }

    @Test
    void theGeoportaalStillRequiresPkce() {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), "dv_geoportaal",
                "dv_geoportaal-demo-secret", REDIRECT).withoutPkce();
        HttpResponse<String> response = signIn.openRaw("openid vo");

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT).contains("error=invalid_request").doesNotContain("code=");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("code_challenge_method");
    }

    @Test
    void aServiceAccountTokenIntrospectsToItsOwnClientOnly() {
        JsonNode issued = tokens.post("/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", LOKET, "client_secret", LOKET_SECRET));
        String token = issued.path("access_token").asText();

        JsonNode own = introspect(token, LOKET, LOKET_SECRET);
        assertThat(own.path("active").asBoolean()).as("%s", own).isTrue();
        assertThat(own.path("client_id").asText()).isEqualTo(LOKET);
        JsonNode other = introspect(token, "dv_geoportaal", "dv_geoportaal-demo-secret");
        assertThat(other.path("active").asBoolean()).isFalse();
        assertThat(other.size()).isEqualTo(1);
        JsonNode garbage = introspect(token.substring(0, token.length() - 4) + "AAAA", LOKET, LOKET_SECRET);
        assertThat(garbage.path("active").asBoolean()).isFalse();
        assertThat(garbage.size()).isEqualTo(1);
    }

    @Test
    void openidClient5PassingOnlyTheCodeFailsWhileTheRealmAdvertisesRfc9207() {
        JsonNode advertised = NodeScripts.run("rp-openid-client-5.mjs", openidClient5("bart.claes", LOKET, null));

        assertThat(advertised.path("advertised").asBoolean()).as("RFC 9207 is advertised by default").isTrue();
        assertThat(advertised.path("error").asText()).contains("iss missing");
        assertThat(advertised.has("claims")).isFalse();
    }

    /** Every CONTRACT.md person who signs in at an application: openid-client 5 completes with the contract's claims. */
    @ParameterizedTest(name = "{0} at {1} {3}")
    @MethodSource("org.toegang.launcher.signin.CapacitySignInIT#signedIn")
    void openidClient5PassingOnlyTheCodeCompletesWhenTheRealmStopsAdvertisingRfc9207(
            String user, String client, List<String> chooser, String choose, Map<String, Object> expected) throws Exception {
        setRealmAttribute("toegang.rfc9207.advertised", "false");
        try {
            JsonNode result = NodeScripts.run("rp-openid-client-5.mjs", openidClient5(user, client, choose));

            assertThat(result.path("advertised").asBoolean()).isFalse();
            assertThat(result.has("error") || result.has("page")).as("%s", result).isFalse();
            assertThat(texts(result.path("chooser"))).isEqualTo(chooser);
            for (JsonNode claims : List.of(result.path("claims"), result.path("userinfo"))) {
                assertThat(claims.path("sub").asText()).isEqualTo(claims.path("vo_id").asText()).isNotBlank();
                expected.forEach((name, value) -> assertThat(JSON.convertValue(claims.path(name), Object.class))
                        .as("%s of %s", name, user).isEqualTo(value));
            }
        } finally {
            setRealmAttribute("toegang.rfc9207.advertised", "true");
        }
    }

    /** Every CONTRACT.md person an application must refuse: openid-client 5 gets no code, the person a clear page. */
    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("org.toegang.launcher.signin.CapacitySignInIT#refused")
    void openidClient5GetsNoCodeForThePeopleTheContractRefuses(String user, String client) throws Exception {
        setRealmAttribute("toegang.rfc9207.advertised", "false");
        try {
            JsonNode result = NodeScripts.run("rp-openid-client-5.mjs", openidClient5(user, client, null));

            assertThat(result.path("page").asText()).as("%s", result).isEqualTo("toegang-refused");
            assertThat(result.path("reason").asText()).isEqualTo("toegangRefusedNoRight");
            assertThat(result.has("claims")).isFalse();
            assertThat(result.has("userinfo")).isFalse();
        } finally {
            setRealmAttribute("toegang.rfc9207.advertised", "true");
        }
    }

    private static Map<String, Object> openidClient5(String user, String client, String choose) {
        Map<String, Object> arguments = new java.util.HashMap<>(Map.of("base", toegang.keycloakUrl().toString(),
                "realm", "toegang", "clientId", client, "secret", client + "-demo-secret", "username", user,
                "password", CapacitySignInIT.PASSWORD,
                "scope", client.equals(LOKET) ? CapacitySignInIT.SCOPE_LOKET : CapacitySignInIT.SCOPE_GEO));
        if (choose != null) {
            arguments.put("choose", choose);
        }
        return arguments;
    }

    /**
     * Every CONTRACT.md person who signs in switches the ACM/IDM way: no page, no password; the
     * chooser comes back for those who have one (and the other capacity is taken), the same
     * capacity is given again to those who have one, and the first client session's refresh
     * token stops working.
     */
    @ParameterizedTest(name = "{0} at {1} {3}")
    @MethodSource("org.toegang.launcher.signin.CapacitySignInIT#signedIn")
    void switchTrueEndsOnlyTheApplicationsSessionAndTheChooserComesBackWithoutPassword(
            String user, String client, List<String> chooser, String choose, Map<String, Object> expected)
            throws Exception {
        String other = chooser.stream().filter(capacity -> !capacity.equals(choose)).findFirst().orElse(null);
        String secret = client + "-demo-secret";
        Map<String, Object> arguments = new java.util.HashMap<>(openidClient5(user, client, choose));
        if (other != null) {
            arguments.put("chooseAfter", other);
        }
        JsonNode result = NodeScripts.run("switch.mjs", arguments);

        assertThat(result.path("endSessionEndpoint").asText()).endsWith("/realms/toegang/toegang-session/end-session");
        JWTClaimsSet first = tokens.verify(result.path("firstTokens").path("access_token").asText());
        expected.forEach((name, value) -> assertThat(first.getClaim(name)).as(name).isEqualTo(value));
        assertThat(result.path("afterSwitch").asText()).contains("/switched").contains("state=switch-1");
        assertThat(result.path("pagesDuringSwitch")).as("no page shown").isEmpty();
        assertThat(result.path("passwordAsked").asBoolean()).isFalse();
        assertThat(texts(result.path("chooser"))).isEqualTo(chooser);
        JWTClaimsSet second = tokens.verify(result.path("secondTokens").path("access_token").asText());
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        if (other == null) {
            expected.forEach((name, value) -> assertThat(second.getClaim(name)).as(name).isEqualTo(value));
        } else {
            assertThat(second.getClaim("vo_doelgroepcode") + ":" + second.getClaim("vo_orgcode")).isEqualTo(other);
            assertThat(second.getStringListClaim(client + "_rol_3d")).isNotEmpty()
                    .allSatisfy(role -> assertThat(role).endsWith(":" + other.substring(other.indexOf(':') + 1)));
        }
        // the first client session ended: its refresh token no longer works
        JsonNode stale = tokens.refresh(client, secret, result.path("firstTokens").path("refresh_token").asText());
        assertThat(stale.path("status").asInt()).as("%s", stale).isEqualTo(400);
        assertThat(stale.has("access_token")).isFalse();
        // the second one works
        JsonNode fresh = tokens.refresh(client, secret, result.path("secondTokens").path("refresh_token").asText());
        assertThat(fresh.path("status").asInt()).as("%s", fresh).isEqualTo(200);
    }

    @Test
    void aSwitchWithoutAValidIdTokenHintIsRefusedAndRedirectsNowhere() throws Exception {
        URI endSession = URI.create(toegang.realmUrl() + "/toegang-session/end-session?switch=true"
                + "&id_token_hint=not-a-token&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A8000%2Fswitched");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endSession).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("id_token_hint");
    }

    @Test
    void aPrimaryMarkOnAWorkRelationDecidesVoOrgcodeOfAnsTargetGroupCapacity() throws Exception {
        assertThat(tokens.verify((String) withoutPkce("an.peeters", null).get("access_token")).getClaim("vo_orgcode"))
                .as("no mark, equal start: the smallest key").isEqualTo("0900000147");
        String voorbeeldstad = "toegangId=570ee140-a824-4f91-a656-902489ebdbae,ou=workRelations,dc=toegang,dc=local";
        modify(voorbeeldstad, new Modification(ModificationType.REPLACE, "toegangPrimary", "TRUE"));
        try {
            Object orgcode = null;
            for (int attempt = 0; attempt < 20 && !"0900000345".equals(orgcode); attempt++) {
                Thread.sleep(500); // the change feed reports the change to the rights cache
                orgcode = tokens.verify((String) withoutPkce("an.peeters", null).get("access_token")).getClaim("vo_orgcode");
            }
            assertThat(orgcode).as("the marked relation").isEqualTo("0900000345");
        } finally {
            modify(voorbeeldstad, new Modification(ModificationType.DELETE, "toegangPrimary"));
        }
    }

    @Test
    void aUsernameRenameInTheDirectoryKeepsSub() throws Exception {
        String personId = UUID.randomUUID().toString();
        String before = "rename." + personId.substring(0, 8);
        String after = before + ".nieuw";
        String relation = UUID.randomUUID().toString();
        DirectoryGrants grants = SharedStackAccess.directoryGrants();
        with(connection -> {
            connection.add("dn: uid=" + before + ",ou=people,dc=toegang,dc=local", "objectClass: top",
                    "objectClass: person", "objectClass: organizationalPerson", "objectClass: inetOrgPerson",
                    "objectClass: toegangPerson", "uid: " + before, "cn: Rename Test", "givenName: Rename",
                    "sn: Test", "mail: " + before + "@demo.toegang.local", "userPassword: " + CapacitySignInIT.PASSWORD,
                    "toegangPersonId: " + personId);
            connection.add("dn: toegangId=" + relation + ",ou=workRelations,dc=toegang,dc=local", "objectClass: top",
                    "objectClass: toegangWorkRelation", "toegangId: " + relation, "toegangPersonId: " + personId,
                    "toegangOrganisationKey: 0900000147", "toegangWorkRelationType: permanent",
                    "toegangValidFrom: 20200101000000Z");
        });
        String grant = grants.add(personId, LOKET, "LoketGebruiker", "0900000147");
        try {
            String subBefore = tokens.verify((String) withoutPkce(before, null).get("id_token")).getSubject();
            with(connection -> connection.modifyDN("uid=" + before + ",ou=people,dc=toegang,dc=local",
                    "uid=" + after, true));
            String subAfter = tokens.verify((String) withoutPkce(after, null).get("id_token")).getSubject();

            assertThat(subBefore).isEqualTo(personId);
            assertThat(subAfter).isEqualTo(subBefore);
        } finally {
            grants.delete(grant);
            with(connection -> {
                connection.delete("toegangId=" + relation + ",ou=workRelations,dc=toegang,dc=local");
                for (String uid : List.of(after, before)) {
                    try {
                        connection.delete("uid=" + uid + ",ou=people,dc=toegang,dc=local");
                    } catch (com.unboundid.ldap.sdk.LDAPException gone) {
                        // only one of the two names exists
                    }
                }
            });
        }
    }

    @Test
    void theChooserShowsEachCapacityOnOneRowInFourLanguagesAndATargetedSignInLeavesTheUsernameEmpty() {
        Path screenshots = Path.of("../docs/screenshots").toAbsolutePath().normalize();
        JsonNode result = NodeScripts.run("chooser-layout.mjs", Map.of("base", toegang.keycloakUrl().toString(),
                "realm", "toegang", "clientId", "dv_geoportaal", "username", "els.jacobs",
                "password", CapacitySignInIT.PASSWORD, "scope", CapacitySignInIT.SCOPE_GEO,
                "loginHint", LoginHint.encode("LB", "0900000147"), "screenshots", screenshots.toString()));

        assertThat(result.path("targetedUsername").asText()).as("the login_hint is not a username").isEmpty();
        assertThat(result.path("defaultLang").asText()).isEqualTo("nl");
        for (String locale : List.of("nl", "fr", "de", "en")) {
            JsonNode seen = result.path("languages").path(locale);
            assertThat(seen.path("lang").asText()).as(locale).isEqualTo(locale);
            assertThat(seen.path("passwordAsked").asBoolean()).as("single sign-on").isFalse();
            assertThat(seen.path("rows")).hasSize(2);
            List<String> values = new ArrayList<>();
            for (JsonNode row : seen.path("rows")) {
                values.add(row.path("value").asText());
                JsonNode radio = row.path("radio");
                assertThat(row.path("texts")).hasSize(2);
                for (JsonNode text : row.path("texts")) {
                    JsonNode box = text.path("box");
                    // one row: each label overlaps the radio vertically and stands to its right
                    assertThat(box.path("top").asDouble()).as("%s %s", locale, text).isLessThan(radio.path("bottom").asDouble());
                    assertThat(box.path("bottom").asDouble()).as("%s %s", locale, text).isGreaterThan(radio.path("top").asDouble());
                    assertThat(box.path("left").asDouble()).isGreaterThanOrEqualTo(radio.path("right").asDouble());
                    // long names and target groups (French) wrap inside the box instead of running out of it
                    assertThat(box.path("right").asDouble()).as("%s %s inside the box", locale, text)
                            .isLessThanOrEqualTo(seen.path("fieldset").path("right").asDouble());
                }
            }
            assertThat(values).containsExactly("GID:OVO900001", "LB:0900000147");
            assertThat(texts(seen.path("rows").get(1).path("texts").findValues("text")))
                    .contains("Gemeente Demodorp");
            assertThat(seen.path("afterArrow").asText()).as("arrow keys move the choice").isEqualTo("LB:0900000147");
        }
        assertThat(screenshots.resolve("chooser-fr.png")).exists();
    }

    /** What a resource server of an ACM/IDM application decides from an introspection answer. */
    static final class ResourceServer {
        private ResourceServer() {
        }

        /** Active, an organisation named, and a role whose part before ':' is the right (context included). */
        static boolean authorises(JsonNode introspection, String right) {
            if (!introspection.path("active").asBoolean() || introspection.path("vo_orgcode").asText().isBlank()) {
                return false;
            }
            for (JsonNode value : introspection.path("dv_loket_rol_3d")) {
                String before = value.asText().split(":", 2)[0];
                if (before.equals(right) || before.startsWith(right + "-")) {
                    return true;
                }
            }
            return false;
        }
    }

    private static JsonNode introspect(String token, String clientId, String secret) {
        return introspect(token, clientId, secret, "access_token");
    }

    private static JsonNode introspect(String token, String clientId, String secret, String hint) {
        JsonNode answer = tokens.post("/protocol/openid-connect/token/introspect",
                Map.of("token", token, "client_id", clientId, "client_secret", secret, "token_type_hint", hint));
        assertThat(answer.path("status").asInt()).isEqualTo(200);
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove("status");
        return answer;
    }

    private static JsonNode userinfo(String accessToken) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(toegang.realmUrl() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void setRealmAttribute(String name, String value) throws Exception {
        String body = JSON.writeValueAsString(Map.of("attributes", Map.of(name, value)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        toegang.keycloakUrl().resolve("/admin/realms/toegang"))
                .header("Authorization", "Bearer " + toegang.adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static List<String> texts(Object node) {
        List<String> values = new ArrayList<>();
        if (node instanceof JsonNode json) {
            json.forEach(value -> values.add(value.asText()));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> values.add(((JsonNode) value).asText()));
        }
        return values;
    }

    private interface Change {
        void apply(LDAPConnection connection) throws Exception;
    }

    private static void modify(String dn, Modification modification) throws Exception {
        with(connection -> connection.modify(dn, modification));
    }

    private static void with(Change change) throws Exception {
        DirectoryAccess directory = toegang.directory();
        LDAPURL url = new LDAPURL(directory.url());
        try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(), directory.bindDn(),
                directory.password())) {
            change.apply(connection);
        }
    }
}
