package org.toegang.scim.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything outbound provisioning needs, as read from its configuration file
 * ({@link ProvisioningConfigFile}).
 *
 * @param journal        where the delivery journal lives
 * @param targets        the targets, names unique
 * @param firstRetry     the wait after a first failure; it doubles after each (with jitter)
 * @param longestRetry   the longest wait between two tries
 * @param workers        how many deliveries may run at once, across people and targets
 * @param reconcileEvery how often every target is compared with what it should hold; zero: never
 */
public record ProvisioningConfig(JournalConfig journal, List<TargetConfig> targets, Duration firstRetry,
                                 Duration longestRetry, int workers, Duration reconcileEvery) {
    public ProvisioningConfig {
        Objects.requireNonNull(journal, "journal");
        targets = List.copyOf(targets);
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(longestRetry, "longestRetry");
        Objects.requireNonNull(reconcileEvery, "reconcileEvery");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (targets.stream().map(TargetConfig::name).distinct().count() != targets.size()) {
            throw new IllegalArgumentException("target names must be unique");
        }
    }

    /** The target with this name. */
    public TargetConfig target(String name) {
        return targets.stream().filter(target -> target.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no target named " + name));
    }

    /**
     * A JDBC database: an H2 file database by default ({@code jdbc:h2:file:...}), PostgreSQL in
     * production ({@code jdbc:postgresql://...}); the same tables in both.
     */
    public record JournalConfig(String url, String user, Secret password) {
        public JournalConfig {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("journal.url must be a jdbc:h2: or jdbc:postgresql: URL, was "
                        + url.replaceAll("password=[^&;]*", "password=********"));
            }
        }

        /** The embedded default: an H2 file database under {@code directory}. */
        public static JournalConfig embedded(java.nio.file.Path directory) {
            // AUTO_SERVER lets `toegang provisioning` open the journal while the server runs
            return new JournalConfig("jdbc:h2:file:" + directory.toAbsolutePath().resolve("journal")
                    + ";AUTO_SERVER=TRUE", "toegang", Secret.of(""));
        }
    }
}
