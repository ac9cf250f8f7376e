package org.toegang.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.protocol.ScimLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code toegang up}: start everything, print where it is, run until Ctrl-C or until a part dies. */
@Command(name = "up", sortOptions = false,
        description = "Starts the directory (embedded, with the demo data) and Keycloak with the Toegang providers "
                + "and realm; prints every URL and the demo accounts; stops everything on Ctrl-C or when a part dies.")
final class UpCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--fresh", description = "Reset the embedded directory and Keycloak's database first.")
    private boolean fresh;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where data and logs are kept (directory/, keycloak/, logs/). Default: var/ in the Toegang folder.")
    private Path dataDirectory;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "" + StackSettings.DEFAULT_HTTP_PORT,
            description = "Keycloak's port. Default: ${DEFAULT-VALUE}.")
    private int httpPort;

    @Option(names = "--management-port", paramLabel = "PORT", defaultValue = "" + StackSettings.DEFAULT_MANAGEMENT_PORT,
            description = "Keycloak's health and metrics port. Default: ${DEFAULT-VALUE}.")
    private int managementPort;

    @Option(names = "--ldap-port", paramLabel = "PORT", defaultValue = "" + StackSettings.DEFAULT_LDAP_PORT,
            description = "The embedded directory's port. Default: ${DEFAULT-VALUE}.")
    private int ldapPort;

    @Option(names = "--ldap-url", paramLabel = "URL",
            description = "Use this LDAP server (ldap://host:port) instead of the embedded directory.")
    private String ldapUrl;

    @Option(names = "--ldap-bind-dn", paramLabel = "DN", defaultValue = EmbeddedDirectory.ADMIN_DN,
            description = "DN to bind to the LDAP server as. Default: ${DEFAULT-VALUE}.")
    private String ldapBindDn;

    @Option(names = "--ldap-password", paramLabel = "PASSWORD", defaultValue = EmbeddedDirectory.ADMIN_PASSWORD,
            description = "Password of --ldap-bind-dn. Default: the embedded directory's.")
    private String ldapPassword;

    @Option(names = "--scim-port", paramLabel = "PORT", defaultValue = "" + ScimServerConfig.DEFAULT_PORT,
            description = "The SCIM 2.0 server's port. Default: ${DEFAULT-VALUE}.")
    private int scimPort;

    private final AtomicReference<ScimServer> scim = new AtomicReference<>();

    @Option(names = "--provisioning-config", paramLabel = "FILE",
            description = "Run outbound provisioning with this configuration file (see the README, Outbound provisioning).")
    private Path provisioningConfig;

    /** Outbound provisioning, when configured; closed before the SCIM server. */
    private final AtomicReference<AutoCloseable> provisioning = new AtomicReference<>();

    @Option(names = "--start-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long Keycloak may take to start. Default: ${DEFAULT-VALUE}.")
    private int startTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackSettings settings = settings();
        ToegangStack stack = ToegangStack.create(settings, line -> {
            out.println(line);
            out.flush();
        });
        Thread stopOnExit = new Thread(() -> {
            closeProvisioning(provisioning);
            stop(stack, scim, out);
        }, "toegang-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            // Checked first, like the stack's own ports, so a taken port fails before Keycloak starts.
            Ports.requireFree(host, java.util.Map.of("--scim-port (SCIM server)", scimPort));
            stack.start();
            try {
                scim.set(startScim(stack, out));
            } catch (RuntimeException | Error e) {
                stack.close(); // the stack started, so nothing else would stop it
                throw e;
            }
        } catch (RuntimeException | Error e) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C during start-up: the hook is already stopping what was started
            }
            throw e;
        }
        // the same host name as Keycloak's URL, so the printed URLs are alike
        Banner.print(out, stack,
                "http://" + stack.keycloakUrl().getHost() + ":" + scimPort + ScimServerConfig.DEFAULT_PATH);

        CompletableFuture<String> died = new CompletableFuture<>();
        stack.onUnexpectedExit(died::complete);
        String why = died.join();
        spec.commandLine().getErr().println(why);
        closeProvisioning(provisioning);
        closeScim(scim);
        stack.close();
        return 1;
    }

    private StackSettings settings() {
        Path data = dataDirectory != null ? dataDirectory : Toegang.home().resolve("var");
        StackSettings.Builder builder = StackSettings.builder()
                .dataDirectory(data)
                .host(host)
                .httpPort(httpPort)
                .managementPort(managementPort)
                .ldapPort(ldapPort)
                .fresh(fresh)
                .startTimeout(Duration.ofSeconds(startTimeoutSeconds));
        if (ldapUrl != null) {
            builder.externalDirectory(new DirectoryAccess(ldapUrl, ldapBindDn, ldapPassword));
        }
        return builder.build();
    }

    /** The SCIM server over the same directory, trusting the realm's tokens. */
    private ScimServer startScim(ToegangStack stack, PrintWriter out) {
        DirectoryAccess directory = stack.directory();
        String issuer = stack.realmUrl().toString();
        ScimServer server = ScimServer.start(new ScimServerConfig(
                java.net.URI.create("http://" + host + ":" + scimPort + ScimServerConfig.DEFAULT_PATH),
                new DirectoryConfig(directory.url(), directory.bindDn(), directory.password(),
                        DirectoryConfig.DEFAULT_BASE_DN, 8),
                issuer, ScimServerConfig.jwksOf(issuer), ScimServerConfig.DEFAULT_AUDIENCE, ScimLimits.DEFAULTS));
        if (provisioningConfig != null) {
            try {
                provisioning.set(org.toegang.scim.outbound.OutboundProvisioning.attach(server, new DirectoryConfig(
                        directory.url(), directory.bindDn(), directory.password(), DirectoryConfig.DEFAULT_BASE_DN, 4),
                        provisioningConfig));
                out.println("Outbound provisioning is running; its status: http://" + host + ":" + scimPort
                        + org.toegang.scim.outbound.StatusHandler.STATUS_PATH);
            } catch (RuntimeException e) {
                server.close();
                throw new StartupException(e.getMessage(), e);
            }
        }
        return server;
    }

    private static void closeProvisioning(AtomicReference<AutoCloseable> provisioning) {
        AutoCloseable running = provisioning.getAndSet(null);
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("While stopping outbound provisioning: " + e.getMessage());
            }
        }
    }

    private static void closeScim(AtomicReference<ScimServer> scim) {
        ScimServer server = scim.getAndSet(null);
        if (server != null) {
            server.close();
        }
    }

    private static void stop(ToegangStack stack, AtomicReference<ScimServer> scim, PrintWriter out) {
        out.println("Stopping Toegang...");
        out.flush();
        closeScim(scim);
        stack.close();
        out.println("Stopped.");
        out.flush();
    }
}
