package org.toegang.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files the build lays out for the launcher (see this module's pom): the Keycloak distribution
 * zip that Maven resolved, and the provider jars to install into it.
 *
 * @param zip {@code keycloak-quarkus-dist.zip}
 * @param providers the jars for Keycloak's {@code providers/} folder
 */
record KeycloakDistribution(Path zip, List<Path> providers) {
    /** Overrides where the layout is; by default it is {@code target/dist} beside the launcher's classes. */
    static final String LOCATION_PROPERTY = "toegang.dist";

    KeycloakDistribution {
        providers = List.copyOf(providers);
    }

    /** @throws StartupException when the build has not laid the files out yet */
    static KeycloakDistribution locate() {
        Path location = location();
        Path zip = location.resolve("keycloak-quarkus-dist.zip");
        Path providerDirectory = location.resolve("providers");
        if (!Files.isRegularFile(zip) || !Files.isDirectory(providerDirectory)) {
            throw new StartupException("The Keycloak distribution is not in " + location
                    + "; build first: mvn -B -DskipTests install (bin/toegang does this for you).");
        }
        try (Stream<Path> files = Files.list(providerDirectory)) {
            return new KeycloakDistribution(zip, files.filter(file -> file.toString().endsWith(".jar")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path location() {
        String configured = System.getProperty(LOCATION_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            // target/classes or target/toegang-launcher.jar -> target/dist
            Path code = Path.of(KeycloakDistribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("dist");
        } catch (URISyntaxException | RuntimeException e) {
            throw new StartupException("Cannot tell where the Keycloak distribution is; set -D" + LOCATION_PROPERTY + ".", e);
        }
    }
}
