package org.toegang.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to start and where: the folders, the address and ports to listen on, and the directory to
 * use (the embedded one unless an external one is given). Immutable; made with {@link #builder()}.
 */
public final class StackSettings {
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_MANAGEMENT_PORT = 9000;
    public static final int DEFAULT_LDAP_PORT = 10389;

    private final Path dataDirectory;
    private final String host;
    private final int httpPort;
    private final int managementPort;
    private final int ldapPort;
    private final DirectoryAccess externalDirectory;
    private final int scimPort;
    private final java.nio.file.Path provisioningConfig;
    private final boolean fresh;
    private final boolean freshKeycloakData;
    private final boolean demoTarget;
    private final Duration startTimeout;

    private StackSettings(Builder builder) {
        this.dataDirectory = Objects.requireNonNull(builder.dataDirectory, "dataDirectory").toAbsolutePath().normalize();
        this.host = builder.host;
        this.httpPort = builder.httpPort;
        this.managementPort = builder.managementPort;
        this.ldapPort = builder.ldapPort;
        this.externalDirectory = builder.externalDirectory;
        this.scimPort = builder.scimPort;
        this.provisioningConfig = builder.provisioningConfig;
        this.fresh = builder.fresh;
        this.freshKeycloakData = builder.freshKeycloakData;
        this.demoTarget = builder.demoTarget;
        this.startTimeout = builder.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Holds {@code directory/}, {@code keycloak/} and {@code logs/}. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path directoryData() {
        return dataDirectory.resolve("directory");
    }

    public Path keycloakHome() {
        return dataDirectory.resolve("keycloak");
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** The address every part listens on; loopback by default. */
    public String host() {
        return host;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** The embedded directory's port; unused with an external directory. */
    public int ldapPort() {
        return ldapPort;
    }

    /** The SCIM 2.0 server's port, when the stack runs one (toegang up does; the shared test stack does not). */
    /** The outbound provisioning configuration file, when the SCIM server runs provisioning too. */
    public Optional<java.nio.file.Path> provisioningConfig() {
        return Optional.ofNullable(provisioningConfig);
    }

    /**
     * Whether the stack provisions the demo target ({@link DemoTarget}: Keycloak's own SCIM API in
     * the realm {@code demo-loket}, connected to {@code dv_loket}); {@code toegang up} does unless
     * told otherwise, the tests' shared stack does not.
     */
    public boolean demoTarget() {
        return demoTarget;
    }

    /** Where the demo target's provisioning configuration and journal are kept. */
    public Path demoTargetData() {
        return dataDirectory.resolve("demo-target");
    }

    public java.util.OptionalInt scimPort() {
        return scimPort == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(scimPort);
    }

    /** The external directory to use instead of the embedded one, if any. */
    public Optional<DirectoryAccess> externalDirectory() {
        return Optional.ofNullable(externalDirectory);
    }

    /** Wipe the embedded directory and Keycloak's database first. */
    public boolean fresh() {
        return fresh;
    }

    /** Wipe Keycloak's database (not the directory) first: tests want a realm exactly as defined. */
    public boolean freshKeycloakData() {
        return fresh || freshKeycloakData;
    }

    /** How long Keycloak may take to become ready, its first build included. */
    public Duration startTimeout() {
        return startTimeout;
    }

    /** Builds {@link StackSettings}; defaults are those of {@code toegang up}. */
    public static final class Builder {
        private Path dataDirectory;
        private String host = "127.0.0.1";
        private int httpPort = DEFAULT_HTTP_PORT;
        private int managementPort = DEFAULT_MANAGEMENT_PORT;
        private int ldapPort = DEFAULT_LDAP_PORT;
        private DirectoryAccess externalDirectory;
        private int scimPort;
        private java.nio.file.Path provisioningConfig;
        private boolean fresh;
        private boolean freshKeycloakData;
        private boolean demoTarget;
        private Duration startTimeout = Duration.ofMinutes(5);

        private Builder() {
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder httpPort(int httpPort) {
            this.httpPort = requirePort(httpPort, "--http-port");
            return this;
        }

        public Builder managementPort(int managementPort) {
            this.managementPort = requirePort(managementPort, "--management-port");
            return this;
        }

        public Builder ldapPort(int ldapPort) {
            this.ldapPort = requirePort(ldapPort, "--ldap-port");
            return this;
        }

        /** Runs the SCIM 2.0 server too, on {@code scimPort}. */
        public Builder scimPort(int scimPort) {
            this.scimPort = requirePort(scimPort, "--scim-port");
            return this;
        }

        /** Runs outbound provisioning in the SCIM server, configured by this file (null: none). */
        public Builder provisioningConfig(java.nio.file.Path provisioningConfig) {
            this.provisioningConfig = provisioningConfig;
            return this;
        }

        public Builder externalDirectory(DirectoryAccess externalDirectory) {
            this.externalDirectory = externalDirectory;
            return this;
        }

        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        public Builder freshKeycloakData(boolean freshKeycloakData) {
            this.freshKeycloakData = freshKeycloakData;
            return this;
        }

        public Builder demoTarget(boolean demoTarget) {
            this.demoTarget = demoTarget;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
            return this;
        }

        public StackSettings build() {
            return new StackSettings(this);
        }

        private static int requirePort(int port, String option) {
            if (port < 1 || port > 65535) {
                throw new StartupException(option + " must be a port between 1 and 65535, not " + port + ".");
            }
            return port;
        }
    }
}
