package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.OpenLdapServer;
import org.toegang.launcher.DirectoryAccess;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;
import org.toegang.scim.BenchmarkPlot;
import org.toegang.scim.BenchmarkPlot.Bar;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.protocol.ScimLimits;

/**
 * Benchmark program (not a test): Toegang's SCIM server against Keycloak 26.7's own SCIM API
 * (preview feature {@code scim-api}), both in the tests' stack on this machine, side by side in
 * one run, with the same HTTP client and the same number of client threads:
 * <ol>
 *   <li>creates per second ({@code POST /Users}), in alternating rounds;</li>
 *   <li>at each directory size of {@code toegang.bench.people} (default 10,000 and 100,000), the
 *       latency of {@code filter=userName eq} and its rate with all client threads.</li>
 * </ol>
 * The people each side holds are loaded by its fastest honest path, and the time is printed:
 * LDAP adds into the directory for Toegang, the admin API's partial import (batches of 500) for
 * Keycloak. {@code toegang.bench.directory} chooses Toegang's directory: {@code embedded} (the
 * default: the stack's ApacheDS and SCIM server) or {@code slapd} (the production directory:
 * Debian's OpenLDAP with the shipped schema and indexes, started here, and a SCIM server of the
 * same build on it, trusting the same realm's tokens). Keycloak stays as the stack runs it.
 * Run from {@code launcher/}: {@code java -cp <test classpath> org.toegang.scim.outbound.KeycloakScimBenchmark}.
 */
