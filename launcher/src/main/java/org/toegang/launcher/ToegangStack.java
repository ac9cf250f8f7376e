package org.toegang.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.toegang.directory.DirectoryException;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.outbound.OutboundProvisioning;
import org.toegang.scim.outbound.StatusHandler;
import org.toegang.scim.protocol.ScimLimits;

/**
 * The assembled system: the directory (embedded, or an external one that is checked first),
 * Keycloak's real distribution with our providers and the {@code toegang} realm, and, when the
 * settings give it a port, the SCIM 2.0 server over the same directory, with outbound provisioning
 * to a configured target or to the demo target ({@link DemoTarget}). Used by
 * {@code toegang up} and by the end-to-end tests alike; it owns every part it starts.
 *
 * <p>{@link #start} checks the ports, then starts each part in order and waits until it is ready;
 * if one fails, what was started is stopped again. {@link #close()} stops everything in reverse
 * order, may be called from a shutdown hook, and may be called more than once.
 */
public final class ToegangStack implements AutoCloseable {
    private final StackSettings settings;
    private final Consumer<String> progress;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private volatile DirectoryAccess directory;
    private volatile KeycloakServer keycloak;
    private volatile ScimServer scim;
    private volatile DemoTarget demoTarget;
    private volatile boolean closing;

