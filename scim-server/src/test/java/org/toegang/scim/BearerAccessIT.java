package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/**
 * The RFC 6750 §3.1 answers over HTTP: {@code invalid_token} (401) for a token that does not
 * verify, {@code insufficient_scope} (403) for a valid token without a {@code toegang-scim} role.
 * The token rules themselves are in {@code TokenVerifierTest}; real Keycloak tokens in the launcher's
 * {@code ScimTokensIT}.
 */
class BearerAccessIT {
    static final String USER_NAME = "bearer.access";
    static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bearer.access",
             "name":{"givenName":"Bearer","familyName":"Access"}}""";

    @TempDir
    static Path data;
    static ScimTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ScimTestServer(data, ScimLimits.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void refusesAValidTokenWithoutAScimRoleAsInsufficientScope() {
        Reply reply = server.send("GET", "Users", server.tokenWithScimRoles("dv_geoportaal", List.of()), null, Map.of());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"toegang\", error=\"insufficient_scope\"");
        assertThat(reply.json().path("Resources").isMissingNode()).isTrue();
    }

    @Test
    void refusesAnExpiredTokenAsInvalidToken() {
        Reply reply = server.send("GET", "Users", server.expiredToken("scim-provisioner"), null, Map.of());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"toegang\", error=\"invalid_token\"");
    }

    @Test
    void letsAReaderReadButNotWrite() {
        String reader = server.tokenWithScimRoles("dv_geoportaal", List.of("read"));

        assertThat(server.send("GET", "Users", reader, null, Map.of()).status()).isEqualTo(200);
        Reply write = server.send("POST", "Users", reader, USER, Map.of());
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"toegang\", error=\"insufficient_scope\"");
        assertThat(write.json().has("id")).isFalse();
        assertThat(write.json().has("userName")).isFalse();
        String everyone = server.tokenWithScimRoles("scim-provisioner", List.of("provision"));
        assertThat(server.send("GET", "Users?filter=" + java.net.URLEncoder.encode("userName eq \"" + USER_NAME + "\"",
                java.nio.charset.StandardCharsets.UTF_8), everyone, null, Map.of()).json().path("totalResults").asInt())
                .isZero();
    }

    @Test
    void letsAProvisionerWrite() {
        String provisioner = server.tokenWithScimRoles("some-hr-feed", List.of("provision"));

        Reply created = server.send("POST", "Users", provisioner, USER, Map.of());

        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        assertThat(server.send("DELETE", "Users/" + created.json().path("id").asText(), provisioner, null, Map.of())
                .status()).isEqualTo(204);
    }
}
