package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code toegang up} with an external directory that does not answer refuses to start, in one line. */
class UnreachableDirectoryIT {
    private static final String HOST = "127.0.0.1";

    @TempDir
    Path data;

    @Test
    void refusesToStartWithOneClearLineAndNoStackTrace() {
        int closedPort = Ports.free(HOST); // nothing listens there

        LauncherRun run = LauncherRun.of("up", "--data-dir", data.toString(),
                "--http-port", String.valueOf(Ports.free(HOST)),
                "--management-port", String.valueOf(Ports.free(HOST)),
                "--scim-port", String.valueOf(Ports.free(HOST)), // never the default: a running stack may hold it
                "--ldap-url", "ldap://" + HOST + ":" + closedPort);

        assertThat(run.exitCode()).isEqualTo(StartupException.EXIT_CODE);
        assertThat(run.err().strip())
                .isEqualTo("Directory ldap://" + HOST + ":" + closedPort + " is unreachable: Connection refused");
        assertThat(run.printed()).doesNotContain("Exception", "\tat ").doesNotContain("Keycloak is ready");
    }

    @Test
    void refusesAnUnknownHostTheSameWay() {
        LauncherRun run = LauncherRun.of("up", "--data-dir", data.toString(),
                "--http-port", String.valueOf(Ports.free(HOST)),
                "--management-port", String.valueOf(Ports.free(HOST)),
                "--scim-port", String.valueOf(Ports.free(HOST)),
                "--ldap-url", "ldap://directory.invalid:389");

        assertThat(run.exitCode()).isEqualTo(StartupException.EXIT_CODE);
        assertThat(run.err().strip())
                .isEqualTo("Directory ldap://directory.invalid:389 is unreachable: unknown host directory.invalid");
    }

    @Test
    void refusesSomethingThatIsNotAnLdapUrl() {
        LauncherRun run = LauncherRun.of("up", "--data-dir", data.toString(),
                "--http-port", String.valueOf(Ports.free(HOST)),
                "--management-port", String.valueOf(Ports.free(HOST)),
                "--scim-port", String.valueOf(Ports.free(HOST)),
                "--ldap-url", "http://" + HOST + ":389");

        assertThat(run.exitCode()).isEqualTo(StartupException.EXIT_CODE);
        assertThat(run.err().strip()).startsWith("--ldap-url http://" + HOST + ":389 is not an LDAP URL");
    }
}
