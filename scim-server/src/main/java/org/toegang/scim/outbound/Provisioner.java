package org.toegang.scim.outbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.ProvisioningTargetStore;
import org.toegang.core.provisioning.TargetConfig;

/**
 * Outbound provisioning to the configuration file's targets and to those application owners
 * registered in the directory (as {@link ProvisioningConfig.RegisteredTargets} allows). The
 * registered targets are read again every {@code refreshEvery}; when they changed, provisioning
 * stops and starts again over the new set, exactly as after a restart: the journal keeps what is
 * queued, and the catch-up at start sends a new target everyone who should be there. Target
 * changes are rare, so a restart (seconds, and a catch-up) buys that no part of the pipeline has
 * to add or drop a target while it runs.
 */
public final class Provisioner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Provisioner.class.getName());

    private final ProvisioningConfig config;
    private final Directory directory;
    private final ProvisioningTargetStore registered;
    private final Clock clock;
    private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(
            Deliveries.daemon("toegang-provisioning-targets"));
    private volatile OutboundProvisioning running;
    /** The registered targets left out at the last reading: each is logged once, not at every refresh. */
    private Set<String> leftOut = Set.of();

    private Provisioner(ProvisioningConfig config, Directory directory, Clock clock) {
        this.config = config;
        this.directory = directory;
        this.registered = new ProvisioningTargetStore(directory);
        this.clock = clock;
    }

    /**
     * Starts provisioning over the file's targets and the registered ones the directory holds
     * now; returns at once.
     */
    public static Provisioner start(ProvisioningConfig config, Directory directory, Clock clock) {
        Provisioner provisioner = new Provisioner(config, directory, clock);
        List<TargetConfig> targets = config.targets();
        if (config.registered().enabled()) {
            try {
                targets = provisioner.targets();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot read the registered provisioning targets ({0}); they"
                        + " are added once the directory answers", e.getMessage());
            }
        }
        provisioner.running = OutboundProvisioning.start(config.withTargets(targets), directory, clock);
        if (config.registered().enabled()) {
            long every = config.registered().refreshEvery().toMillis();
            provisioner.refresh.scheduleWithFixedDelay(provisioner::refresh, every, every, TimeUnit.MILLISECONDS);
        }
        return provisioner;
    }

    /** Provisioning as it runs now, over the current targets. */
    public OutboundProvisioning current() {
        return running;
    }

    /** Reads the registered targets again and restarts provisioning when they changed. */
    synchronized void refresh() {
        try {
            List<TargetConfig> targets = targets();
            if (targets.equals(running.config().targets())) {
                return;
            }
            LOG.log(System.Logger.Level.INFO, "Provisioning targets changed ({0}); provisioning starts again",
                    targets.stream().map(TargetConfig::name).collect(Collectors.joining(", ")));
            running.close();
            running = OutboundProvisioning.start(config.withTargets(targets), directory, clock);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read the registered provisioning targets ({0});"
                    + " provisioning goes on with the ones it has", e.getMessage());
        }
    }

    /**
     * The file's targets, then each registered target the operator allows and whose name (its
     * application's client id) no file target has: the file is the operator's word.
     */
    private synchronized List<TargetConfig> targets() {
        List<TargetConfig> targets = new ArrayList<>(config.targets());
        Set<String> left = new HashSet<>();
        for (TargetConfig target : registered.targets()) {
            if (config.target(target.name()).isPresent()) {
                leaveOut(left, target, "the configuration file has a target of that name");
            } else if (!config.registered().allows(target)) {
                leaveOut(left, target, "its URLs are outside registeredTargets.allow " + config.registered().allow());
            } else {
                targets.add(target.withMaxAttempts(config.registered().maxAttempts()));
            }
        }
        leftOut = left;
        return targets;
    }

    private void leaveOut(Set<String> left, TargetConfig target, String why) {
        left.add(target.name());
        if (!leftOut.contains(target.name())) {
            LOG.log(System.Logger.Level.WARNING, "The registered provisioning target of {0} is not served: {1}",
                    target.name(), why);
        }
    }

    @Override
    public synchronized void close() {
        refresh.shutdownNow();
        running.close();
    }
}
