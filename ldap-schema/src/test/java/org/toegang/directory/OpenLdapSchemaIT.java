package org.toegang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portability: the shipped OpenLDAP form of the schema loads into a real OpenLDAP (Debian's
 * slapd), passes {@code slaptest}, accepts every demo entry with schema checking, and then
 * serves password binds and the validity filter. CI installs slapd; on a machine without it the
 * test is skipped with a message, never silently passed.
 */
class OpenLdapSchemaIT {
    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path SYSTEM_SCHEMAS = Path.of("/etc/ldap/schema");

    @TempDir
    Path work;

    @Test
    void shippedSchemaLoadsIntoOpenLdapWithTheDemoData() throws Exception {
        assumeTrue(Files.isExecutable(SLAPD) || "true".equals(System.getenv("CI")),
                "slapd is not installed (apt-get install slapd ldap-utils); OpenLDAP portability not checked");
        Path config = work.resolve("slapd.d");
        Path database = work.resolve("db");
        Files.createDirectories(config);
        Files.createDirectories(database);
        Path configLdif = Files.writeString(work.resolve("config.ldif"), configLdif(database));

        run("slapadd", "-n", "0", "-F", config.toString(), "-l", configLdif.toString());
        run("slaptest", "-F", config.toString(), "-u");

        Path demo = Files.writeString(work.resolve("demo.ldif"), "dn: " + EmbeddedDirectory.BASE_DN
                + "\nobjectClass: top\nobjectClass: domain\ndc: toegang\n\n" + DemoData.ldif(Instant.now()));
        run("slapadd", "-n", "1", "-F", config.toString(), "-l", demo.toString());

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process slapd = new ProcessBuilder("slapd", "-d", "0", "-h", "ldap://127.0.0.1:" + port + "/",
                "-F", config.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("slapd.log").toFile()).start();
        try (LDAPConnection ldap = connectWithRetry(port)) {
            ldap.bind("uid=chris.wouters,ou=people," + EmbeddedDirectory.BASE_DN, DemoData.PASSWORD);
            assertThat(ldap.search(EmbeddedDirectory.BASE_DN, SearchScope.SUB,
                    "(&(objectClass=toegangGrant)(toegangGrantStatus=requested))", "toegangRightName")
                    .getSearchEntries()).extracting(entry -> entry.getAttributeValue("toegangRightName"))
                    .containsExactly("LoketBeheerder");
        } finally {
            slapd.destroy();
            slapd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String configLdif(Path database) throws IOException {
        String indexes = Files.readAllLines(OpenLdapSchemaFormTest.SHIPPED.resolve(OpenLdapSchemaForm.INDEX_FILE))
                .stream().filter(line -> line.startsWith("olcDbIndex:")).collect(Collectors.joining("\n"));
        return String.join("\n",
                "dn: cn=config", "objectClass: olcGlobal", "cn: config", "",
                "dn: cn=module{0},cn=config", "objectClass: olcModuleList", "cn: module{0}",
                "olcModulePath: /usr/lib/ldap", "olcModuleLoad: back_mdb", "",
                "dn: cn=schema,cn=config", "objectClass: olcSchemaConfig", "cn: schema", "",
                "include: file://" + SYSTEM_SCHEMAS.resolve("core.ldif"), "",
                "include: file://" + SYSTEM_SCHEMAS.resolve("cosine.ldif"), "",
                "include: file://" + SYSTEM_SCHEMAS.resolve("inetorgperson.ldif"), "",
                "include: file://" + OpenLdapSchemaFormTest.SHIPPED.resolve(OpenLdapSchemaForm.SCHEMA_FILE)
                        .toAbsolutePath(), "",
                "dn: olcDatabase={1}mdb,cn=config", "objectClass: olcDatabaseConfig", "objectClass: olcMdbConfig",
                "olcDatabase: {1}mdb", "olcDbDirectory: " + database, "olcSuffix: " + EmbeddedDirectory.BASE_DN,
                "olcRootDN: cn=admin," + EmbeddedDirectory.BASE_DN, "olcRootPW: secret",
                "olcDbIndex: objectClass eq", indexes, "");
    }

    private void run(String... command) throws Exception {
        Path log = work.resolve(command[0] + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + Files.readString(log)).isZero();
    }

    private static LDAPConnection connectWithRetry(int port) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return new LDAPConnection("127.0.0.1", port);
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

}
