package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code toegang up} names the port that is taken and the option that asked for it, before starting
 * anything. Every port is chosen free, so these pass beside a running {@code toegang up}.
 */
class TakenPortIT {
    private static final String HOST = "127.0.0.1";

    @TempDir
    Path data;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "--http-port,       Keycloak",
            "--management-port, Keycloak health and metrics",
            "--ldap-port,       embedded directory",
            "--scim-port,       SCIM server"})
    void namesTheTakenPortAndItsOption(String option, String part) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            int port = taken.getLocalPort();

            LauncherRun run = LauncherRun.of(arguments(option, port));

            assertThat(run.exitCode()).isEqualTo(StartupException.EXIT_CODE);
            assertThat(run.err().strip()).isEqualTo("Port " + port + " on " + HOST + " is already in use, so "
                    + option + " (" + part + ") cannot listen there. Stop what uses it, or choose another port with "
                    + option + ".");
            assertThat(run.printed()).doesNotContain("Exception", "\tat ", "Starting");
        }
    }

    @Test
    void refusesOnePortForTwoParts() {
        int port = Ports.free(HOST);

        LauncherRun run = LauncherRun.of("up", "--data-dir", data.toString(),
                "--http-port", String.valueOf(port), "--management-port", String.valueOf(port),
                "--ldap-port", String.valueOf(Ports.free(HOST)), "--scim-port", String.valueOf(Ports.free(HOST)));

        assertThat(run.exitCode()).isEqualTo(StartupException.EXIT_CODE);
        assertThat(run.err().strip()).isEqualTo("Port " + port + " is asked for twice: by --http-port (Keycloak) and by "
                + "--management-port (Keycloak health and metrics). Give each its own port.");
    }

    private String[] arguments(String takenOption, int takenPort) {
        List<String> arguments = new ArrayList<>(List.of("up", "--data-dir", data.toString()));
        for (String option : List.of("--http-port", "--management-port", "--ldap-port", "--scim-port")) {
            arguments.add(option);
            arguments.add(String.valueOf(option.equals(takenOption) ? takenPort : Ports.free(HOST)));
        }
        return arguments.toArray(String[]::new);
    }
}
