package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.w3c.dom.Document;

/**
 * SAML beyond the default flow, with node-saml as the SP: encrypted assertions once the SP
 * registers an encryption key, and the HTTP-POST request binding with a signed AuthnRequest
 * (the realm's SAML clients require signed requests, {@code saml.client.signature}).
 */
@ExtendWith(ToegangStackExtension.class)
class SamlBindingsIT {
    private static final String GEOPORTAAL = "urn:toegang:sp:dv_geoportaal";
    private static final String LOKET = "urn:toegang:sp:dv_loket";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static RunningToegang toegang;

    @BeforeAll
    static void stack(RunningToegang running) {
        SharedStackAccess.use(running);
        toegang = running;
    }

    @Test
    void encryptsTheAssertionForAnSpThatRegisteredAnEncryptionKeyAndNodeSamlDecryptsIt() throws Exception {
        // The SP registers its certificate for encryption, as its administrator would. Key transport
        // rsa-oaep-mgf1p with its default SHA-1 digest: node-saml's xml-encryption 3 knows neither
        // xmlenc11#rsa-oaep nor the xmlenc#sha256 digest URI that Keycloak writes by default.
        Map<String, String> encryption = Map.of("saml.encrypt", "true",
                "saml.encryption.certificate", realmClientAttribute(GEOPORTAAL, "saml.signing.certificate"),
                "saml.encryption.keyAlgorithm", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
                "saml.encryption.digestMethod", "http://www.w3.org/2000/09/xmldsig#sha1",
                "saml.encryption.algorithm", "http://www.w3.org/2009/xmlenc11#aes256-gcm");
        updateClientAttributes(GEOPORTAAL, encryption);
        try {
            JsonNode result = NodeScripts.run("sp-node-saml.mjs", Map.of("base", base(), "realm", "toegang",
                    "entityId", GEOPORTAAL, "spPrivateKey", realmClientAttribute(GEOPORTAAL, "saml.signing.private.key"),
                    "username", "an.peeters", "password", CapacitySignInIT.PASSWORD, "decrypt", true));

            assertThat(result.path("encryptedAssertion").asBoolean()).as("%s", result).isTrue();
            assertGeoportaalAttributesOfAn(result);
            Document response = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(result.path("samlResponse").asText())));
            assertThat(SamlSignatures.verifyAll(response, SharedStackAccess.realmUrl())).as("the response's signature")
                    .isGreaterThanOrEqualTo(1);
        } finally {
            // an admin PUT keeps attributes it does not name: switch encryption off explicitly
            updateClientAttributes(GEOPORTAAL, Map.of("saml.encrypt", "false"));
        }
    }

    @Test
    void acceptsASignedAuthnRequestOverTheHttpPostBinding() throws Exception {
        JsonNode result = NodeScripts.run("sp-node-saml.mjs", Map.of("base", base(), "realm", "toegang",
                "entityId", GEOPORTAAL, "spPrivateKey", realmClientAttribute(GEOPORTAAL, "saml.signing.private.key"),
                "username", "an.peeters", "password", CapacitySignInIT.PASSWORD, "binding", "post"));

        assertThat(result.path("encryptedAssertion").asBoolean()).as("%s", result).isFalse();
        assertGeoportaalAttributesOfAn(result);
    }

    @Test
    void refusesAnHttpPostAuthnRequestSignedWithAnotherSpsKey() throws Exception {
        JsonNode result = NodeScripts.run("sp-node-saml.mjs", Map.of("base", base(), "realm", "toegang",
                "entityId", GEOPORTAAL, "spPrivateKey", realmClientAttribute(LOKET, "saml.signing.private.key"),
                "username", "an.peeters", "password", CapacitySignInIT.PASSWORD, "binding", "post"));

        assertThat(result.path("page").asText()).as("%s", result).isEqualTo("no-login");
        assertThat(result.has("samlResponse")).isFalse();
    }

    private static void assertGeoportaalAttributesOfAn(JsonNode result) {
        assertThat(result.path("nameIdFormat").asText()).as("%s", result)
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
        JsonNode attributes = result.path("attributes");
        assertThat(attributes.path("vo_doelgroepcode").asText()).isEqualTo("GID");
        assertThat(attributes.path("vo_orgcode").asText()).isEqualTo("OVO900001");
        assertThat(attributes.path("dv_geoportaal_rol_3d").asText()).isEqualTo("GeoGebruiker-editor:OVO900001");
    }

    private static String base() {
        return SharedStackAccess.keycloakUrl().toString();
    }

    /** An attribute of a SAML client as the realm file defines it (the SP's demo keys live there). */
    private static String realmClientAttribute(String entityId, String attribute) throws Exception {
        try (var in = SamlBindingsIT.class.getResourceAsStream("/org/toegang/launcher/toegang-realm.json")) {
            for (JsonNode client : JSON.readTree(in).path("clients")) {
                if (client.path("clientId").asText().equals(entityId)) {
                    return client.path("attributes").path(attribute).asText();
                }
            }
        }
        throw new IllegalStateException("no SAML client " + entityId);
    }

    private static void updateClientAttributes(String entityId, Map<String, String> attributes) throws Exception {
        String token = toegang.adminToken();
        URI clients = URI.create(toegang.keycloakUrl() + "/admin/realms/toegang/clients");
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                + URLEncoder.encode(entityId, StandardCharsets.UTF_8))).GET(), token).body());
        ObjectNode client = (ObjectNode) found.get(0);
        ObjectNode clientAttributes = (ObjectNode) client.path("attributes");
        attributes.forEach(clientAttributes::put);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())), token);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
