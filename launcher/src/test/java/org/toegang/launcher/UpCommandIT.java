package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code toegang up} as a user runs it: its own JVM on the runtime classpath the build writes for
 * {@code bin/toegang} (not the test classpath), on free ports. Everything it starts answers, and
 * a stop signal (what Ctrl-C sends the JVM's shutdown hook) stops every part and frees every port.
 */
class UpCommandIT {
    private static final String HOST = "127.0.0.1";
    private static final Path TARGET = Path.of("target");
    /**
     * Keycloak's first start builds it with our providers; on a shared, loaded 2-core machine that
     * alone has taken more than 300 s. The limit is for a hung start, not a slow one: the same as
     * the shared stack's ({@code -Dtoegang.it.startTimeoutSeconds}).
     */
    private static final long START_SECONDS = RunningToegang.startTimeout().toSeconds();

    @TempDir
    Path data;

    @Test
    void startsEveryPartOnTheRuntimeClasspathAndStopsThemAllOnASignal() throws Exception {
        int http = Ports.free(HOST);
        int management = Ports.free(HOST);
        int ldap = Ports.free(HOST);
        int scim = Ports.free(HOST);
        String classpath = TARGET.resolve("classes") + ":" + Files.readString(TARGET.resolve("classpath.txt")).strip();
        Process up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + Toegang.HOME_PROPERTY + "=" + Path.of("..").toAbsolutePath().normalize(),
                "-D" + KeycloakDistribution.LOCATION_PROPERTY + "=" + TARGET.resolve("dist").toAbsolutePath(),
                "-cp", classpath, Toegang.class.getName(), "up", "--data-dir", data.toString(),
                "--http-port", "" + http, "--management-port", "" + management, "--ldap-port", "" + ldap,
                "--scim-port", "" + scim, "--start-timeout", "" + START_SECONDS).redirectErrorStream(true).start();
        List<String> printed = new ArrayList<>();
        try {
            CompletableFuture<Boolean> ready = readUntil(up, printed, "Press Ctrl-C to stop.");
            assertThat(ready.completeOnTimeout(false, START_SECONDS + 60, TimeUnit.SECONDS).get())
                    .as("printed:%n%s", String.join("\n", snapshot(printed))).isTrue();
            assertThat(String.join("\n", printed)).contains("SCIM 2.0", "an.peeters").doesNotContain("\tat ");

            HttpClient http1 = HttpClient.newHttpClient();
            assertThat(status(http1, "http://" + HOST + ":" + http + "/realms/toegang/.well-known/openid-configuration"))
                    .isEqualTo(200);
            assertThat(status(http1, "http://" + HOST + ":" + scim + "/scim/v2/ServiceProviderConfig")).isEqualTo(200);
            assertThat(status(http1, "http://" + HOST + ":" + scim + "/scim/v2/Users")).isEqualTo(401);
        } finally {
            up.destroy();
            assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("up stops on a signal").isTrue();
        }
        for (int port : List.of(http, management, ldap, scim)) {
            assertThat(isFree(port)).as("port %d is free again", port).isTrue();
        }
    }

    private static CompletableFuture<Boolean> readUntil(Process process, List<String> printed, String last) {
        return CompletableFuture.supplyAsync(() -> {
            // not closed here: once the line is seen another thread drains it until the process ends, and
            // closing it under that thread's blocked read would wait for the read (a hang, seen once)
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (printed) {
                        printed.add(line);
                    }
                    if (line.contains(last)) {
                        // keep draining, so the launcher never blocks on a full pipe
                        CompletableFuture.runAsync(() -> reader.lines().forEach(ignored -> { }));
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static List<String> snapshot(List<String> printed) {
        synchronized (printed) {
            return new ArrayList<>(printed);
        }
    }

    private static int status(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
