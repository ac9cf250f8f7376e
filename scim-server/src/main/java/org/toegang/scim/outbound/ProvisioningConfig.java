package org.toegang.scim.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.toegang.core.provisioning.Secret;
import org.toegang.core.provisioning.TargetConfig;

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
 * @param registered     which targets application owners registered in the directory are served
 */
public record ProvisioningConfig(JournalConfig journal, List<TargetConfig> targets, Duration firstRetry,
                                 Duration longestRetry, int workers, Duration reconcileEvery,
                                 RegisteredTargets registered) {
    /** Only the targets given, none registered by application owners. */
    public ProvisioningConfig(JournalConfig journal, List<TargetConfig> targets, Duration firstRetry,
                              Duration longestRetry, int workers, Duration reconcileEvery) {
        this(journal, targets, firstRetry, longestRetry, workers, reconcileEvery, RegisteredTargets.NONE);
    }

    public ProvisioningConfig {
        Objects.requireNonNull(registered, "registered");
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

    /** The same configuration with these targets. */
    public ProvisioningConfig withTargets(List<TargetConfig> others) {
        return new ProvisioningConfig(journal, others, firstRetry, longestRetry, workers, reconcileEvery, registered);
    }

    /** The configured target with this name, if any. */
    public Optional<TargetConfig> target(String name) {
        return targets.stream().filter(target -> target.name().equals(name)).findFirst();
    }

    /**
     * The targets application owners register through the administration API (kept in the
     * directory), as the operator allows them: a registered target is served only when its base
     * URL and token endpoint each begin with one of {@code allow} (so an owner cannot make the
     * provisioner call into the operator's own network); the directory is read again every
     * {@code refreshEvery}.
     *
     * @param allow        URL prefixes, e.g. {@code https://} or {@code https://apps.example.org/}; empty: none
     * @param refreshEvery how often the registered targets are read again
     * @param maxAttempts  tries of one change to a registered target before it becomes a dead letter
     */
    public record RegisteredTargets(List<String> allow, Duration refreshEvery, int maxAttempts) {
        /** Registered targets are not served. */
        public static final RegisteredTargets NONE = new RegisteredTargets(List.of(), Duration.ofSeconds(10),
                TargetConfig.DEFAULT_MAX_ATTEMPTS);

        public RegisteredTargets {
            allow = List.copyOf(allow);
            Objects.requireNonNull(refreshEvery, "refreshEvery");
            if (refreshEvery.isNegative() || refreshEvery.isZero()) {
                throw new IllegalArgumentException("registeredTargets.refreshEvery must be positive");
            }
            for (String prefix : allow) {
                if (!prefix.startsWith("https://") && !prefix.startsWith("http://")) {
                    throw new IllegalArgumentException("registeredTargets.allow: \"" + prefix
                            + "\" must begin with https:// or http://");
                }
            }
        }

        public boolean enabled() {
            return !allow.isEmpty();
        }

        /** Whether the provisioner may send to this registered target. */
        public boolean allows(TargetConfig target) {
            boolean base = allowed(target.baseUrl().toString());
            return target.authentication() instanceof TargetConfig.ClientCredentials credentials
                    ? base && allowed(credentials.tokenEndpoint().toString()) : base;
        }

        /**
         * The URL begins with an allowed prefix and the prefix ends where a host, port or path
         * ends: {@code https://apps.example.org} does not allow {@code https://apps.example.org.evil.test}.
         */
        private boolean allowed(String url) {
            return allow.stream().anyMatch(prefix -> url.startsWith(prefix) && (prefix.endsWith("/")
                    || prefix.endsWith(":") || url.length() == prefix.length()
                    || "/:".indexOf(url.charAt(prefix.length())) >= 0));
        }
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
