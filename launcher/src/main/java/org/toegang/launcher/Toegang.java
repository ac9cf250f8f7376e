package org.toegang.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code toegang} command ({@code bin/toegang}); its one subcommand so far is {@code up}. */
@Command(name = "toegang", subcommands = {UpCommand.class, GenerateCommand.class, ProvisioningCommand.class},
        description = "Toegang: organisation-scoped identity and rights management on Keycloak and LDAP.")
public final class Toegang implements Runnable {
    /** The Toegang folder (the repository); {@code bin/toegang} sets it. Defaults to the working folder. */
    static final String HOME_PROPERTY = "toegang.home";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs a command line and returns its exit code: 0 done, 1 failed, 2 refused to start (with a
     * one-line reason on {@code err}, such as a taken port or an unreachable directory).
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Toegang())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((exception, command, parseResult) -> {
                    if (exception instanceof StartupException) {
                        command.getErr().println(exception.getMessage());
                        command.getErr().flush();
                        return StartupException.EXIT_CODE;
                    }
                    throw exception;
                });
        return commandLine.execute(args);
    }

    static Path home() {
        return Path.of(System.getProperty(HOME_PROPERTY, "")).toAbsolutePath();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
