package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code THIRD-PARTY.txt} names the licence of every library the launcher bundles: each jar on the
 * runtime classpath that {@code bin/toegang} uses (written by the build to
 * {@code target/classpath.txt}) is listed with its exact version. A new or upgraded dependency
 * fails this test until the file is regenerated with
 * {@code mvn -B license:aggregate-add-third-party}.
 */
class ThirdPartyLicencesIT {
    private static final String REPOSITORY = "/repository/";

    @Test
    void listsEveryBundledLibraryWithItsVersion() throws IOException {
        String thirdParty = Files.readString(Path.of("..", "THIRD-PARTY.txt"));
        List<String> bundled = Arrays.stream(Files.readString(Path.of("target", "classpath.txt")).strip().split(":"))
                .filter(jar -> jar.contains(REPOSITORY) && !jar.contains("/org/toegang/"))
                .map(ThirdPartyLicencesIT::coordinates)
                .toList();

        assertThat(bundled).as("the launcher bundles libraries").hasSizeGreaterThan(50);
        assertThat(bundled).as("listed in THIRD-PARTY.txt (regenerate: mvn -B license:aggregate-add-third-party)")
                .allSatisfy(coordinates -> assertThat(thirdParty).contains("(" + coordinates + " - "));
        assertThat(Files.readString(Path.of("..", "LICENSE"))).contains("Apache License", "Version 2.0, January 2004",
                "END OF TERMS AND CONDITIONS");
    }

    /** {@code .../repository/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar} gives {@code org.slf4j:slf4j-api:2.0.17}. */
    private static String coordinates(String jar) {
        String[] parts = jar.substring(jar.indexOf(REPOSITORY) + REPOSITORY.length()).split("/");
        String version = parts[parts.length - 2];
        String artifact = parts[parts.length - 3];
        String group = String.join(".", Arrays.copyOfRange(parts, 0, parts.length - 3));
        return group + ":" + artifact + ":" + version;
    }
}
