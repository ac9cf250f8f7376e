package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.DemoData;
import org.toegang.directory.FaultProxy;
import org.toegang.launcher.signin.DirectoryGrants;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.protocol.ScimLimits;

/**
 * The directory fails under a running stack, in the three ways it fails on the wire (stopped,
 * refusing connections, silently dropping packets: {@link FaultProxy} in front of it, passed by
 * Keycloak's LDAP federation, our providers and a SCIM server alike). Each answer must be clear
 * and come within 5 s: the sign-in page "temporarily unavailable", the token endpoint's 503
 * {@code temporarily_unavailable}, SCIM's 503 with {@code Retry-After}, readiness 503. Times are
 * printed. Under a silent partition, a grant revoked meanwhile is served at most the documented
 * staleness bound.
 */
@ExtendWith(ToegangStackExtension.class)
class DirectoryFaultsIT {
    private static final Duration CLEAR_ANSWER = Duration.ofSeconds(5);
    private static final Duration STALENESS_BOUND = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static ScimServer scim;
    private static RunningToegang stack;

    @BeforeAll
    static void start(RunningToegang toegang) {
        stack = toegang;
        // SCIM behind the same fault proxy, so it sees the faults Keycloak sees
        scim = ScimServer.start(new ScimServerConfig(URI.create("http://localhost:0/scim/v2/"),
                new DirectoryConfig(toegang.directoryFaults().ldapUrl(), toegang.directory().bindDn(),
                        toegang.directory().password(), DirectoryConfig.DEFAULT_BASE_DN, 2),
                toegang.realmUrl().toString(), ScimServerConfig.jwksOf(toegang.realmUrl().toString()),
                ScimServerConfig.DEFAULT_AUDIENCE, ScimLimits.DEFAULTS));
    }

    @AfterAll
    static void stop() {
        if (scim != null) {
            scim.close();
        }
    }

