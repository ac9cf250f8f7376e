package org.toegang.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak nodes of the real distribution in production mode on one PostgreSQL database, with
 * clustered Infinispan caches (discovery through the database, {@code jdbc-ping}) and one public
 * URL (a load balancer's): the Keycloak part of the production topology, for the cluster test and
 * the production benchmark. The first node's home is built once ({@code kc.sh build}); every other
 * node gets a copy of that build, then each runs {@code kc.sh start --optimized}.
 */
final class ProductionKeycloak {
    static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Path work;
    private final RealmDefinition realm;
    private final URI publicUrl;
    private final Map<String, String> environment;
    private final Map<String, String> extraRealms;
    private KeycloakHome built;

    /**
     * @param environment the database and our providers' options, for every node
     * @param extraRealms further realm files (name → JSON) the first node imports next to Toegang's
     */
    ProductionKeycloak(Path work, RealmDefinition realm, URI publicUrl, Map<String, String> environment,
                       Map<String, String> extraRealms) {
        this.work = work;
        this.realm = realm;
        this.publicUrl = publicUrl;
        this.environment = environment;
        this.extraRealms = extraRealms;
    }

    /**
     * Prepares node {@code number} (building or copying the build), starts it on {@code httpPort}
     * with {@code options} on top of the shared environment, and returns once the realm answers.
     * Starting a number again (after closing it) starts the same home afresh.
     */
    KeycloakServer start(int number, int httpPort, Map<String, String> options) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        KeycloakHome home = KeycloakHome.prepare(work.resolve("keycloak-" + number), KeycloakDistribution.locate(),
                realm, true, System.out::println);
        for (Map.Entry<String, String> extra : extraRealms.entrySet()) {
            Files.writeString(home.path().resolve("data/import").resolve(extra.getKey()), extra.getValue());
        }
        if (built == null) {
            build(home, work.resolve("logs/build-" + number + ".log"));
            built = home;
        } else if (!built.path().equals(home.path())) {
            copyBuild(built, home); // same distribution, providers and options: the same build
        }
        Map<String, String> nodeEnvironment = new HashMap<>(environment);
        nodeEnvironment.putAll(options);
        int management = freePort();
        // the first node imports the realms into the empty database; the others find them there
        KeycloakServer node = KeycloakServer.launch(home, List.of("start", "--optimized",
                        "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                        "--http-management-port=" + management, "--hostname=" + publicUrl,
                        "--cache-embedded-network-bind-address=127.0.0.1",
                        "--cache-embedded-network-bind-port=" + jgroupsPort(), "--import-realm",
                        "--log-console-color=false"), nodeEnvironment,
                URI.create("http://localhost:" + httpPort), URI.create("http://localhost:" + management),
                work.resolve("logs/keycloak-" + number + ".log"));
        try {
            node.awaitReady(RealmDefinition.REALM, START_TIMEOUT);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        System.out.printf("Keycloak node %d (production mode, PostgreSQL) prepared and ready in %d s%n", number,
                Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        return node;
    }

    /** Waits until {@code node}'s log names a cluster view of {@code size} members. */
    static void awaitClusterOf(KeycloakServer node, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (node.tail(400).matches("(?s).*ISPN000094: Received new cluster view.*\\(" + size + "\\).*")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the Keycloak nodes did not form one cluster of " + size + " within 60 s; see "
                + node.log());
    }

    /**
     * Waits until the node follows the directory's changes: its rights cache and rosters serve only
     * then, and reading a million people's content (RFC 4533's refresh) takes minutes. Answers how
     * long it waited.
     */
    static Duration awaitChangeFeed(KeycloakServer node, Duration timeout) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        while (!Files.readString(node.log()).contains("Following the changes of directory")) {
            if (System.nanoTime() - begin > timeout.toNanos()) {
                throw new AssertionError("the node did not follow the directory's changes within " + timeout + "; see "
                        + node.log());
            }
            Thread.sleep(1000);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Kills a node with SIGKILL, its whole process tree: no shutdown hook, no cache hand-over. */
    static void kill(KeycloakServer node) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(node.process().descendants().toList());
        tree.add(node.process().toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        node.process().waitFor(30, TimeUnit.SECONDS);
    }

    /** A port free on every interface, outside the ephemeral range ({@link ListeningPorts}): nodes start one after another. */
    static int freePort() {
        return ListeningPorts.free("0.0.0.0");
    }

    /** {@code kc.sh build} for production: PostgreSQL, distributed caches, health and metrics. */
    private static void build(KeycloakHome home, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(home.script().toString(), "build", "--db=postgres",
                "--cache=ispn", "--health-enabled=true", "--metrics-enabled=true")
                .directory(home.path().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = builder.start();
        if (!build.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build failed; see " + log + ": " + Files.readString(log));
        }
    }

    /** {@code kc.sh build} writes only {@code lib/quarkus}, with no path of its home in it. */
    private static void copyBuild(KeycloakHome from, KeycloakHome to) throws IOException {
        Path source = from.path().resolve("lib/quarkus");
        Path target = to.path().resolve("lib/quarkus");
        KeycloakHome.deleteRecursively(target);
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(source.relativize(file).toString()));
            }
        }
    }

    /** A free port for JGroups whose failure-detection port (bind port + 50000) is free and valid too. */
    private static int jgroupsPort() throws IOException {
        for (int port = 7800 + (int) (ProcessHandle.current().pid() % 500) * 10; port < 15000; port++) {
            try (ServerSocket first = new ServerSocket(port); ServerSocket second = new ServerSocket(port + 50000)) {
                return port;
            } catch (IOException taken) {
                // try the next
            }
        }
        throw new IOException("no free port pair for JGroups between 7800 and 15000");
    }
}
