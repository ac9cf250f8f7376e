package org.toegang.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own for a test: Debian's PostgreSQL (the newest major version under
 * {@code /usr/lib/postgresql}, as {@code apt-get install postgresql} lays it out), initialised in
 * a temporary folder, listening on a free loopback port, stopped and removed by {@link #close()}.
 * As root it runs as the {@code postgres} OS user, since PostgreSQL refuses root.
 */
public final class PostgresCluster implements AutoCloseable {
    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgres;

    private PostgresCluster(Path bin, Path data, int port, boolean asPostgres) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Where Debian's PostgreSQL programs are, when it is installed. */
    public static Optional<Path> installation() {
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static boolean installed() {
        return installation().isPresent();
    }

    /** What a test prints when it cannot run: PostgreSQL is missing. */
    public static String missing() {
        return "PostgreSQL is not installed under " + VERSIONS + " (apt-get install postgresql)";
    }

    public static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = installation().orElseThrow(() -> new IllegalStateException(missing()));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("toegang-pg");
        Path data = folder.resolve("data");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(bin, data, port, root);
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()), false);
        }
        cluster.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "toegang", "--auth=trust",
                "-E", "UTF8", "--no-sync"));
        cluster.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                folder.resolve("postgres.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + folder + " -c fsync=off", "start"));
        return cluster;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "toegang";
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean check) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || (check && process.exitValue() != 0)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        run(List.of("rm", "-rf", data.getParent().toString()), false);
    }
}
