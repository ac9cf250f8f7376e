package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toegang.core.capacity.LoginHint;

/**
 * CONTRACT.md's people table end to end: the real Keycloak distribution with our providers,
 * the browser flow in headless Debian chromium, tokens verified with Nimbus against the JWKS.
 */
@ExtendWith(ToegangStackExtension.class)
class CapacitySignInIT {
    static final String PASSWORD = "Demo-Toegang-1";
    static final String SCOPE_GEO = "openid profile vo rrn wettelijkvertegenwoordiger dv_geoportaal";
    static final String SCOPE_LOKET = "openid profile vo rrn wettelijkvertegenwoordiger dv_loket";

    static URI base;
    static URI realm;
    static Tokens tokens;

    @BeforeAll
    static void stack(RunningToegang toegang) {
        SharedStackAccess.use(toegang);
        base = SharedStackAccess.keycloakUrl();
        realm = SharedStackAccess.realmUrl();
        tokens = new Tokens(realm);
    }

    static JsonNode signIn(String user, String client, String scope, String loginHint, String choose) {
        Map<String, Object> arguments = new HashMap<>(Map.of("base", base.toString(), "realm", "toegang",
                "clientId", client, "secret", client + "-demo-secret", "username", user, "password", PASSWORD,
                "scope", scope));
        if (loginHint != null) {
            arguments.put("loginHint", loginHint);
        }
        if (choose != null) {
            arguments.put("choose", choose);
        }
        return NodeScripts.run("signin.mjs", arguments);
    }

    /** user, client, chooser offered (empty: none shown), capacity to choose, expected claims. */
    static Stream<Arguments> signedIn() {
        return Stream.of(
                Arguments.of("an.peeters", "dv_geoportaal", List.of(), null,
                        Map.of("vo_doelgroepcode", "GID", "vo_orgcode", "OVO900001", "vo_orgnaam", "Departement Demo",
                                "rrn", "85031212362", "dv_geoportaal_rol_3d", List.of("GeoGebruiker-editor:OVO900001"))),
                Arguments.of("an.peeters", "dv_loket", List.of(), null,
                        Map.of("vo_doelgroepcode", "LB", "vo_doelgroepnaam", "Lokaal Bestuur",
                                "dv_loket_rol_3d", List.of("LoketGebruiker:0900000147,0900000345"))),
                Arguments.of("bart.claes", "dv_loket", List.of(), null,
                        Map.of("vo_doelgroepcode", "LB", "vo_orgcode", "0900000147", "rrn", "90070104224",
                                "dv_loket_rol_3d", List.of("LoketGebruiker:0900000147"))),
                Arguments.of("chris.wouters", "dv_loket", List.of("LB:0900000147", "EA:0900000246"), "EA:0900000246",
                        Map.of("vo_doelgroepcode", "EA", "vo_orgcode", "0900000246", "wv_orgcode", "0900000246",
                                "dv_loket_rol_3d", List.of("LoketGebruiker:0900000246"))),
                Arguments.of("chris.wouters", "dv_loket", List.of("LB:0900000147", "EA:0900000246"), "LB:0900000147",
                        Map.of("vo_doelgroepcode", "LB", "vo_orgcode", "0900000147",
                                "dv_loket_rol_3d", List.of("LoketGebruiker:0900000147"))),
                Arguments.of("els.jacobs", "dv_geoportaal", List.of("GID:OVO900001", "LB:0900000147"), "LB:0900000147",
                        Map.of("vo_doelgroepcode", "LB", "vo_orgcode", "0900000147", "vo_orgnaam", "Gemeente Demodorp",
                                "dv_geoportaal_rol_3d", List.of("GeoGebruiker-lezer:0900000147"))));
    }

