package org.toegang.scim.outbound;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.ProvisioningSource;
import org.toegang.core.directory.ProvisioningTargetStore;
import org.toegang.core.directory.Versioned;
import org.toegang.core.provisioning.TargetConfig;

/**
 * What the {@code toegang provisioning} commands do, on the journal of a configuration (also while
 * the SCIM server runs: the embedded journal admits a second process, and the server picks up
 * what is queued here within a second). Close it to release the journal.
 */
public final class ProvisioningAdmin implements AutoCloseable {
    private final ProvisioningConfig config;
    private final Journal journal;
    private final Clock clock;

    private ProvisioningAdmin(ProvisioningConfig config, Journal journal, Clock clock) {
        this.config = config;
        this.journal = journal;
        this.clock = clock;
    }

    public static ProvisioningAdmin open(ProvisioningConfig config, Clock clock) {
        return new ProvisioningAdmin(config, Journal.open(config.journal()), clock);
    }

    public ProvisioningConfig config() {
        return config;
    }

    /**
     * A target's backlog and its last success and error; {@code configured} is empty for a target
     * an application owner registered (the journal knows it by name, the directory holds the rest).
     */
    public record TargetSummary(String name, Optional<TargetConfig> configured, Journal.Backlog backlog,
                                Journal.TargetStatus status) {
    }

    /** The configured targets, then every other target the journal holds changes or a status of. */
    public List<TargetSummary> status() {
        Map<String, Journal.Backlog> backlog = journal.backlog();
        Map<String, Journal.TargetStatus> status = journal.targetStatus();
        Map<String, Optional<TargetConfig>> names = new LinkedHashMap<>();
        config.targets().forEach(target -> names.put(target.name(), Optional.of(target)));
        new TreeSet<>(backlog.keySet()).forEach(name -> names.putIfAbsent(name, Optional.empty()));
        new TreeSet<>(status.keySet()).forEach(name -> names.putIfAbsent(name, Optional.empty()));
        return names.entrySet().stream().map(named -> new TargetSummary(named.getKey(), named.getValue(),
                backlog.getOrDefault(named.getKey(), new Journal.Backlog(0, 0, Optional.empty())),
                status.getOrDefault(named.getKey(), new Journal.TargetStatus(Optional.empty(), Optional.empty(),
                        Optional.empty())))).toList();
    }

    public List<JournalEntry> deadLetters(Optional<String> target, int limit) {
        return journal.deadLetters(target, limit);
    }

    public Optional<JournalEntry> entry(long seq) {
        return journal.entry(seq);
    }

    public Journal.Replay replay(long seq) {
        return journal.replay(seq, clock.instant());
    }

    /**
     * Compares a target with what it should hold (reading the directory); with {@code repair}, queues
     * what removes the differences.
     */
    public Reconciliation.Report reconcile(String targetName, boolean repair, Directory directory)
            throws DeliveryFailure {
        TargetConfig target = config.target(targetName)
                .or(() -> new ProvisioningTargetStore(directory).target(targetName).map(Versioned::value)
                        .filter(config.registered()::allows))
                .orElseThrow(() -> new IllegalArgumentException("no target named " + targetName
                        + " in the configuration, nor one its application's owner registered that registeredTargets.allow admits"));
        ProvisioningSource source = new ProvisioningSource(directory);
        Reconciliation reconciliation = new Reconciliation(source, journal,
                (which, people) -> ChangeFollower.queueNow(source, journal, which, people, clock), clock);
        return reconciliation.run(new TargetClient(target, TargetClient.httpClient(), clock), repair);
    }

    @Override
    public void close() {
        journal.close();
    }
}