    /** Heals the fault and waits until sign-in, tokens and the rights cache work again, for the next tests. */
    @AfterEach
    void heal() {
        stack.directoryFaults().set(FaultProxy.Mode.PASS);
        long begin = System.nanoTime();
        awaitTrue(Duration.ofSeconds(90), "the stack recovers", () -> {
            if (ready(stack).statusCode() != 200) {
                return false;
            }
            Map<String, Object> tokens = LoketSessions.signIn(stack, "an.peeters");
            String refresh = LoketSessions.text(tokens, "refresh_token");
            LoketSessions.refresh(stack, refresh);
            stack.providerSearches().reset();
            return LoketSessions.refresh(stack, refresh).path("status").asInt() == 200
                    && stack.providerSearches().searches() == 0; // the rights cache's feed is live again
        });
        System.out.printf("recovered %d ms after the fault ended%n", (System.nanoTime() - begin) / 1_000_000);
        // a directory that does not answer is no wrong password: Bart, who tried to sign in during
        // the fault, has no failure counted towards brute-force lockout
        try {
            String bart = SignInSecurityIT.admin(stack, "GET", "/admin/realms/toegang/users?exact=true&username=bart.claes",
                    null).path(0).path("id").asText();
            JsonNode lockout = SignInSecurityIT.admin(stack, "GET",
                    "/admin/realms/toegang/attack-detection/brute-force/users/" + bart, null);
            assertThat(lockout.path("numFailures").asInt()).as("%s", lockout).isZero();
            assertThat(lockout.path("disabled").asBoolean()).isFalse();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FaultProxy.Mode.class, names = {"STOPPED", "REFUSING", "DROPPING"})
    void everyPartAnswersClearlyWithinFiveSeconds(FaultProxy.Mode fault, RunningToegang toegang) throws Exception {
        Map<String, Object> tokens = LoketSessions.signIn(toegang, "an.peeters");
        String refreshToken = LoketSessions.text(tokens, "refresh_token");
        String provisioner = DeactivationIT.clientCredentials(toegang, "scim-provisioner", "scim-provisioner-demo-secret");
        AuthorizationCodeSignIn browser = new AuthorizationCodeSignIn(toegang.realmUrl(), LoketSessions.CLIENT,
                LoketSessions.SECRET, LoketSessions.REDIRECT);
        AuthorizationCodeSignIn.LoginPage page = browser.open(LoketSessions.SCOPE, Map.of("ui_locales", "en"));
        // the SCIM server fetches Keycloak's keys at its first request, slowly on a loaded machine
        awaitTrue(Duration.ofSeconds(60), "SCIM answers before the fault", () -> {
            try {
                return scimUsers(provisioner).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });

        toegang.directoryFaults().set(fault);
        long faultAt = System.nanoTime();

        // sign-in: the password step asks Keycloak's LDAP federation
        long begin = System.nanoTime();
        HttpResponse<String> signIn = browser.submit(page, "bart.claes", DemoData.PASSWORD);
        Duration signInTime = since(begin);
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(503);
        assertThat(signIn.body()).contains("data-reason=\"toegangDirectoryUnavailable\"")
                .contains("temporarily unavailable").contains("try again in a moment");
        assertThat(browser.code(signIn)).isEmpty();

        // token endpoint: a refresh, answered from kept rights until the feed is found silent or lost
        JsonNode refreshed;
        Duration refreshTime;
        do {
            begin = System.nanoTime();
            refreshed = LoketSessions.refresh(toegang, refreshToken);
            refreshTime = since(begin);
            assertThat(refreshTime).as("each refresh answers within 5 s").isLessThanOrEqualTo(CLEAR_ANSWER);
        } while (refreshed.path("status").asInt() == 200 && since(faultAt).compareTo(STALENESS_BOUND) < 0);
        Duration refusedAfter = since(faultAt);
        assertThat(refreshed.path("status").asInt()).as("%s", refreshed).isEqualTo(503);
        assertThat(refreshed.path("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(refreshed.has("access_token")).isFalse();

        // SCIM
        begin = System.nanoTime();
        HttpResponse<String> users = scimUsers(provisioner);
        Duration scimTime = since(begin);
        assertThat(users.statusCode()).as(users.body()).isEqualTo(503);
        assertThat(users.headers().firstValue("Retry-After")).isPresent();
        assertThat(users.body()).doesNotContain("an.peeters");

        // readiness
        begin = System.nanoTime();
        HttpResponse<String> ready = ready(toegang);
        Duration readyTime = since(begin);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        assertThat(ready.body()).contains("DOWN");
        int keycloakReady = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toegang.managementPort()
                + "/health/ready")).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();

        System.out.printf("directory %s: sign-in page %d ms; token endpoint 503 %d ms (refused %d ms after the"
                        + " fault began); SCIM 503 %d ms; toegang-health/ready 503 %d ms (Keycloak's /health/ready: %d)%n",
                fault, signInTime.toMillis(), refreshTime.toMillis(), refusedAfter.toMillis(), scimTime.toMillis(),
                readyTime.toMillis(), keycloakReady);
        assertThat(List.of(signInTime, refreshTime, scimTime, readyTime)).allSatisfy(time ->
                assertThat(time).isLessThanOrEqualTo(CLEAR_ANSWER));
    }

    /**
     * A silent partition (connection open, no packet): a grant revoked in the directory meanwhile
     * cannot be reported; kept rights serve until the feed's last proof of life is older than the
     * bound, then every refresh asks the directory and, finding no answer, is refused.
     */
    @Test
    void aRevokedGrantIsServedNoLongerThanTheStalenessBoundUnderASilentPartition(RunningToegang toegang) {
        DirectoryGrants grants = new DirectoryGrants(toegang.directory().url(), toegang.directory().bindDn(),
                toegang.directory().password());
        String extra = grants.add("de47ef3f-70e5-40b8-9b55-d293b7687bcb", "dv_loket", "LoketBeheerder", "0900000147");
        try {
            Map<String, Object> tokens = LoketSessions.signIn(toegang, "an.peeters");
            String refreshToken = LoketSessions.text(tokens, "refresh_token");
            assertThat(roles(LoketSessions.refresh(toegang, refreshToken))).contains("LoketBeheerder:0900000147");

            toegang.directoryFaults().set(FaultProxy.Mode.DROPPING);
            grants.setStatus(extra, "revoked"); // straight to the directory: its report cannot reach Keycloak
            long revokedAt = System.nanoTime();
            Duration lastServed = Duration.ZERO;
            JsonNode answer;
            do {
                answer = LoketSessions.refresh(toegang, refreshToken);
                if (answer.path("status").asInt() == 200 && roles(answer).contains("LoketBeheerder:0900000147")) {
                    lastServed = since(revokedAt);
                }
            } while (answer.path("status").asInt() == 200 && roles(answer).contains("LoketBeheerder:0900000147")
                    && since(revokedAt).compareTo(Duration.ofSeconds(30)) < 0);
            System.out.printf("silent partition: the revoked grant was last issued %d ms after its revocation;"
                    + " then %d %s%n", lastServed.toMillis(), answer.path("status").asInt(), answer.path("error").asText());
            assertThat(lastServed).isLessThanOrEqualTo(STALENESS_BOUND);
            assertThat(answer.path("status").asInt()).as("%s", answer).isEqualTo(503);
            assertThat(answer.path("error").asText()).isEqualTo("temporarily_unavailable");
        } finally {
            stack.directoryFaults().set(FaultProxy.Mode.PASS);
            grants.delete(extra);
        }
    }

    private static HttpResponse<String> scimUsers(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(scim.baseUri().resolve("Users?filter=userName%20eq%20%22an.peeters%22"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> roles(JsonNode tokenResponse) {
        try {
            List<String> roles = SignedJWT.parse(tokenResponse.path("access_token").asText()).getJWTClaimsSet()
                    .getStringListClaim("dv_loket_rol_3d");
            return roles == null ? List.of() : roles;
        } catch (Exception e) {
            return List.of();
        }
    }

    static HttpResponse<String> ready(RunningToegang toegang) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(toegang.realmUrl() + "/toegang-health/ready"))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static void awaitTrue(Duration patience, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        Throwable lastFailure = null;
        while (true) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                lastFailure = e; // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience.toSeconds() + " s: " + what
                        + (lastFailure == null ? "" : "; the last attempt: " + lastFailure), lastFailure);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
