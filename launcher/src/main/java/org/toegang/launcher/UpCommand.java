package org.toegang.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.scim.ScimServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code toegang up}: start everything, print where it is, run until Ctrl-C or until a part dies. */
@Command(name = "up", sortOptions = false,
        description = "Starts the directory (embedded, with the demo data), Keycloak with the Toegang providers "
                + "and realm, the SCIM 2.0 server and outbound provisioning to a demo target; prints every URL and the demo accounts; stops everything on Ctrl-C or when a part dies.")
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

    @Option(names = "--ldap-bind-dn", paramLabel = "DN", defaultValue = DirectoryConfig.DEFAULT_BIND_DN,
            description = "DN to bind to the LDAP server as. Default: ${DEFAULT-VALUE}.")
    private String ldapBindDn;

    @Option(names = "--ldap-password", paramLabel = "PASSWORD", defaultValue = DirectoryConfig.DEFAULT_PASSWORD,
            description = "Password of --ldap-bind-dn. Default: the embedded directory's.")
    private String ldapPassword;

    @Option(names = "--scim-port", paramLabel = "PORT", defaultValue = "" + ScimServerConfig.DEFAULT_PORT,
            description = "The SCIM 2.0 server's port. Default: ${DEFAULT-VALUE}.")
    private int scimPort;

    @Option(names = "--provisioning-config", paramLabel = "FILE",
            description = "Run outbound provisioning with this configuration file (see the README, Outbound provisioning).")
    private Path provisioningConfig;

    @Option(names = "--no-demo-target",
            description = "Do not set up the demo target (Keycloak's own SCIM API in the realm " + DemoTarget.REALM
                    + ", provisioned with " + DemoTarget.APPLICATION + "'s people). Without --provisioning-config and"
                    + " with the embedded directory, up sets it up.")
    private boolean noDemoTarget;

    @Option(names = "--start-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long Keycloak may take to start. Default: ${DEFAULT-VALUE}.")
    private int startTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ToegangStack stack = ToegangStack.create(settings(), line -> {
            out.println(line);
            out.flush();
        });
        Thread stopOnExit = new Thread(() -> stop(stack, out), "toegang-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            stack.start();
        } catch (RuntimeException | Error e) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C during start-up: the hook is already stopping what was started
            }
            throw e;
        }
        Banner.print(out, stack);

        CompletableFuture<String> died = new CompletableFuture<>();
        stack.onUnexpectedExit(died::complete);
        String why = died.join();
        spec.commandLine().getErr().println(why);
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
                .scimPort(scimPort)
                .provisioningConfig(provisioningConfig)
                .demoTarget(!noDemoTarget && provisioningConfig == null && ldapUrl == null)
                .fresh(fresh)
                .startTimeout(Duration.ofSeconds(startTimeoutSeconds));
        if (ldapUrl != null) {
            builder.externalDirectory(new DirectoryAccess(ldapUrl, ldapBindDn, ldapPassword));
        }
        return builder.build();
    }

    private static void stop(ToegangStack stack, PrintWriter out) {
        out.println("Stopping Toegang...");
        out.flush();
        stack.close();
        out.println("Stopped.");
        out.flush();
    }
}
