package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.w3c.dom.Document;

/** The flows as independent client libraries run them: openid-client (OIDC RP), node-saml (SAML SP). */
@ExtendWith(ToegangStackExtension.class)
class IndependentClientsIT {
    static String base;

    @BeforeAll
    static void stack(RunningToegang toegang) {
        SharedStackAccess.use(toegang);
        base = SharedStackAccess.keycloakUrl().toString();
    }

    @Test
    void openidClientSignsAnInAtTheGeoportaalAndReadsIdTokenAndUserinfo() {
        JsonNode result = NodeScripts.run("rp-openid-client.mjs", Map.of("base", base, "realm", "toegang",
                "clientId", "dv_geoportaal", "secret", "dv_geoportaal-demo-secret", "username", "an.peeters",
                "password", CapacitySignInIT.PASSWORD, "scope", "openid profile vo rrn dv_geoportaal"));

        for (JsonNode claims : List.of(result.path("idTokenClaims"), result.path("userinfo"))) {
            assertThat(claims.path("vo_doelgroepcode").asText()).isEqualTo("GID");
            assertThat(claims.path("vo_orgcode").asText()).isEqualTo("OVO900001");
            assertThat(claims.path("rrn").asText()).isEqualTo("85031212362");
            assertThat(claims.path("dv_geoportaal_rol_3d").toString()).isEqualTo("[\"GeoGebruiker-editor:OVO900001\"]");
        }
    }

    @Test
    void nodeSamlValidatesChrisResponseForTheLoketAsEconomicActor() throws Exception {
        JsonNode result = NodeScripts.run("sp-node-saml.mjs", Map.of("base", base, "realm", "toegang",
                "entityId", "urn:toegang:sp:dv_loket", "spPrivateKey", spPrivateKey("urn:toegang:sp:dv_loket"),
                "username", "chris.wouters", "password", CapacitySignInIT.PASSWORD, "choose", "EA:0900000246"));

        assertThat(result.path("nameIdFormat").asText()).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
        JsonNode attributes = result.path("attributes");
        assertThat(attributes.path("vo_doelgroepcode").asText()).isEqualTo("EA");
        assertThat(attributes.path("vo_orgcode").asText()).isEqualTo("0900000246");
        assertThat(attributes.path("wv_orgcode").asText()).isEqualTo("0900000246");
        assertThat(attributes.path("dv_loket_rol_3d").asText()).isEqualTo("LoketGebruiker:0900000246");

        Document response = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(
                new ByteArrayInputStream(Base64.getMimeDecoder().decode(result.path("samlResponse").asText())));
        assertThat(SamlSignatures.verifyAll(response, SharedStackAccess.realmUrl())).as("verified signatures")
                .isGreaterThanOrEqualTo(2); // the response's and the assertion's
    }

    /** The SP's signing key, as the realm holds it for the SAML client (demo only). */
    static String spPrivateKey(String entityId) throws Exception {
        try (var in = IndependentClientsIT.class.getResourceAsStream("/org/toegang/launcher/toegang-realm.json")) {
            JsonNode realm = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (JsonNode client : realm.path("clients")) {
                if (client.path("clientId").asText().equals(entityId)) {
                    return client.path("attributes").path("saml.signing.private.key").asText();
                }
            }
        }
        throw new IllegalStateException("no SAML client " + entityId);
    }
}
