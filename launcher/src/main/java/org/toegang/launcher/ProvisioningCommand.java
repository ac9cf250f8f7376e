package org.toegang.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.scim.outbound.DeliveryFailure;
import org.toegang.scim.outbound.Journal;
import org.toegang.scim.outbound.JournalEntry;
import org.toegang.scim.outbound.ProvisioningAdmin;
import org.toegang.scim.outbound.ProvisioningConfigFile;
import org.toegang.scim.outbound.Reconciliation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code toegang provisioning ...}: look into outbound provisioning's journal and act on it: status,
 * dead letters, inspect, replay, reconcile. Works while the SCIM server runs.
 */
@Command(name = "provisioning", description = "Outbound provisioning: status, dead letters, replay, reconciliation.",
        subcommands = {ProvisioningCommand.Status.class, ProvisioningCommand.DeadLetters.class,
                ProvisioningCommand.Inspect.class, ProvisioningCommand.Replay.class, ProvisioningCommand.Reconcile.class})
final class ProvisioningCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configuration file every subcommand reads. */
    static final class ConfigOption {
        @Option(names = "--config", paramLabel = "FILE",
                description = "The provisioning configuration file. Default: etc/provisioning.json in the Toegang folder.")
        Path file;

        ProvisioningAdmin open() {
            Path config = file != null ? file : Toegang.home().resolve("etc/provisioning.json");
            try {
                return ProvisioningAdmin.open(ProvisioningConfigFile.load(config), Clock.systemUTC());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new StartupException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "status", description = "Per target: changes queued, dead letters, oldest queued change, last success and error.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProvisioningAdmin admin = config.open()) {
                for (ProvisioningAdmin.TargetSummary summary : admin.status()) {
                    Journal.Backlog backlog = summary.backlog();
                    out.printf("%s (%s, %s)%n  queued: %d, dead letters: %d, oldest queued: %s%n  last success: %s%n"
                                    + "  last error: %s%n", summary.name(), summary.configured()
                                    .map(TargetConfig::application).orElse("registered by the application's owner"),
                            summary.configured().map(target -> target.baseUrl().toString()).orElse("see the"
                                    + " administration API"), backlog.queued(), backlog.dead(),
                            backlog.oldestQueued().map(Object::toString).orElse("-"),
                            summary.status().lastSuccess().map(Object::toString).orElse("-"),
                            summary.status().lastError().map(error -> summary.status().lastErrorAt().map(at -> at + " ")
                                    .orElse("") + error).orElse("-"));
                }
            }
            return 0;
        }
    }

    @Command(name = "dead-letters", description = "Lists the changes given up, oldest first.")
    static final class DeadLetters implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption config;
        @Option(names = "--target", paramLabel = "NAME", description = "Only this target's.")
        String target;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProvisioningAdmin admin = config.open()) {
                List<JournalEntry> letters = admin.deadLetters(Optional.ofNullable(target), limit);
                if (letters.isEmpty()) {
                    out.println("No dead letters.");
                }
                letters.forEach(letter -> out.printf("%d  %s  person %s  %s after %d tries: %s%n", letter.seq(),
                        letter.target(), letter.personId(), letter.state().active() ? "provision" : "deprovision",
                        letter.attempts(), letter.lastError().orElse("")));
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage(), e);
            }
            return 0;
        }
    }

    @Command(name = "inspect", description = "Shows one change of the journal in full.")
    static final class Inspect implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption config;
        @Parameters(paramLabel = "NUMBER", description = "The change's number, as dead-letters lists it.")
        long seq;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProvisioningAdmin admin = config.open()) {
                Optional<JournalEntry> found = admin.entry(seq);
                if (found.isEmpty()) {
                    spec.commandLine().getErr().println("No change " + seq + " in the journal (delivered changes leave it).");
                    return 1;
                }
                JournalEntry entry = found.get();
                out.printf("change %d%n  target: %s%n  person: %s%n  state: %s%n  queued: %s%n  tries: %d%n"
                                + "  next try: %s%n  dead: %s%n  last error: %s%n", entry.seq(), entry.target(),
                        entry.personId(), entry.state(), entry.enqueuedAt(), entry.attempts(), entry.nextAttemptAt(),
                        entry.dead(), entry.lastError().orElse("-"));
            }
            return 0;
        }
    }

    @Command(name = "replay", description = "Queues dead letters again (a dead letter that a newer change of the same "
            + "person at the same target supersedes is dropped instead, since replaying it would undo that change).")
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption config;
        @ArgGroup(multiplicity = "1")
        Which which;

        static final class Which {
            @Parameters(paramLabel = "NUMBER", arity = "1..*", description = "The dead letters' numbers.")
            List<Long> numbers;
            @Option(names = "--all", description = "Every dead letter (of --target, when given).")
            boolean all;
        }

        @Option(names = "--target", paramLabel = "NAME", description = "With --all: only this target's.")
        String target;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProvisioningAdmin admin = config.open()) {
                List<Long> numbers = which.all
                        ? admin.deadLetters(Optional.ofNullable(target), Integer.MAX_VALUE).stream().map(JournalEntry::seq).toList()
                        : which.numbers;
                int unknown = 0;
                for (long seq : numbers) {
                    Journal.Replay outcome = admin.replay(seq);
                    unknown += outcome == Journal.Replay.UNKNOWN ? 1 : 0;
                    out.println(seq + ": " + switch (outcome) {
                        case QUEUED -> "queued again";
                        case SUPERSEDED -> "dropped: a newer change of this person at this target exists";
                        case UNKNOWN -> "no such dead letter";
                    });
                }
                return unknown == 0 ? 0 : 1;
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "reconcile", description = "Compares a target's accounts with what it should hold and lists the "
            + "differences; with --repair, queues the changes that remove them.")
    static final class Reconcile implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOption config;
        @Option(names = "--target", required = true, paramLabel = "NAME", description = "The target to compare.")
        String target;
        @Option(names = "--repair", description = "Queue the repairs (report only, without it).")
        boolean repair;
        @Option(names = "--ldap-url", paramLabel = "URL", defaultValue = "ldap://localhost:" + StackSettings.DEFAULT_LDAP_PORT,
                description = "The directory. Default: ${DEFAULT-VALUE}.")
        String ldapUrl;
        @Option(names = "--ldap-bind-dn", paramLabel = "DN", defaultValue = EmbeddedDirectory.ADMIN_DN,
                description = "Default: ${DEFAULT-VALUE}.")
        String bindDn;
        @Option(names = "--ldap-password", paramLabel = "PASSWORD", defaultValue = EmbeddedDirectory.ADMIN_PASSWORD,
                description = "Default: the embedded directory's.")
        String password;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ProvisioningAdmin admin = config.open();
                 Directory directory = Directory.connect(new DirectoryConfig(ldapUrl, bindDn, password,
                         DirectoryConfig.DEFAULT_BASE_DN, 2))) {
                Reconciliation.Report report = admin.reconcile(target, repair, directory);
                out.printf("%s holds %d accounts; %d should be active; %d differences%n", report.target(), report.held(),
                        report.expectedActive(), report.differences().size());
                report.differences().forEach(difference -> out.printf("  %-10s %s %s%n", difference.kind(),
                        difference.personId().isEmpty() ? difference.targetId().orElse("?") : difference.personId(),
                        difference.detail()));
                if (repair) {
                    out.println(report.differences().stream().filter(d -> d.kind() != Reconciliation.Kind.FOREIGN).count()
                            + " repairs queued (foreign accounts are left alone).");
                }
                return 0;
            } catch (DeliveryFailure e) {
                spec.commandLine().getErr().println("The target did not answer as expected: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage(), e);
            }
        }
    }
}
