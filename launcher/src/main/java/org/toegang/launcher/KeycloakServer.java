package org.toegang.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak's real distribution running as a child process ({@code bin/kc.sh start-dev}, or a
 * production node), its output in a log file. {@link #close()} stops the whole process tree:
 * {@code kc.sh} runs Java as a child, and relaunches it after an automatic rebuild.
 */
final class KeycloakServer implements AutoCloseable {
    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Keycloak features to enable besides the defaults (comma-separated), read while Keycloak
     * starts; empty by default. The tests' shared stack sets {@code scim-api}, so that outbound
     * provisioning can be tested against Keycloak's own SCIM API in a realm of its own.
     */
    static final String FEATURES_PROPERTY = "toegang.keycloak.features";

    private final Process process;
    private final Path log;
    private final URI baseUrl;
    private final URI managementUrl;

    private KeycloakServer(Process process, Path log, URI baseUrl, URI managementUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        this.managementUrl = managementUrl;
    }

    /**
     * Starts Keycloak in development mode with {@code features} enabled besides the defaults (and
     * those of {@link #FEATURES_PROPERTY}); returns at once. Follow with {@link #awaitReady}.
     */
    static KeycloakServer start(KeycloakHome home, String host, int httpPort, int managementPort, Path log,
                                Map<String, String> providerOptions, List<String> features) {
        List<String> arguments = new ArrayList<>(List.of("start-dev",
                "--http-host=" + host,
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                // counts every user event (a refresh is a counter, not an audit line): /metrics
                // on the management port, keycloak_user_events_total{event,client_id,realm}
                "--metrics-enabled=true",
                "--event-metrics-user-enabled=true",
                "--event-metrics-user-tags=realm,clientId",
                "--import-realm",
                "--log-console-color=false"));
        java.util.Set<String> enabled = new java.util.TreeSet<>(features);
        for (String feature : System.getProperty(FEATURES_PROPERTY, "").split(",")) {
            if (!feature.isBlank()) {
                enabled.add(feature.strip());
            }
        }
        if (!enabled.isEmpty()) {
            arguments.add("--features=" + String.join(",", enabled));
        }
        String url = "http://" + hostForUrls(host);
        return launch(home, arguments, providerOptions, URI.create(url + ":" + httpPort),
                URI.create(url + ":" + managementPort), log);
    }

    /**
     * Runs {@code kc.sh} with {@code arguments} (a mode and its options: {@code start-dev}, or
     * {@code start --optimized} for a production node) and {@code environment} on top of what
     * every Toegang Keycloak gets; returns at once. Follow with {@link #awaitReady}.
     */
    static KeycloakServer launch(KeycloakHome home, List<String> arguments, Map<String, String> environment,
                                 URI baseUrl, URI managementUrl, Path log) {
        List<String> command = new ArrayList<>();
        command.add(home.script().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.path().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.to(rotate(log).toFile()));
        Map<String, String> variables = builder.environment();
        variables.put("JAVA_HOME", System.getProperty("java.home"));
        variables.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        variables.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // A request parameter over Keycloak's limit (login_hint: 255 characters) is refused, not
        // silently dropped: a dropped login_hint would widen a targeted sign-in to every capacity.
        variables.put("KC_SPI_LOGIN_PROTOCOL__OPENID_CONNECT__ADD_REQ_PARAMS_FAIL_FAST", "true");
        // our providers' options as environment variables: the directory password stays out of `ps`
        variables.putAll(environment);
        try {
            return new KeycloakServer(builder.start(), log, baseUrl, managementUrl);
        } catch (IOException e) {
            throw new StartupException("Cannot run " + home.script() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the management interface reports ready and the realm answers discovery.
     *
     * @throws StartupException when Keycloak exits or is not ready in time; the message ends with the log's last lines
     */
    void awaitReady(String realm, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = managementUrl.resolve("/health/ready");
        URI discovery = baseUrl.resolve("/realms/" + realm + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StartupException("Keycloak stopped during start-up (exit code " + process.exitValue()
                        + "); see " + log + ". Its last lines:" + System.lineSeparator() + tail(40));
            }
            if (answersOk(http, health) && answersOk(http, discovery)) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new StartupException("Keycloak was not ready within " + timeout.toSeconds() + " s; see " + log
                + ". Its last lines:" + System.lineSeparator() + tail(40));
    }

    URI baseUrl() {
        return baseUrl;
    }

    URI managementUrl() {
        return managementUrl;
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    /** The log's last lines, for error messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Stops Keycloak and every process it started: politely first, forcibly after 30 s. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private static boolean answersOk(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for Keycloak", e);
        }
    }

    /** Keeps the previous run's log as {@code <name>.1}: it may say why that run stopped. */
    private static Path rotate(Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + log, e);
        }
    }

    static String hostForUrls(String host) {
        return host.equals("127.0.0.1") || host.equals("0.0.0.0") ? "localhost" : host;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for Keycloak", e);
        }
    }
}
