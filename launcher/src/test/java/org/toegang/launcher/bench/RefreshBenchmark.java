package org.toegang.launcher.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Refresh-token grants per second for a person with 20 grants at dv_loket, with Toegang's mappers
 * and refresh check vs the same realm without them (scopes vo and dv_loket left out, the
 * refresh-check client policy disabled),
 * in one run, alternating rounds so drift hits both sides alike, after a warm-up of both. Prints
 * both figures and the ratio, then how many refreshes right after a change in the directory showed it.
 *
 * <p>Run against a running stack ({@code bin/toegang up}) whose directory the program may write:
 * {@code java -cp ... org.toegang.launcher.bench.RefreshBenchmark [keycloakUrl] [ldapUrl] [seconds] [rounds]
 * [ldapBindDn] [ldapPassword]}; the bind defaults to the embedded directory's admin (uid=admin,ou=system).
 * On a shared machine other work makes single rounds vary widely: give more rounds, and read
 * the per-round ratios it prints as well as the overall one.
 */
public final class RefreshBenchmark {
    static final String AN = "de47ef3f-70e5-40b8-9b55-d293b7687bcb";
    static final String SCOPES = "openid profile vo rrn wettelijkvertegenwoordiger dv_loket";
    /** The same request without the two scopes whose mappers are Toegang's (vo, dv_loket). */
    static final String BASELINE_SCOPES = "openid profile rrn wettelijkvertegenwoordiger";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RefreshBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String ldap = args.length > 1 ? args[1] : "ldap://127.0.0.1:10389";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String bindDn = args.length > 4 ? args[4] : "uid=admin,ou=system";
        String password = args.length > 5 ? args[5] : "secret";
        int threads = 4;
        org.toegang.launcher.signin.BenchSupport support =
                new org.toegang.launcher.signin.BenchSupport(base, ldap, bindDn, password);
        List<String> added = support.addGrants(AN, "dv_loket", 18); // An has 2 at dv_loket: 20 in all
        try {
            String refreshToken = support.signIn("an.peeters", "dv_loket", SCOPES);
            String realm = base + "/realms/toegang";
            JsonNode sample = refresh(realm, refreshToken, SCOPES);
            System.out.println("dv_loket_rol_3d of a refreshed token: " + support.claim(sample, "dv_loket_rol_3d"));

            double with = 0;
            double without = 0;
            // warm-up of both sides, so the JIT has compiled both paths before the first round
            setPolicyEnabled(base, false);
            measure(realm, refreshToken, BASELINE_SCOPES, 2 * seconds, threads);
            setPolicyEnabled(base, true);
            measure(realm, refreshToken, SCOPES, 2 * seconds, threads);
            for (int round = 1; round <= rounds; round++) {
                setPolicyEnabled(base, false);
                double roundWithout = measure(realm, refreshToken, BASELINE_SCOPES, seconds, threads);
                setPolicyEnabled(base, true);
                double roundWith = measure(realm, refreshToken, SCOPES, seconds, threads);
                System.out.printf("round %d: without %.1f/s, with %.1f/s, ratio %.3f%n", round, roundWithout, roundWith,
                        roundWith / roundWithout);
                without += roundWithout;
                with += roundWith;
            }
            System.out.printf("refresh grants/s without Toegang mappers: %.1f%n", without / rounds);
            System.out.printf("refresh grants/s with Toegang mappers:    %.1f%n", with / rounds);
            System.out.printf("ratio (with / without): %.3f (target >= 0.85)%n", with / without);
            showsChangesAtTheNextRefresh(support, realm, refreshToken, added.get(0), 20);
        } finally {
            setPolicyEnabled(base, true);
            support.deleteGrants(added);
        }
    }

    /**
     * Revokes and restores one of An's grants straight in the directory, {@code times} times, each
     * time refreshing right after the change; prints how many of those refreshes showed it. With
     * the rights cache this is the check that its change reports arrive in time.
     */
    private static void showsChangesAtTheNextRefresh(org.toegang.launcher.signin.BenchSupport support, String realm,
                                                     String refreshToken, String grantId, int times) throws Exception {
        int revocationsSeen = 0;
        int restorationsSeen = 0;
        for (int i = 0; i < times; i++) {
            support.setStatus(grantId, "revoked");
            if (!support.claim(refresh(realm, refreshToken, SCOPES), "dv_loket_rol_3d").toString().contains("BenchRecht01:")) {
                revocationsSeen++;
            }
            support.setStatus(grantId, "active");
            if (support.claim(refresh(realm, refreshToken, SCOPES), "dv_loket_rol_3d").toString().contains("BenchRecht01:")) {
                restorationsSeen++;
            }
        }
        System.out.printf("refreshes right after a change that showed it: revoked %d of %d, restored %d of %d%n",
                revocationsSeen, times, restorationsSeen, times);
    }

    private static double measure(String realm, String refreshToken, String scope, int seconds, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Integer>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            counts.add(pool.submit(() -> {
                int done = 0;
                while (running.get()) {
                    JsonNode answer = refresh(realm, refreshToken, scope);
                    if (!answer.has("access_token")) {
                        throw new IllegalStateException("refresh failed: " + answer);
                    }
                    done++;
                }
                return done;
            }));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    static JsonNode refresh(String realm, String refreshToken, String scope) throws Exception {
        return post(realm + "/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", "dv_loket", "client_secret", "dv_loket-demo-secret",
                "scope", scope), null);
    }

    /** Turns the realm's Toegang client policy (the refresh check) on or off through the admin API. */
    static void setPolicyEnabled(String base, boolean enabled) throws Exception {
        String admin = post(base + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin"), null).path("access_token").asText();
        URI uri = URI.create(base + "/admin/realms/toegang/client-policies/policies");
        JsonNode policies = JSON.readTree(HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + admin)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode policy : (ArrayNode) policies.path("policies")) {
            if (policy.path("name").asText().equals("toegang-capacity")) {
                ((ObjectNode) policy).put("enabled", enabled);
            }
        }
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(policies.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() / 100 != 2) {
            throw new IllegalStateException("cannot update client policies: " + put.statusCode() + " " + put.body());
        }
    }

    static JsonNode post(String url, Map<String, String> form, String bearer) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
