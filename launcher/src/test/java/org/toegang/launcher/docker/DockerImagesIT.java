package org.toegang.launcher.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The images of {@code docker/}, built from their Dockerfiles and run with Testcontainers: the
 * OpenLDAP provider and a replica that follows it (syncrepl), the SCIM server over the directory,
 * and Keycloak with our providers, theme and realm on PostgreSQL, configured only through the
 * environment. Needs a Docker engine and {@code docker/prepare.sh} run after {@code mvn package};
 * where no engine answers, every test is skipped with that reason (never passed).
 */
class DockerImagesIT {
    private static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();
    private static final String LDAP_PASSWORD = "test-only-ldap";
    private static final String ADMIN_DN = "cn=admin,dc=toegang,dc=local";

    /** Why the tests cannot run here, or null when they can; asked once per JVM. */
    private static String missing;
    private static boolean asked;

    /**
     * Each test, not the class, is skipped, so the report counts every one as skipped with the
     * reason (a class-level assumption would show as no tests at all).
     */
    @BeforeEach
    void requireDocker() {
        String reason = missing();
        assumeTrue(reason == null, reason);
    }

    private static synchronized String missing() {
        if (asked) {
            return missing;
        }
        asked = true;
        boolean engine;
        String why;
        try {
            engine = DockerClientFactory.instance().isDockerAvailable();
            why = "Testcontainers found no Docker engine (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                    + ", /var/run/docker.sock " + (Files.exists(Path.of("/var/run/docker.sock")) ? "present" : "absent")
                    + ")";
        } catch (RuntimeException | Error e) {
            engine = false;
            why = "Testcontainers found no Docker engine: " + e.getMessage();
        }
        if (!engine) {
            missing = "SKIPPED, no Docker engine answers: " + why
                    + ". Run these where Docker runs: docker/prepare.sh, then mvn -B verify -pl launcher -am "
                    + "-Dit.test=DockerImagesIT";
        } else if (!Files.isDirectory(DOCKER.resolve("openldap/schema"))) {
            missing = "SKIPPED, the build contexts are empty: run docker/prepare.sh first";
        }
        if (missing != null) {
            System.err.println("DockerImagesIT: " + missing);
        }
        return missing;
    }

    @Test
    void theReplicaFollowsTheProvider() throws Exception {
        try (Network network = Network.newNetwork();
             GenericContainer<?> provider = openLdap(network, "ldap-provider", Map.of("TOEGANG_LDAP_ROLE", "provider"));
             GenericContainer<?> replica = openLdap(network, "ldap-replica", Map.of("TOEGANG_LDAP_ROLE", "consumer",
                     "TOEGANG_LDAP_PROVIDER_URL", "ldap://ldap-provider:389"))) {
            provider.start();
            replica.start();
            try (LDAPConnection writes = connect(provider); LDAPConnection reads = connect(replica)) {
                writes.add(new Entry("ou=people,dc=toegang,dc=local", new com.unboundid.ldap.sdk.Attribute("objectClass",
                        "top", "organizationalUnit"), new com.unboundid.ldap.sdk.Attribute("ou", "people")));
                Entry copied = null;
                for (int attempt = 0; attempt < 50 && copied == null; attempt++) {
                    copied = reads.getEntry("ou=people,dc=toegang,dc=local");
                    Thread.sleep(200);
                }
                assertThat(copied).as("the replica has the provider's new entry").isNotNull();
            }
        }
    }

    @Test
    void theScimServerAnswersAndRefusesWithoutAToken() throws Exception {
        try (Network network = Network.newNetwork();
             GenericContainer<?> ldap = openLdap(network, "ldap-provider", Map.of("TOEGANG_LDAP_ROLE", "provider"));
             GenericContainer<?> scim = new GenericContainer<>(new ImageFromDockerfile("toegang/scim-server", false)
                     .withFileFromPath(".", DOCKER.resolve("scim-server")))
                     .withNetwork(network)
                     .withEnv(Map.of("TOEGANG_LDAP_URL", "ldap://ldap-provider:389", "TOEGANG_LDAP_BIND_DN", ADMIN_DN,
                             "TOEGANG_LDAP_PASSWORD", LDAP_PASSWORD,
                             "TOEGANG_ISSUER", "http://keycloak.invalid:8080/realms/toegang"))
                     .withExposedPorts(8090)
                     .waitingFor(Wait.forHttp("/scim/v2/ServiceProviderConfig").forStatusCode(200))) {
            ldap.start();
            scim.start();
            String base = "http://" + scim.getHost() + ":" + scim.getMappedPort(8090) + "/scim/v2/";
            HttpResponse<String> users = get(base + "Users");
            assertThat(users.statusCode()).isEqualTo(401);
            assertThat(users.body()).doesNotContain("userName");
        }
    }

