package org.toegang.scim.outbound;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryChanges;
import org.toegang.core.directory.ProvisioningSource;
import org.toegang.core.provisioning.TargetConfig;

/**
 * Outbound provisioning, assembled: follows the directory, queues what each target should hold in
 * the journal, delivers it, reconciles on a schedule, and reports its status. Close it to stop;
 * what is queued stays in the journal for the next start.
 */
public final class OutboundProvisioning implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboundProvisioning.class.getName());

    private final ProvisioningConfig config;
    private final Journal journal;
    private final Map<String, TargetClient> clients;
    private final StatusBoard status;
    private final ProvisioningMetrics metrics;
    private final Deliveries deliveries;
    private final ChangeFollower follower;
    private final DirectoryChanges changes;
    private final Reconciliation reconciliation;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Deliveries.daemon("toegang-provisioning-reconcile"));

    private OutboundProvisioning(ProvisioningConfig config, Directory directory, Journal journal, Clock clock) {
        this.config = config;
        this.journal = journal;
        HttpClient http = TargetClient.httpClient();
        this.clients = new LinkedHashMap<>();
        config.targets().forEach(target -> clients.put(target.name(), new TargetClient(target, http, clock)));
        this.status = new StatusBoard(config.targets(), journal.targetStatus(), clock);
        journal.backlog().forEach((target, backlog) -> {
            if (clients.containsKey(target)) {
                status.deadCount(target, backlog.dead());
            }
        });
        this.metrics = new ProvisioningMetrics(status, config.targets());
        this.deliveries = new Deliveries(journal, clients, config, status, clock);
        ProvisioningSource source = new ProvisioningSource(directory);
        this.follower = new ChangeFollower(source, journal, deliveries, config.targets(), clock);
        this.reconciliation = new Reconciliation(source, journal, (target, people) -> follower.force(people), clock);
        deliveries.start();
        this.changes = DirectoryChanges.follow(directory, follower);
        if (!config.reconcileEvery().isZero()) {
            long every = config.reconcileEvery().toMillis();
            schedule.scheduleWithFixedDelay(this::reconcileAll, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens the journal and starts following the directory; returns at once. What the journal holds
     * from before is delivered first, in order.
     */
    public static OutboundProvisioning start(ProvisioningConfig config, Directory directory, Clock clock) {
        Journal journal = Journal.open(config.journal());
        try {
            return new OutboundProvisioning(config, directory, journal, clock);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * Starts outbound provisioning from the configuration file {@code configFile} next to a running
     * SCIM server: over a directory pool of its own, to the file's targets and those application
     * owners registered ({@link Provisioner}), with its status and metrics served on the server's
     * port. Closing the answer stops both.
     *
     * @throws IllegalArgumentException when the configuration file is not valid (naming the field)
     */
    public static AutoCloseable attach(org.toegang.scim.ScimServer server,
                                       org.toegang.core.directory.DirectoryConfig directoryConfig,
                                       java.nio.file.Path configFile) {
        ProvisioningConfig config = ProvisioningConfigFile.load(configFile);
        Directory directory = Directory.connect(directoryConfig);
        try {
            Provisioner provisioner = Provisioner.start(config, directory, Clock.systemUTC());
            server.serve(new StatusHandler(provisioner::current), StatusHandler.STATUS_PATH, StatusHandler.METRICS_PATH);
            LOG.log(System.Logger.Level.INFO, "Outbound provisioning to {0} target(s){1}, status at {2}",
                    provisioner.current().config().targets().size(), config.registered().enabled()
                            ? " and those application owners register at " + config.registered().allow() : "",
                    StatusHandler.STATUS_PATH);
            return () -> {
                provisioner.close();
                directory.close();
            };
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private void reconcileAll() {
        for (TargetConfig target : config.targets()) {
            try {
                Reconciliation.Report report = reconcile(target.name(), true);
                if (!report.differences().isEmpty()) {
                    LOG.log(System.Logger.Level.INFO, "Reconciliation of {0} repaired {1} differences", target.name(),
                            report.differences().size());
                }
            } catch (DeliveryFailure | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Reconciliation of {0} failed: {1}", target.name(), e.getMessage());
            }
        }
    }

    /**
     * Compares what the target holds with what it should hold and returns the differences; with
     * {@code repair}, queues the changes that remove them.
     */
    public Reconciliation.Report reconcile(String target, boolean repair) throws DeliveryFailure {
        TargetClient client = clients.get(target);
        if (client == null) {
            throw new IllegalArgumentException("no target named " + target);
        }
        return reconciliation.run(client, repair);
    }

    /** Recomputes these people now, as if the directory had reported a change of each. */
    public void recompute(Collection<String> personIds) {
        follower.recompute(personIds);
    }

    public StatusBoard status() {
        return status;
    }

    public ProvisioningMetrics metrics() {
        return metrics;
    }

    /** Whether nothing is waiting for delivery. */
    public boolean idle() {
        return deliveries.idle();
    }

    public ProvisioningConfig config() {
        return config;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        changes.close();
        follower.close();
        deliveries.close();
        journal.close();
    }

}
