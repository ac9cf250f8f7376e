package org.toegang.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.launcher.generate.DirectoryLoader;
import org.toegang.launcher.generate.GeneratedDirectory;
import org.toegang.launcher.generate.GeneratorSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code toegang generate}: a realistic directory of any size ({@link GeneratedDirectory}), written
 * as LDIF for an offline bulk load ({@code slapadd}) or added to a running LDAP server or to the
 * embedded directory; prints entries per second.
 */
@Command(name = "generate", sortOptions = false,
        description = "Generates organisations in every target group, people with valid national register numbers, "
                + "work relations, grants and delegations; writes them as LDIF (for slapadd) or adds them to an LDAP "
                + "server or to the embedded directory, and prints entries per second.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--people", paramLabel = "N", required = true, description = "How many people.")
    private long people;

    @Option(names = "--organisations", paramLabel = "N",
            description = "How many organisations, spread over GID, LB, OV, EA and VER. Default: one per 10 people.")
    private Integer organisations;

    @Option(names = "--grants-per-person", paramLabel = "N", defaultValue = "5",
            description = "Grants each person holds. Default: ${DEFAULT-VALUE}.")
    private int grantsPerPerson;

    @Option(names = "--applications", paramLabel = "N", defaultValue = "20",
            description = "Applications. Default: ${DEFAULT-VALUE}.")
    private int applications;

    @Option(names = "--rights-per-application", paramLabel = "N", defaultValue = "5",
            description = "Rights per application. Default: ${DEFAULT-VALUE}.")
    private int rightsPerApplication;

    @Option(names = "--people-per-delegation", paramLabel = "N", defaultValue = "50",
            description = "One person in N is a local administrator of their organisation. Default: ${DEFAULT-VALUE}.")
    private int peoplePerDelegation;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "The same seed gives the same data. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = "--ldif", paramLabel = "FILE",
                description = "Write LDIF, base and OUs included, for an offline load into an empty database: "
                        + "slapadd -q -n 1 -F slapd.d -l FILE.")
        Path ldif;

        @Option(names = "--ldap-url", paramLabel = "URL",
                description = "Add the entries to this LDAP server (ldap://host:port); entries of the structure "
                        + "that are there already are kept.")
        String ldapUrl;

        @Option(names = "--embedded", paramLabel = "DIR",
                description = "Add the entries to the embedded directory kept in DIR (with the demo data), e.g. "
                        + "var/directory; toegang up must not be running on it.")
        Path embedded;
    }

    @Option(names = "--ldap-bind-dn", paramLabel = "DN", defaultValue = DirectoryConfig.DEFAULT_BIND_DN,
            description = "DN to bind as with --ldap-url. Default: ${DEFAULT-VALUE}.")
    private String bindDn;

    @Option(names = "--ldap-password", paramLabel = "PASSWORD", defaultValue = DirectoryConfig.DEFAULT_PASSWORD,
            description = "Password of --ldap-bind-dn. Default: the embedded directory's.")
    private String password;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
            description = "Connections adding in parallel. Default: ${DEFAULT-VALUE}.")
    private int threads;

    @Option(names = "--no-progress", description = "Print no progress bar (for logs and tests).")
    private boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        GeneratorSettings settings;
        try {
            settings = new GeneratorSettings(people,
                    organisations != null ? organisations : (int) Math.max(5, Math.min(people / 10, 4_000_000)),
                    applications, rightsPerApplication, grantsPerPerson, peoplePerDelegation, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, was " + threads);
        }
        GeneratedDirectory generated = new GeneratedDirectory(settings, Instant.now());
        long total = generated.entryCount();
        out.printf("Generating %,d entries: %,d people, %,d organisations, %,d grants.%n", total, settings.people(),
                settings.organisations(), settings.people() * settings.grantsPerPerson());
        out.flush();
        Instant begin = Instant.now();
        long done;
        try (ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("entries")
                .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .showSpeed().build()) {
            LongConsumer progress = bar == null ? count -> { } : count -> {
                if (count % 1_000 == 0 || count == total) {
                    bar.stepTo(count);
                }
            };
            done = load(generated, progress, out);
        }
        Duration took = Duration.between(begin, Instant.now());
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        out.printf("%,d entries in %.1f s: %,.0f entries/s.%n", done, seconds, done / seconds);
        out.flush();
        return 0;
    }

    private long load(GeneratedDirectory generated, LongConsumer progress, PrintWriter out) {
        if (target.ldif != null) {
            long written = DirectoryLoader.writeLdif(generated, target.ldif, progress);
            out.println("Wrote " + target.ldif.toAbsolutePath() + ".");
            return written;
        }
        if (target.ldapUrl != null) {
            ExternalDirectory.parse(target.ldapUrl);
            return DirectoryLoader.addOverLdap(generated, target.ldapUrl, bindDn, password, threads, progress);
        }
        try {
            Files.createDirectories(target.embedded);
        } catch (java.io.IOException e) {
            throw new StartupException("Cannot create " + target.embedded + ": " + e.getMessage(), e);
        }
        int port = Ports.free("127.0.0.1");
        try (EmbeddedDirectory directory = EmbeddedDirectory.builder().dataDirectory(target.embedded)
                .host("127.0.0.1").port(port).demoData(true).start()) {
            return DirectoryLoader.addOverLdap(generated, directory.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                    EmbeddedDirectory.ADMIN_PASSWORD, threads, progress);
        }
    }
}