    @Test
    void keycloakStartsOptimizedOnPostgresWithTheRealmAndMetrics() throws Exception {
        try (Network network = Network.newNetwork();
             GenericContainer<?> ldap = openLdap(network, "ldap-provider", Map.of("TOEGANG_LDAP_ROLE", "provider"));
             GenericContainer<?> postgres = new GenericContainer<>("postgres:16").withNetwork(network)
                     .withNetworkAliases("postgres")
                     .withEnv(Map.of("POSTGRES_DB", "keycloak", "POSTGRES_USER", "keycloak",
                             "POSTGRES_PASSWORD", "test-only-postgres"))
                     .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
             GenericContainer<?> keycloak = new GenericContainer<>(new ImageFromDockerfile("toegang/keycloak", false)
                     .withFileFromPath(".", DOCKER.resolve("keycloak")))
                     .withNetwork(network)
                     .withEnv(keycloakEnvironment())
                     .withExposedPorts(8080, 9000)
                     .waitingFor(Wait.forHttp("/health/ready").forPort(9000).forStatusCode(200)
                             .withStartupTimeout(Duration.ofMinutes(5)))) {
            ldap.start();
            postgres.start();
            keycloak.start();
            String base = "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
            assertThat(get(base + "/realms/toegang/.well-known/openid-configuration").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = get("http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(9000)
                    + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_");
            assertThat(keycloak.getLogs()).contains("optimized").doesNotContain(LDAP_PASSWORD);
        }
    }

    private static Map<String, String> keycloakEnvironment() {
        return Map.ofEntries(
                Map.entry("KC_DB_URL", "jdbc:postgresql://postgres:5432/keycloak"),
                Map.entry("KC_DB_USERNAME", "keycloak"), Map.entry("KC_DB_PASSWORD", "test-only-postgres"),
                Map.entry("KC_HOSTNAME", "http://localhost:8080"), Map.entry("KC_HTTP_ENABLED", "true"),
                Map.entry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"), Map.entry("KC_BOOTSTRAP_ADMIN_PASSWORD", "test-only"),
                Map.entry("KC_SPI_TOEGANG_DIRECTORY__DEFAULT__URL", "ldap://ldap-provider:389"),
                Map.entry("KC_SPI_TOEGANG_DIRECTORY__DEFAULT__BIND_DN", ADMIN_DN),
                Map.entry("KC_SPI_TOEGANG_DIRECTORY__DEFAULT__PASSWORD", LDAP_PASSWORD),
                Map.entry("TOEGANG_LDAP_URL", "ldap://ldap-provider:389"), Map.entry("TOEGANG_LDAP_BIND_DN", ADMIN_DN),
                Map.entry("TOEGANG_LDAP_PASSWORD", LDAP_PASSWORD),
                Map.entry("TOEGANG_CLIENT_SECRET_DV_GEOPORTAAL", "test-only-1"),
                Map.entry("TOEGANG_CLIENT_SECRET_DV_LOKET", "test-only-2"),
                Map.entry("TOEGANG_CLIENT_SECRET_SCIM_PROVISIONER", "test-only-3"));
    }

    private static GenericContainer<?> openLdap(Network network, String alias, Map<String, String> environment) {
        GenericContainer<?> container = new GenericContainer<>(new ImageFromDockerfile("toegang/openldap", false)
                .withFileFromPath(".", DOCKER.resolve("openldap")))
                .withNetwork(network).withNetworkAliases(alias)
                .withEnv("TOEGANG_LDAP_ADMIN_PASSWORD", LDAP_PASSWORD)
                .withExposedPorts(389)
                .waitingFor(Wait.forListeningPort());
        environment.forEach(container::withEnv);
        return container;
    }

    private static LDAPConnection connect(GenericContainer<?> ldap) throws Exception {
        return new LDAPConnection(ldap.getHost(), ldap.getMappedPort(389), ADMIN_DN, LDAP_PASSWORD);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
