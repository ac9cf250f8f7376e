package org.toegang.scim.outbound;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.ProvisioningSource;

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

    /** Per configured target: its backlog and its last success and error. */
    public record TargetSummary(TargetConfig target, Journal.Backlog backlog, Journal.TargetStatus status) {
    }

    public List<TargetSummary> status() {
        Map<String, Journal.Backlog> backlog = journal.backlog();
        Map<String, Journal.TargetStatus> status = journal.targetStatus();
        return config.targets().stream().map(target -> new TargetSummary(target,
                backlog.getOrDefault(target.name(), new Journal.Backlog(0, 0, Optional.empty())),
                status.getOrDefault(target.name(), new Journal.TargetStatus(Optional.empty(), Optional.empty(),
                        Optional.empty())))).toList();
    }

    public List<JournalEntry> deadLetters(Optional<String> target, int limit) {
        target.ifPresent(config::target);
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
        TargetConfig target = config.target(targetName);
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