    private ToegangStack(StackSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * A stack that has not started yet; {@link #start()} starts it. Separate, so that a shutdown
     * hook can hold the stack (and stop what is started) before start-up ends.
     */
    public static ToegangStack create(StackSettings settings, Consumer<String> progress) {
        return new ToegangStack(settings, progress);
    }

    /**
     * Starts the directory, then Keycloak, and waits until both are ready.
     *
     * @throws StartupException when a port is taken, the external directory is unreachable, or a
     *     part does not start; everything already started is stopped again
     */
    public ToegangStack start() {
        try {
            Ports.requireFree(settings.host(), portsToListenOn());
            KeycloakDistribution distribution = KeycloakDistribution.locate();
            directory = startDirectory();
            Instant begin = Instant.now();
            progress.accept("Starting Keycloak...");
            RealmDefinition realm = RealmDefinition.forDirectory(directory);
            KeycloakHome home = KeycloakHome.prepare(settings.keycloakHome(), distribution, realm,
                    settings.freshKeycloakData(), progress);
            keycloak = register(KeycloakServer.start(home, settings.host(), settings.httpPort(),
                    settings.managementPort(), settings.logDirectory().resolve("keycloak.log"),
                    toegangDirectoryOptions(directory),
                    settings.demoTarget() ? java.util.List.of(DemoTarget.FEATURE) : java.util.List.of()));
            keycloak.awaitReady(RealmDefinition.REALM, settings.startTimeout());
            progress.accept("Keycloak is ready at " + keycloak.baseUrl() + " (" + seconds(begin) + " s).");
            if (settings.scimPort().isPresent()) {
                scim = register(startScim(settings.scimPort().getAsInt()));
                if (settings.provisioningConfig().isPresent()) {
                    startProvisioning(settings.provisioningConfig().get());
                } else if (settings.demoTarget()) {
                    progress.accept("Setting up the demo target (realm " + DemoTarget.REALM + ")...");
                    demoTarget = new DemoTarget(keycloak.baseUrl());
                    startProvisioning(demoTarget.prepare(settings.demoTargetData()));
                }
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The options of the {@code toegang-directory} SPI (one LDAP pool per Keycloak node, used by the
     * capacity step, the token mappers and the refresh check), as Keycloak reads them from the
     * environment ({@code --spi-toegang-directory--default--url} and so on).
     */
    private static Map<String, String> toegangDirectoryOptions(DirectoryAccess directory) {
        String url = System.getProperty("toegang.providers.ldap-url", directory.url());
        return Map.of("KC_SPI_TOEGANG_DIRECTORY__DEFAULT__URL", url,
                "KC_SPI_TOEGANG_DIRECTORY__DEFAULT__BIND_DN", directory.bindDn(),
                "KC_SPI_TOEGANG_DIRECTORY__DEFAULT__PASSWORD", directory.password());
    }

    /** The SCIM server over the same directory (core's defaults for the rest), trusting the realm's tokens. */
    private ScimServer startScim(int port) {
        String issuer = realmUrl().toString();
        URI base = URI.create("http://" + settings.host() + ":" + port + ScimServerConfig.DEFAULT_PATH);
        try {
            return ScimServer.start(new ScimServerConfig(base, directory.config(), issuer,
                    ScimServerConfig.jwksOf(issuer), ScimServerConfig.DEFAULT_AUDIENCE, ScimLimits.DEFAULTS));
        } catch (RuntimeException e) {
            throw new StartupException("The SCIM server did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Outbound provisioning beside the SCIM server, which serves its status and metrics. */
    private void startProvisioning(java.nio.file.Path config) {
        try {
            register(OutboundProvisioning.attach(scim, directory.config(), config));
        } catch (RuntimeException e) {
            throw new StartupException("Outbound provisioning did not start (" + config + "): " + e.getMessage(), e);
        }
        progress.accept("Outbound provisioning is running; its status: " + "http://" + settings.host() + ":"
                + settings.scimPort().getAsInt() + StatusHandler.STATUS_PATH);
    }

    private Map<String, Integer> portsToListenOn() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("--http-port (Keycloak)", settings.httpPort());
        ports.put("--management-port (Keycloak health and metrics)", settings.managementPort());
        if (settings.externalDirectory().isEmpty()) {
            ports.put("--ldap-port (embedded directory)", settings.ldapPort());
        }
        settings.scimPort().ifPresent(port -> ports.put("--scim-port (SCIM server)", port));
        return ports;
    }

    private DirectoryAccess startDirectory() {
        Optional<DirectoryAccess> external = settings.externalDirectory();
        if (external.isPresent()) {
            ExternalDirectory.requireReachable(external.get());
            progress.accept("Using the directory at " + external.get().url() + ".");
            return external.get();
        }
        Instant begin = Instant.now();
        progress.accept("Starting the embedded directory...");
        logDirectoryTo(settings.logDirectory().resolve("directory.log"));
        try {
            EmbeddedDirectory embedded = register(EmbeddedDirectory.builder()
                    .dataDirectory(settings.directoryData())
                    .port(settings.ldapPort())
                    .fresh(settings.fresh())
                    .demoData(true)
                    .start());
            progress.accept("The directory is ready at " + embedded.ldapUrl() + " (" + seconds(begin) + " s).");
            return new DirectoryAccess(embedded.ldapUrl(), EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
        } catch (DirectoryException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /**
     * ApacheDS logs through SLF4J's simple binding, which reads its settings once, when the first
     * logger is made: so this must run before the directory starts, and only the first call counts.
     */
    private static void logDirectoryTo(Path log) {
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new StartupException("Cannot create " + log.getParent() + ": " + e.getMessage(), e);
        }
        setIfAbsent("org.slf4j.simpleLogger.logFile", log.toString());
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss,SSS");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private synchronized <T extends AutoCloseable> T register(T part) {
        if (closing) {
            closeQuietly(part);
            throw new StartupException("Stopped while starting.");
        }
        started.push(part);
        return part;
    }

    /** How to reach the directory, as Keycloak does. */
    public DirectoryAccess directory() {
        return requireStarted(directory);
    }

    /** Keycloak's base URL, e.g. {@code http://localhost:8080}. */
    public URI keycloakUrl() {
        return requireStarted(keycloak).baseUrl();
    }

    /** Keycloak's management interface (health), e.g. {@code http://localhost:9000}. */
    public URI managementUrl() {
        return requireStarted(keycloak).managementUrl();
    }

    /** The {@code toegang} realm's URL, which is also its tokens' issuer. */
    public URI realmUrl() {
        return URI.create(keycloakUrl() + "/realms/" + RealmDefinition.REALM);
    }

    /** The SCIM 2.0 API's base URL, when the stack runs the SCIM server. */
    public Optional<URI> scimUrl() {
        // the same host name as Keycloak's URL, so the printed URLs are alike
        return Optional.ofNullable(scim).map(server -> URI.create("http://"
                + KeycloakServer.hostForUrls(settings.host()) + ":" + server.baseUri().getPort()
                + server.baseUri().getPath()));
    }

    /** The demo target, when the stack provisions it. */
    Optional<DemoTarget> demoTarget() {
        return Optional.ofNullable(demoTarget);
    }

    /** Outbound provisioning's status document, when provisioning runs. */
    public Optional<URI> provisioningStatusUrl() {
        return scimUrl().filter(url -> settings.provisioningConfig().isPresent() || demoTarget != null)
                .map(url -> url.resolve(StatusHandler.STATUS_PATH));
    }

    /** Keycloak's output, the audit trail included. */
    public Path keycloakLog() {
        return requireStarted(keycloak).log();
    }

    public StackSettings settings() {
        return settings;
    }

    /** Runs {@code action} once if Keycloak exits while the stack is not being closed. */
    public void onUnexpectedExit(Consumer<String> action) {
        KeycloakServer server = requireStarted(keycloak);
        server.process().onExit().thenAccept(process -> {
            if (!closing) {
                action.accept("Keycloak stopped unexpectedly (exit code " + process.exitValue() + "); see "
                        + server.log() + ". Its last lines:" + System.lineSeparator() + server.tail(20));
            }
        });
    }

    @Override
    public void close() {
        Deque<AutoCloseable> toClose;
        synchronized (this) {
            closing = true;
            toClose = new ArrayDeque<>(started);
            started.clear();
        }
        toClose.forEach(ToegangStack::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("While stopping: " + e.getMessage());
        }
    }

    private static <T> T requireStarted(T part) {
        if (part == null) {
            throw new IllegalStateException("The stack has not started");
        }
        return part;
    }

    private static String seconds(Instant begin) {
        return String.format("%.1f", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    }
}
