package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * the demo target receives dv_loket's people, and a stop signal (what Ctrl-C sends the JVM's
 * shutdown hook) stops every part and frees every port.
 */
class UpCommandIT {
    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
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
        int http = ListeningPorts.free(HOST);
        int management = ListeningPorts.free(HOST);
        int ldap = ListeningPorts.free(HOST);
        int scim = ListeningPorts.free(HOST);
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
            // as the banner prints it: the demo client's tokens name localhost, and so does the SCIM audience
            demoTargetReceivesTheLoketPeople(http1, "http://localhost:" + http, printed);
        } finally {
            up.destroy();
            assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("up stops on a signal").isTrue();
        }
        for (int port : List.of(http, management, ldap, scim)) {
            assertThat(isFree(port)).as("port %d is free again", port).isTrue();
        }
    }

    /**
     * The demo target, read as a newcomer would with what the banner prints: Keycloak's own SCIM
     * API in the realm demo-loket receives dv_loket's people with their rights as Group memberships,
     * and nobody without a right of dv_loket; the toegang realm's SCIM API stays off.
     */
    private static void demoTargetReceivesTheLoketPeople(HttpClient client, String keycloak, List<String> printed)
            throws Exception {
        assertThat(String.join("\n", printed)).contains("Demo target", DemoTarget.REALM + "/users",
                DemoTarget.CLIENT_SECRET, "/provisioning/status");
        String form = "grant_type=client_credentials&client_id=" + DemoTarget.CLIENT_ID + "&client_secret="
                + DemoTarget.CLIENT_SECRET;
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/"
                        + DemoTarget.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String bearer = "Bearer " + JSON.readTree(token.body()).path("access_token").asText();
        String scim = keycloak + "/realms/" + DemoTarget.REALM + "/scim/v2/";

        JsonNode an = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (an == null && System.nanoTime() < deadline) {
            JsonNode found = get(client, bearer, scim + "Users?filter=" + encode("userName eq \"an.peeters\""));
            if (found.path("totalResults").asInt() == 1) {
                an = found.path("Resources").path(0);
            } else {
                Thread.sleep(500);
            }
        }
        assertThat(an).as("an.peeters arrived at the demo target").isNotNull();
        assertThat(an.path("active").asBoolean()).isTrue();
        String id = an.path("id").asText();
        // memberships arrive one Group at a time (GroupMemberships adds them in order): wait for all of them
        List<String> expected = List.of("LoketGebruiker:0900000147", "LoketGebruiker:0900000345");
        List<String> groups = new ArrayList<>();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!groups.containsAll(expected) && System.nanoTime() < deadline) {
            groups.clear();
            get(client, bearer, scim + "Groups?filter=" + encode("members[value eq \"" + id + "\"]"))
                    .path("Resources").forEach(group -> groups.add(group.path("displayName").asText()));
            Thread.sleep(200);
        }
        assertThat(groups).as("an.peeters' dv_loket rights as memberships, no other application's")
                .containsAll(expected)
                .allMatch(group -> group.startsWith("Loket"));
        // dina.maes holds no right of dv_loket, els.jacobs only dv_geoportaal's: never sent
        for (String nobody : List.of("dina.maes", "els.jacobs")) {
            JsonNode none = get(client, bearer, scim + "Users?filter=" + encode("userName eq \"" + nobody + "\""));
            assertThat(none.path("totalResults").asInt()).as(nobody).isZero();
            assertThat(none.path("Resources").isEmpty()).isTrue();
        }
        HttpResponse<String> toegangScim = client.send(HttpRequest.newBuilder(URI.create(keycloak
                + "/realms/toegang/scim/v2/Users")).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toegangScim.statusCode()).as("the toegang realm's own SCIM API stays off").isEqualTo(404);
        assertThat(toegangScim.body()).doesNotContain("userName");
    }

    private static JsonNode get(HttpClient client, String bearer, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
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