    @ParameterizedTest(name = "{0} at {1} {3}")
    @MethodSource("signedIn")
    void signInGivesTheContractsCapacityAndRoles(String user, String client, List<String> chooser, String choose,
                                                 Map<String, Object> expected) {
        JsonNode result = signIn(user, client, client.equals("dv_loket") ? SCOPE_LOKET : SCOPE_GEO, null, choose);

        assertThat(result.path("page").isMissingNode()).as("no refusal: %s", result).isTrue();
        assertThat(ids(result.path("chooser"))).isEqualTo(chooser);
        JWTClaimsSet id = tokens.verify(result.path("tokens").path("id_token").asText());
        JWTClaimsSet access = tokens.verify(result.path("tokens").path("access_token").asText());
        for (JWTClaimsSet claims : List.of(id, access)) {
            expected.forEach((name, value) -> assertThat(claims.getClaim(name)).as(name).isEqualTo(value));
            assertThat(claims.getClaims().keySet()).filteredOn(name -> name.endsWith("_rol_3d"))
                    .containsExactly(client + "_rol_3d");
            assertThat(claims.getClaim("vo_id")).asString().isNotBlank();
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(Arguments.of("bart.claes", "dv_geoportaal"), Arguments.of("dina.maes", "dv_loket"),
                Arguments.of("dina.maes", "dv_geoportaal"));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("refused")
    void aPersonWithoutAnActiveRightIsRefusedWithAClearPage(String user, String client) {
        JsonNode result = signIn(user, client, "openid vo", null, null);

        assertThat(result.path("page").asText()).isEqualTo("toegang-refused");
        assertThat(result.path("reason").asText()).isEqualTo("toegangRefusedNoRight");
        assertThat(result.path("lang").asText()).isEqualTo("nl");
        assertThat(result.path("text").asText()).contains("geen geldig gebruikersrecht", client)
                .doesNotContain("Exception");
        assertThat(result.has("tokens")).isFalse();
    }

    @Test
    void aLoginHintSkipsTheChooserAndGivesOnlyThatCapacity() {
        JsonNode result = signIn("els.jacobs", "dv_geoportaal", SCOPE_GEO, LoginHint.encode("LB", "0900000147"), null);

        assertThat(result.has("chooser")).isFalse();
        JWTClaimsSet claims = tokens.verify(result.path("tokens").path("access_token").asText());
        assertThat(claims.getClaim("vo_orgcode")).isEqualTo("0900000147");
        assertThat(claims.getClaim("dv_geoportaal_rol_3d")).isEqualTo(List.of("GeoGebruiker-lezer:0900000147"));
    }

    @Test
    void aForeignLoginHintIsRefusedNeverWidened() {
        JsonNode result = signIn("an.peeters", "dv_geoportaal", SCOPE_GEO, LoginHint.encode("LB", "0900000147"), null);

        assertThat(result.path("page").asText()).isEqualTo("toegang-refused");
        assertThat(result.path("reason").asText()).isEqualTo("toegangRefusedForeignHint");
        assertThat(result.has("tokens")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHints")
    void aMalformedLoginHintShowsAClearErrorPage(String name, String hint) {
        JsonNode result = signIn("an.peeters", "dv_geoportaal", SCOPE_GEO, hint, null);

        assertThat(result.path("page").asText()).isEqualTo("toegang-error");
        assertThat(result.path("reason").asText()).isEqualTo("toegangHintMalformed");
        assertThat(result.path("text").asText()).contains("login_hint").doesNotContain("Exception", "at org.");
        assertThat(result.has("tokens")).isFalse();
    }

    static Stream<Arguments> malformedHints() {
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        return Stream.of(Arguments.of("not base64", "%%%nope"),
                Arguments.of("not JSON", b64.encodeToString("hello".getBytes())),
                Arguments.of("unknown target group", b64.encodeToString("{\"cap_hint\":\"XYZ\"}".getBytes())));
    }

    private static List<String> ids(JsonNode array) {
        return array.isMissingNode() ? List.of() : Stream.of(array).flatMap(node -> {
            List<String> values = new java.util.ArrayList<>();
            node.forEach(value -> values.add(value.asText()));
            return values.stream();
        }).toList();
    }
}
