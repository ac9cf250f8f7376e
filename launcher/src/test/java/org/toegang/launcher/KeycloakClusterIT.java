package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.toegang.directory.DemoData;
import org.toegang.directory.OpenLdapServer;
import org.toegang.launcher.signin.DirectoryGrants;
import org.toegang.testing.PostgresCluster;

/**
 * The production topology as processes on this machine: two Keycloak nodes of the real
 * distribution in production mode ({@code kc.sh build}, then {@code kc.sh start --optimized}) on
 * Debian's PostgreSQL with clustered Infinispan caches (discovery through the database), an
 * OpenLDAP provider and a replica that follows it by syncrepl. Keycloak's user federation (the
 * password) reads the provider; our providers on both nodes (capacity step, rights, refresh
 * check, rights cache) read the replica. Both nodes have one public URL, a load balancer's
 * ({@link FailoverBalancer}), so a token of one node is a token of the other; the tests call each
 * node directly where it matters which one answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakClusterIT {
    private static final String CLIENT = "dv_loket";
    private static final String SECRET = "dv_loket-demo-secret";
    private static final String AN = "de47ef3f-70e5-40b8-9b55-d293b7687bcb";
    private static final Path SHIPPED_FORMS = Path.of("../ldap-schema/openldap").toAbsolutePath().normalize();

    private static final List<AutoCloseable> started = new ArrayList<>();
    private static OpenLdapServer provider;
    private static KeycloakServer node1;
    private static KeycloakServer node2;
    private static URI publicUrl;

    @BeforeAll
    static void startTopology() throws Exception {
        assumeTrue(OpenLdapServer.installed() && PostgresCluster.installed() || "true".equals(System.getenv("CI")),
                "slapd or PostgreSQL is not installed (apt-get install slapd ldap-utils postgresql): "
                        + "the Keycloak cluster is not checked");
        Path work = Path.of(System.getProperty("toegang.it.work", "target/it")).resolve("cluster").toAbsolutePath();
        KeycloakHome.deleteRecursively(work);
        Files.createDirectories(work);
        PostgresCluster postgres = register(PostgresCluster.start());
        provider = register(OpenLdapServer.start(work.resolve("ldap-provider"), SHIPPED_FORMS, true));
        OpenLdapServer replica = register(OpenLdapServer.startReplica(work.resolve("ldap-replica"), SHIPPED_FORMS,
                provider.ldapUrl()));

        int[] http = {ProductionKeycloak.freePort(), ProductionKeycloak.freePort()};
        FailoverBalancer balancer = register(new FailoverBalancer(List.of(URI.create("http://127.0.0.1:" + http[0]),
                URI.create("http://127.0.0.1:" + http[1]))));
        publicUrl = URI.create("http://localhost:" + balancer.port());
        RealmDefinition realm = RealmDefinition.forDirectory(
                new DirectoryAccess(provider.ldapUrl(), OpenLdapServer.ADMIN_DN, OpenLdapServer.ADMIN_PASSWORD));
        Map<String, String> environment = Map.of(
                "KC_DB_URL", postgres.jdbcUrl(), "KC_DB_USERNAME", postgres.user(), "KC_DB_PASSWORD", "unused",
                "KC_SPI_TOEGANG_DIRECTORY__DEFAULT__URL", replica.ldapUrl(),
                "KC_SPI_TOEGANG_DIRECTORY__DEFAULT__BIND_DN", OpenLdapServer.ADMIN_DN,
                "KC_SPI_TOEGANG_DIRECTORY__DEFAULT__PASSWORD", OpenLdapServer.ADMIN_PASSWORD);
        ProductionKeycloak keycloak = new ProductionKeycloak(work, realm, publicUrl, environment, Map.of());
        node1 = register(keycloak.start(1, http[0], Map.of()));
        node2 = register(keycloak.start(2, http[1], Map.of()));
        ProductionKeycloak.awaitClusterOf(node2, 2);
    }

    @AfterAll
    static void stopTopology() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.out.println("could not stop " + started.get(i) + ": " + e);
            }
        }
    }

    @Test
    @Order(1)
    void aPersonSignedInOnNodeOneRefreshesOnNodeTwo() {
        Map<String, Object> tokens = signIn(node1, "bart.claes");

        JsonNode refreshed = refresh(node2, (String) tokens.get("refresh_token"));

        assertThat(refreshed.path("status").asInt()).as("%s", refreshed).isEqualTo(200);
        assertThat(roles(refreshed)).containsExactly("LoketGebruiker:0900000147");
        assertThat(claim(refreshed, "iss")).isEqualTo(publicUrl + "/realms/toegang");
    }

    @Test
    @Order(2)
    void aGrantRevokedOnTheProviderIsGoneFromTheNextRefreshOnBothNodesThatReadTheReplica() {
        DirectoryGrants grants = new DirectoryGrants(provider.ldapUrl(), OpenLdapServer.ADMIN_DN,
                OpenLdapServer.ADMIN_PASSWORD);
        String extra = grants.add(AN, CLIENT, "LoketBeheerder", "0900000147");
        try {
            String refreshToken = (String) signIn(node1, "an.peeters").get("refresh_token");
            for (KeycloakServer node : List.of(node1, node2)) {
                assertThat(roles(refresh(node, refreshToken))).as(node.baseUrl().toString())
                        .contains("LoketBeheerder:0900000147");
            }

            grants.setStatus(extra, "revoked");
            long revokedAt = System.nanoTime();
            for (KeycloakServer node : List.of(node1, node2)) {
                List<String> roles = roles(refresh(node, refreshToken));
                // the replica receives the change by syncrepl, the node's rights cache hears it from the replica
                for (int attempt = 0; attempt < 50 && roles.contains("LoketBeheerder:0900000147"); attempt++) {
                    sleep(100);
                    roles = roles(refresh(node, refreshToken));
                }
                System.out.printf("revoked on the provider: gone from refreshes on %s after %d ms%n", node.baseUrl(),
                        Duration.ofNanos(System.nanoTime() - revokedAt).toMillis());
                assertThat(roles).as(node.baseUrl().toString()).containsExactly("LoketGebruiker:0900000147,0900000345");
            }
        } finally {
            grants.delete(extra);
        }
    }

    @Test
    @Order(3)
    void whenNodeOneIsKilledNodeTwoKeepsServingItsSessions() throws Exception {
        String bart = (String) signIn(node1, "bart.claes").get("refresh_token");
        String chris = (String) signIn(node2, "chris.wouters", "EA:0900000246").get("refresh_token");

        ProductionKeycloak.kill(node1);

        JsonNode bartRefreshed = refresh(node2, bart);
        JsonNode chrisRefreshed = refresh(node2, chris);
        assertThat(bartRefreshed.path("status").asInt()).as("%s", bartRefreshed).isEqualTo(200);
        assertThat(roles(bartRefreshed)).containsExactly("LoketGebruiker:0900000147");
        assertThat(chrisRefreshed.path("status").asInt()).as("%s", chrisRefreshed).isEqualTo(200);
        assertThat(roles(chrisRefreshed)).containsExactly("LoketGebruiker:0900000246");
        // and new sign-ins go on
        assertThat(roles(refresh(node2, (String) signIn(node2, "an.peeters").get("refresh_token"))))
                .containsExactly("LoketGebruiker:0900000147,0900000345");
    }

    private static Map<String, Object> signIn(KeycloakServer node, String username) {
        return signIn(node, username, null);
    }

    private static Map<String, Object> signIn(KeycloakServer node, String username, String capacity) {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(realmUrl(node), CLIENT, SECRET,
                LoketSessions.REDIRECT);
        var afterLogin = signIn.submit(signIn.open(LoketSessions.SCOPE), username, DemoData.PASSWORD);
        var last = capacity == null ? afterLogin : signIn.choose(afterLogin, capacity);
        String code = signIn.code(last).orElseThrow(() -> new AssertionError(
                "no code for " + username + " at " + node.baseUrl() + ": " + last.statusCode() + " " + last.body()));
        return signIn.exchange(code);
    }

    private static JsonNode refresh(KeycloakServer node, String refreshToken) {
        return LoketSessions.post(realmUrl(node) + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT,
                "client_secret", SECRET));
    }

    /**
     * A node's own address for the realm: the sign-in starts there and the code is exchanged
     * there. Its pages name the public URL, so the login form is posted through the balancer.
     */
    private static URI realmUrl(KeycloakServer node) {
        return URI.create(node.baseUrl() + "/realms/" + RealmDefinition.REALM);
    }

    private static List<String> roles(JsonNode tokenResponse) {
        try {
            List<String> roles = SignedJWT.parse(tokenResponse.path("access_token").asText()).getJWTClaimsSet()
                    .getStringListClaim(CLIENT + "_rol_3d");
            return roles == null ? List.of() : roles;
        } catch (Exception e) {
            return List.of();
        }
    }

    private static Object claim(JsonNode tokenResponse, String name) {
        try {
            return SignedJWT.parse(tokenResponse.path("access_token").asText()).getJWTClaimsSet().getClaim(name);
        } catch (Exception e) {
            throw new AssertionError(tokenResponse.toString(), e);
        }
    }

    private static <T extends AutoCloseable> T register(T part) {
        started.add(part);
        return part;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