public final class KeycloakScimBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = Integer.getInteger("toegang.bench.threads", 4);
    private static final int CREATES = Integer.getInteger("toegang.bench.creates", 500);
    private static final int ROUNDS = Integer.getInteger("toegang.bench.rounds", 3);
    /** Creates on each side before the rounds: both servers take a few thousand requests to run compiled. */
    private static final int WARM_UP = Integer.getInteger("toegang.bench.warmup", 3_000);
    private static final int QUERIES = Integer.getInteger("toegang.bench.queries", 300);
    private static final List<Integer> PEOPLE = Arrays.stream(System.getProperty("toegang.bench.people", "10000,100000")
            .split(",")).map(String::strip).map(Integer::valueOf).sorted().toList();
    private static final String BASE_DN = "dc=toegang,dc=local";
    private static final String REALM = "scim-bench";
    private static final String DIRECTORY = System.getProperty("toegang.bench.directory", "embedded");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RunningToegang toegang;
    private final KeycloakScimTarget keycloak;
    private final ToegangSide side;
    private final URI ours;
    private String ourToken;
    private Instant ourTokenUntil = Instant.MIN;

    private KeycloakScimBenchmark(RunningToegang toegang, KeycloakScimTarget keycloak, ToegangSide side) {
        this.toegang = toegang;
        this.keycloak = keycloak;
        this.side = side;
        this.ours = side.scimUrl();
    }

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        try (RunningToegang toegang = ToegangStackExtension.startForProgram();
             KeycloakScimTarget keycloak = KeycloakScimTarget.create(toegang, REALM);
             ToegangSide side = ToegangSide.start(toegang)) {
            System.out.printf("Stack started in %.0f s%n", (System.nanoTime() - begin) / 1e9);
            new KeycloakScimBenchmark(toegang, keycloak, side).run();
        }
    }

    /** Toegang's SCIM server and the directory it writes to, as {@link #DIRECTORY} chooses. */
    private record ToegangSide(URI scimUrl, String ldapUrl, String bindDn, String password, AutoCloseable stop)
            implements AutoCloseable {
        static ToegangSide start(RunningToegang toegang) throws IOException {
            if (DIRECTORY.equals("embedded")) {
                DirectoryAccess directory = toegang.directory();
                return new ToegangSide(toegang.stack().scimUrl()
                        .orElseThrow(() -> new IllegalStateException("the stack runs no SCIM server")),
                        directory.url(), directory.bindDn(), directory.password(), () -> { });
            }
            if (!DIRECTORY.equals("slapd")) {
                throw new IllegalArgumentException("toegang.bench.directory is embedded or slapd, not " + DIRECTORY);
            }
            OpenLdapServer slapd = OpenLdapServer.start(Files.createTempDirectory("toegang-bench-slapd"),
                    Path.of("../ldap-schema/openldap"), false);
            String issuer = toegang.realmUrl().toString();
            ScimServer scim = ScimServer.start(new ScimServerConfig(URI.create("http://127.0.0.1:0/scim/v2/"),
                    new DirectoryConfig(slapd.ldapUrl(), OpenLdapServer.ADMIN_DN, OpenLdapServer.ADMIN_PASSWORD,
                            BASE_DN, DirectoryConfig.DEFAULT_POOL_SIZE),
                    issuer, ScimServerConfig.jwksOf(issuer), ScimServerConfig.DEFAULT_AUDIENCE, ScimLimits.DEFAULTS));
            return new ToegangSide(scim.baseUri(), slapd.ldapUrl(), OpenLdapServer.ADMIN_DN, OpenLdapServer.ADMIN_PASSWORD,
                    () -> {
                        scim.close();
                        slapd.close();
                    });
        }

        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    private void run() throws Exception {
        System.out.printf("Toegang SCIM (directory: %s) against Keycloak's SCIM API: %d client threads, %d creates each"
                + " to warm up, then %d rounds of %d creates each, filters at %s people%n", DIRECTORY, THREADS, WARM_UP,
                ROUNDS, CREATES, PEOPLE);
        // warm both up
        rate(WARM_UP, i -> create(true, "warm.toegang." + i));
        rate(WARM_UP, i -> create(false, "warm.keycloak." + i));
        double oursTotal = 0;
        double theirsTotal = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String r = round + ".";
            double toegangRate = rate(CREATES, i -> create(true, "rate.toegang." + r + i));
            double keycloakRate = rate(CREATES, i -> create(false, "rate.keycloak." + r + i));
            System.out.printf("round %d creates/s  Toegang: %.0f   Keycloak: %.0f%n", round + 1, toegangRate, keycloakRate);
            oursTotal += toegangRate;
            theirsTotal += keycloakRate;
        }
        System.out.printf("creates/s (mean)  Toegang: %.0f   Keycloak: %.0f   ratio Toegang/Keycloak: %.2f%n",
                oursTotal / ROUNDS, theirsTotal / ROUNDS, oursTotal / theirsTotal);
        BenchmarkPlot plot = new BenchmarkPlot("Toegang SCIM (" + DIRECTORY + ") and Keycloak 26.7's SCIM API, "
                + THREADS + " client threads");
        plot.group("creates/s (higher is better)", "%.0f", new Bar("Toegang", oursTotal / ROUNDS),
                new Bar("Keycloak", theirsTotal / ROUNDS));

        int loaded = 0;
        for (int people : PEOPLE) {
            int from = loaded;
            long start = System.nanoTime();
            loadIntoDirectory(from, people);
            double ldapSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            loadIntoKeycloak(from, people);
            double keycloakSeconds = (System.nanoTime() - start) / 1e9;
            loaded = people;
            int size = loaded;
            System.out.printf("%d more people loaded: Toegang by LDAP adds in %.0f s, Keycloak by partial import in %.0f s%n",
                    people - from, ldapSeconds, keycloakSeconds);
            double[] median = new double[2];
            double[] rate = new double[2];
            for (boolean toegangSide : List.of(true, false)) {
                List<Long> latencies = new ArrayList<>();
                java.util.Random random = new java.util.Random(42);
                for (int q = 0; q < QUERIES; q++) {
                    latencies.add(find(toegangSide, "bench." + random.nextInt(size)));
                }
                double perSecond = rate(QUERIES * 2, q -> find(toegangSide, "bench." + ((q * 7919L) % size)));
                Collections.sort(latencies);
                System.out.printf("  %-8s %6d people  filter=userName eq  median %.1f ms  p95 %.1f ms  %d threads: %.0f/s%n",
                        toegangSide ? "Toegang" : "Keycloak", size, latencies.get(latencies.size() / 2) / 1e6,
                        latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1) / 1e6, THREADS, perSecond);
                median[toegangSide ? 0 : 1] = latencies.get(latencies.size() / 2) / 1e6;
                rate[toegangSide ? 0 : 1] = perSecond;
            }
            plot.group(String.format("filter=userName eq, %,d people: queries/s with %d threads (higher is better)",
                    size, THREADS), "%.0f", new Bar("Toegang", rate[0]), new Bar("Keycloak", rate[1]));
            plot.group(String.format("filter=userName eq, %,d people: median ms (lower is better)", size), "%.1f",
                    new Bar("Toegang", median[0]), new Bar("Keycloak", median[1]));
        }
        System.out.println("Plot: " + plot.write(Path.of("target", "scim-vs-keycloak-" + DIRECTORY + ".svg")).toAbsolutePath());
    }

    private void create(boolean toegangSide, String userName) {
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Bench","familyName":"Family"},"displayName":"Bench Family",
                 "emails":[{"value":"%s@bench.example","type":"work","primary":true}]}""".formatted(userName, userName);
        HttpResponse<String> response = send(toegangSide, "POST", "Users", body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException((toegangSide ? "Toegang" : "Keycloak") + " create answered "
                    + response.statusCode() + " " + response.body());
        }
    }

    private long find(boolean toegangSide, String userName) {
        long start = System.nanoTime();
        HttpResponse<String> response = send(toegangSide, "GET", "Users?filter="
                + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8), null);
        long elapsed = System.nanoTime() - start;
        try {
            if (response.statusCode() != 200 || JSON.readTree(response.body()).path("totalResults").asInt() != 1) {
                throw new IllegalStateException((toegangSide ? "Toegang" : "Keycloak") + " filter for " + userName
                        + " answered " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return elapsed;
    }

    private HttpResponse<String> send(boolean toegangSide, String method, String path, String body) {
        try {
            if (!toegangSide) {
                return keycloak.send(method, path, body);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(ours.resolve(path)).header("Authorization", "Bearer " + ourToken())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/scim+json");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Client credentials of the realm's provisioning client, renewed each minute as KeycloakScimTarget does. */
    private synchronized String ourToken() throws IOException, InterruptedException {
        if (Instant.now().isAfter(ourTokenUntil)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(toegang.realmUrl()
                            + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=scim-provisioner"
                            + "&client_secret=scim-provisioner-demo-secret")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for scim-provisioner: " + response.body());
            }
            ourToken = JSON.readTree(response.body()).path("access_token").asText();
            ourTokenUntil = Instant.now().plusSeconds(60);
        }
        return ourToken;
    }

    /** People {@code bench.<from>} up to {@code bench.<to - 1>}, as PersonStore writes them, by LDAP adds. */
    private void loadIntoDirectory(int from, int to) throws Exception {
        LDAPURL url = new LDAPURL(side.ldapUrl());
        try (LDAPConnectionPool pool = new LDAPConnectionPool(new LDAPConnection(url.getHost(), url.getPort(),
                side.bindDn(), side.password()), THREADS)) {
            rate(to - from, i -> {
                String userName = "bench." + (from + i);
                Entry entry = new Entry("uid=" + userName + ",ou=people," + BASE_DN);
                entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "toegangPerson");
                entry.addAttribute("toegangPersonId", UUID.randomUUID().toString());
                entry.addAttribute("uid", userName);
                entry.addAttribute("cn", "Bench Family");
                entry.addAttribute("givenName", "Bench");
                entry.addAttribute("sn", "Family");
                entry.addAttribute("mail", userName + "@bench.example");
                try {
                    pool.add(entry);
                } catch (LDAPException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** The same people in Keycloak's realm, by the admin API's partial import, 500 a request. */
    private void loadIntoKeycloak(int from, int to) throws Exception {
        for (int batch = from; batch < to; batch += 500) {
            ObjectNode body = JSON.createObjectNode().put("ifResourceExists", "SKIP");
            ArrayNode users = body.putArray("users");
            for (int i = batch; i < Math.min(to, batch + 500); i++) {
                users.addObject().put("username", "bench." + i).put("enabled", true).put("firstName", "Bench")
                        .put("lastName", "Family").put("email", "bench." + i + "@bench.example");
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(toegang.keycloakUrl()
                            .resolve("/admin/realms/" + REALM + "/partialImport"))
                    .header("Authorization", "Bearer " + toegang.adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("partial import answered " + response.statusCode() + " " + response.body());
            }
        }
    }

    interface Task {
        void run(int i) throws Exception;
    }

    /** Runs {@code count} tasks on {@link #THREADS} threads; answers tasks per second. */
    private static double rate(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Object>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<Object> worker : workers) {
            worker.get();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
