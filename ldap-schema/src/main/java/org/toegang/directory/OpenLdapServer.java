package org.toegang.directory;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's OpenLDAP {@code slapd} with Toegang's shipped OpenLDAP forms (schema, indexes and, when
 * asked, the {@code syncprov} overlay of {@code toegang-syncprov.ldif}) and the demo data, in a
 * work folder of the caller's, listening on loopback only: for portability tests and benchmarks.
 * Root DN {@link #ADMIN_DN} / {@link #ADMIN_PASSWORD}. Closing stops it.
 */
public final class OpenLdapServer implements AutoCloseable {
    public static final String ADMIN_DN = "cn=admin," + EmbeddedDirectory.BASE_DN;
    public static final String ADMIN_PASSWORD = "secret";
    public static final String SYNCPROV_FILE = "toegang-syncprov.ldif";
    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path SYSTEM_SCHEMAS = Path.of("/etc/ldap/schema");
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The database's largest size: MDB's default of 10 MiB holds about 20,000 people; a million
     * take about 11 GiB. The map is sparse: the file grows only as data arrives.
     */
    private static final long MAX_DATABASE_BYTES = 64L << 30;

    private final Process slapd;
    private final int port;

    private OpenLdapServer(Process slapd, int port) {
        this.slapd = slapd;
        this.port = port;
    }

    /** Whether slapd is installed here ({@code apt-get install slapd ldap-utils}). */
    public static boolean installed() {
        return Files.isExecutable(SLAPD);
    }

    /**
     * Configures a server in {@code work} from the OpenLDAP forms in {@code shippedForms}
     * ({@code ldap-schema/openldap}), loads the demo data and starts it; returns once it answers.
     *
     * @throws IllegalStateException when a step fails, with its output
     */
    public static OpenLdapServer start(Path work, Path shippedForms, boolean syncprov) {
        return start(work, shippedForms, syncprov, 0);
    }

    /** As {@link #start(Path, Path, boolean)}, on {@code port} (0: a free one). */
    public static OpenLdapServer start(Path work, Path shippedForms, boolean syncprov, int port) {
        try {
            Files.createDirectories(work);
            Path demo = Files.writeString(work.resolve("demo.ldif"), "dn: " + EmbeddedDirectory.BASE_DN
                    + "\nobjectClass: top\nobjectClass: domain\ndc: toegang\n\n" + DemoData.ldif(Instant.now()));
            return configureLoadAndStart(work, shippedForms, syncprov, port, demo, LOAD_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server whose database is {@code data} (an LDIF holding the base entry and everything under
     * it), bulk-loaded offline with {@code slapadd -q}, the fast way to fill a large directory;
     * with the {@code syncprov} overlay when asked.
     */
    public static OpenLdapServer startLoaded(Path work, Path shippedForms, boolean syncprov, Path data,
                                             Duration loadTimeout) {
        return configureLoadAndStart(work, shippedForms, syncprov, 0, data, loadTimeout, "-q");
    }

    private static OpenLdapServer configureLoadAndStart(Path work, Path shippedForms, boolean syncprov, int port,
                                                        Path data, Duration loadTimeout, String... loadOptions) {
        try {
            Path config = Files.createDirectories(work.resolve("slapd.d"));
            Path database = Files.createDirectories(work.resolve("db"));
            String configLdif = configLdif(shippedForms, database)
                    + (syncprov ? "\n" + records(shippedForms.resolve(SYNCPROV_FILE)) : "");
            Path configFile = Files.writeString(work.resolve("config.ldif"), configLdif);
            run(work, LOAD_TIMEOUT, "slapadd", "-n", "0", "-F", config.toString(), "-l", configFile.toString());
            run(work, LOAD_TIMEOUT, "slaptest", "-F", config.toString(), "-u");
            List<String> load = new ArrayList<>(List.of("slapadd", "-n", "1", "-F", config.toString()));
            load.addAll(List.of(loadOptions));
            load.addAll(List.of("-l", data.toString()));
            run(work, loadTimeout, load.toArray(String[]::new));
            return launch(work, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A server on the configuration and database an earlier start or load left in {@code work}. */
    public static OpenLdapServer startExisting(Path work) {
        try {
            return launch(work, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OpenLdapServer launch(Path work, int port) throws IOException, InterruptedException {
        int listenPort = port == 0 ? freePort() : port;
        Process slapd = new ProcessBuilder(SLAPD.toString(), "-d", "0", "-h", "ldap://127.0.0.1:" + listenPort + "/",
                "-F", work.resolve("slapd.d").toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("slapd.log").toFile()).start();
        OpenLdapServer server = new OpenLdapServer(slapd, listenPort);
        server.awaitAnswer(work);
        return server;
    }

    /**
     * A read replica of {@code provider} (RFC 4533 syncrepl, refreshAndPersist, as the root DN):
     * configured like {@link #start(Path, Path, boolean)} but with an empty database that it fills
     * from the provider, and with the {@code syncprov} overlay of its own, so that clients of the
     * replica (Keycloak's rights cache) hear the changes it receives. Returns once it answers; the
     * copy may still be arriving.
     */
    public static OpenLdapServer startReplica(Path work, Path shippedForms, String providerUrl) {
        try {
            Path config = Files.createDirectories(work.resolve("slapd.d"));
            Path database = Files.createDirectories(work.resolve("db"));
            String syncrepl = "olcDbIndex: entryCSN eq\n"
                    + "olcSyncrepl: rid=001 provider=" + providerUrl + " bindmethod=simple binddn=\"" + ADMIN_DN
                    + "\" credentials=" + ADMIN_PASSWORD + " searchbase=\"" + EmbeddedDirectory.BASE_DN
                    + "\" type=refreshAndPersist retry=\"1 +\" timeout=1\n";
            String configLdif = configLdif(shippedForms, database) + syncrepl + "\n"
                    + records(shippedForms.resolve(SYNCPROV_FILE));
            Path configFile = Files.writeString(work.resolve("config.ldif"), configLdif);
            run(work, LOAD_TIMEOUT, "slapadd", "-n", "0", "-F", config.toString(), "-l", configFile.toString());
            int listenPort = freePort();
            Process slapd = new ProcessBuilder(SLAPD.toString(), "-d", "0", "-h",
                    "ldap://127.0.0.1:" + listenPort + "/", "-F", config.toString()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("slapd.log").toFile()).start();
            OpenLdapServer server = new OpenLdapServer(slapd, listenPort);
            server.awaitAnswer(work);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a server in the foreground until the JVM is stopped (Ctrl-C), in a temporary folder it
     * then removes: {@code OpenLdapServer PORT [--no-syncprov]}, from the Toegang folder.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3890;
        boolean syncprov = !(args.length > 1 && args[1].equals("--no-syncprov"));
        Path work = Files.createTempDirectory("toegang-slapd");
        OpenLdapServer server = start(work, Path.of("ldap-schema/openldap"), syncprov, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            deleteRecursively(work);
        }));
        System.out.println("slapd on " + server.ldapUrl() + (syncprov ? " with" : " without") + " syncprov, root DN "
                + ADMIN_DN + " / " + ADMIN_PASSWORD + ", data in " + work + "; Ctrl-C stops it and removes the data");
        server.slapd.waitFor();
    }

    public int port() {
        return port;
    }

    public String ldapUrl() {
        return "ldap://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        slapd.destroy();
        try {
            if (!slapd.waitFor(10, TimeUnit.SECONDS)) {
                slapd.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAnswer(Path work) throws InterruptedException, IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
                return;
            } catch (LDAPException e) {
                if (!slapd.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("slapd did not answer:\n" + Files.readString(work.resolve("slapd.log")));
    }

    private static String configLdif(Path shippedForms, Path database) throws IOException {
        String indexes = Files.readAllLines(shippedForms.resolve(OpenLdapSchemaForm.INDEX_FILE)).stream()
                .filter(line -> line.startsWith("olcDbIndex:")).collect(Collectors.joining("\n"));
        return String.join("\n",
                "dn: cn=config", "objectClass: olcGlobal", "cn: config", "",
                "dn: cn=module{0},cn=config", "objectClass: olcModuleList", "cn: module{0}",
                "olcModulePath: /usr/lib/ldap", "olcModuleLoad: back_mdb", "",
                "dn: cn=schema,cn=config", "objectClass: olcSchemaConfig", "cn: schema", "",
                "include: file://" + SYSTEM_SCHEMAS.resolve("core.ldif"), "",
                "include: file://" + SYSTEM_SCHEMAS.resolve("cosine.ldif"), "",
                "include: file://" + SYSTEM_SCHEMAS.resolve("inetorgperson.ldif"), "",
                "include: file://" + shippedForms.resolve(OpenLdapSchemaForm.SCHEMA_FILE).toAbsolutePath(), "",
                "dn: olcDatabase={1}mdb,cn=config", "objectClass: olcDatabaseConfig", "objectClass: olcMdbConfig",
                "olcDatabase: {1}mdb", "olcDbDirectory: " + database, "olcSuffix: " + EmbeddedDirectory.BASE_DN,
                "olcRootDN: " + ADMIN_DN, "olcRootPW: " + ADMIN_PASSWORD, "olcDbMaxSize: " + MAX_DATABASE_BYTES,
                "olcDbIndex: objectClass eq", indexes, "");
    }

    /** A shipped LDIF's records without its comments. */
    private static String records(Path ldif) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(ldif));
        lines.removeIf(line -> line.startsWith("#"));
        return String.join("\n", lines).strip() + "\n";
    }

    private static void run(Path work, Duration timeout, String... command) throws IOException, InterruptedException {
        Path log = work.resolve(command[0] + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static void deleteRecursively(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + folder + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
