package org.toegang.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.toegang.directory.DemoData;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.directory.OpenLdapServer;
import org.toegang.launcher.generate.DirectoryLoader;
import org.toegang.launcher.generate.GeneratedDirectory;
import org.toegang.launcher.generate.GeneratorSettings;
import org.toegang.scim.ScimServer;
import org.toegang.scim.ScimServerConfig;
import org.toegang.scim.protocol.ScimLimits;
import org.toegang.testing.PostgresCluster;

/**
 * The production topology under a directory of any size, measured in one run (a program, not a
 * test): a generated directory ({@link GeneratedDirectory}: people, organisations in every target
 * group, grants, delegations, next to the demo data) bulk-loaded into Debian's OpenLDAP with
 * {@code slapadd}, PostgreSQL, two Keycloak nodes of the real distribution in production mode with
 * our providers, and a SCIM server. It prints:
 * <ul>
 *   <li>the load: entries per second generating the LDIF and loading it, the database's size on disk;</li>
 *   <li>refresh grants per second with rights for one application, with and without the rights
 *       cache (node 1 keeps rights, node 2 is started with {@code rights-cache-people=0});</li>
 *   <li>a new sign-in's password-and-capacity step for generated people (median, p95);</li>
 *   <li>SCIM {@code userName eq} and {@code name.familyName sw} (median, p95);</li>
 *   <li>Toegang against plain Keycloak: a realm {@code plain} on the same nodes whose people live in
 *       Keycloak's own database (no federation, none of our scopes, mappers, authenticators or
 *       policies): refresh grants per second and password sign-ins per second, same client code;</li>
 *   <li>two Keycloak nodes against one: refresh grants per second.</li>
 * </ul>
 * Sides that are compared run in alternating rounds after warm-up rounds of both, so drift on a
 * shared machine hits both alike; each comparison also prints the Keycloak nodes' CPU time per success.
 * Settings (system properties): {@code toegang.bench.people} (10000), {@code toegang.bench.plainPeople}
 * (10000), {@code toegang.bench.seconds} per round (10), {@code toegang.bench.rounds} (3),
 * {@code toegang.bench.threads} (4), {@code toegang.bench.queries} (200), {@code toegang.bench.work}
 * ({@code target/bench-production}), {@code toegang.bench.reuse} (false: take the directory an earlier run
 * loaded in the work folder). Needs slapd and PostgreSQL ({@code apt-get install slapd postgresql}).
 */
public final class ProductionBenchmark {
    private static final String LOKET = "dv_loket";
    private static final String LOKET_SECRET = "dv_loket-demo-secret";
    private static final String LOKET_SCOPE = "openid vo dv_loket";
    private static final String PLAIN_REALM = "plain";
    private static final String PLAIN_CLIENT = "plain-app";
    private static final String PLAIN_SECRET = "plain-app-secret";
    private static final String PLAIN_SCOPE = "openid profile";
    private static final String REDIRECT = "http://localhost:4711/callback";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Rounds of each side before measuring: the refresh rates still climbed for several rounds of 10 s. */
    private static final int WARM_UP_ROUNDS = 3;

    private final long people = Long.getLong("toegang.bench.people", 10_000);
    private final int plainPeople = Integer.getInteger("toegang.bench.plainPeople", 10_000);
    private final Duration round = Duration.ofSeconds(Long.getLong("toegang.bench.seconds", 10));
    private final int rounds = Integer.getInteger("toegang.bench.rounds", 3);
    private final int threads = Integer.getInteger("toegang.bench.threads", 4);
    private final int queries = Integer.getInteger("toegang.bench.queries", 200);
    private final Path work = Path.of(System.getProperty("toegang.bench.work", "target/bench-production"))
            .toAbsolutePath();
    private final List<AutoCloseable> started = new ArrayList<>();
    /** Generated people's user names, a sample of the whole range, for sign-ins and searches. */
    private final List<String> sample = new ArrayList<>();
    /** Those of the sample who have a capacity at dv_loket (found by the capacity-step measure). */
    private final List<String> signInable = new ArrayList<>();

    private ProductionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ProductionBenchmark benchmark = new ProductionBenchmark();
        // stops every part at the end, after a failure and on Ctrl-C alike
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stop));
        try {
            benchmark.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("== Production benchmark: %,d generated people, plain realm of %,d, %d threads, "
                + "%d rounds of %d s; %s%n", people, plainPeople, threads, rounds, round.toSeconds(), uptime());
        OpenLdapServer directory = Files.isDirectory(work.resolve("ldap/slapd.d")) && Boolean.getBoolean(
                "toegang.bench.reuse") ? reuseDirectory() : generateAndLoad();
        PostgresCluster postgres = register(PostgresCluster.start());
        int[] http = {ProductionKeycloak.freePort(), ProductionKeycloak.freePort()};
        FailoverBalancer balancer = register(new FailoverBalancer(List.of(URI.create("http://127.0.0.1:" + http[0]),
                URI.create("http://127.0.0.1:" + http[1]))));
        URI publicUrl = URI.create("http://localhost:" + balancer.port());
        DirectoryAccess access = new DirectoryAccess(directory.ldapUrl(), OpenLdapServer.ADMIN_DN,
                OpenLdapServer.ADMIN_PASSWORD);
        Map<String, String> environment = Map.of(
                "KC_DB_URL", postgres.jdbcUrl(), "KC_DB_USERNAME", postgres.user(), "KC_DB_PASSWORD", "unused",
                "KC_SPI_TOEGANG_DIRECTORY__DEFAULT__URL", directory.ldapUrl(),
                "KC_SPI_TOEGANG_DIRECTORY__DEFAULT__BIND_DN", OpenLdapServer.ADMIN_DN,
                "KC_SPI_TOEGANG_DIRECTORY__DEFAULT__PASSWORD", OpenLdapServer.ADMIN_PASSWORD);
        ProductionKeycloak keycloak = new ProductionKeycloak(work, RealmDefinition.forDirectory(access), publicUrl,
                environment, Map.of("plain-realm.json", plainRealm()));
        Map<String, String> noRightsCache = Map.of("KC_SPI_TOEGANG_DIRECTORY__DEFAULT__RIGHTS_CACHE_PEOPLE", "0");
        KeycloakServer node1 = register(keycloak.start(1, http[0], Map.of()));
        KeycloakServer uncached = register(keycloak.start(2, http[1], noRightsCache));
        ProductionKeycloak.awaitClusterOf(uncached, 2);

        String anRefresh = signIn(realmUrl(node1, RealmDefinition.REALM), LOKET, LOKET_SECRET, LOKET_SCOPE,
                "an.peeters", DemoData.PASSWORD, "LB:0900000147");
        System.out.println("dv_loket rights in An's refreshed token: " + roles(refresh(node1, RealmDefinition.REALM,
                LOKET, LOKET_SECRET, anRefresh)));
        // a node starts following the directory's changes at its providers' first use
        refresh(uncached, RealmDefinition.REALM, LOKET, LOKET_SECRET, anRefresh);
        awaitChangeFeeds(node1, uncached);
        phase("rights cache", () -> compare("refresh grants/s for dv_loket (An, 4 rights)",
                "with the rights cache (node 1)", "without it (node 2)", () -> refreshes(node1, anRefresh),
                () -> refreshes(uncached, anRefresh), node1, uncached));
        phase("capacity step", () -> capacitySteps(node1));
        phase("SCIM searches", () -> scimSearches(publicUrl, access));
        phase("plain Keycloak", () -> {
            String plainRefresh = signIn(realmUrl(node1, PLAIN_REALM), PLAIN_CLIENT, PLAIN_SECRET, PLAIN_SCOPE,
                    "plain.user.1", DemoData.PASSWORD, null);
            compare("refresh grants/s, node 1", "Toegang (dv_loket with rights)", "plain Keycloak (" + PLAIN_REALM + ")",
                    () -> refreshes(node1, anRefresh), () -> plainRefreshes(node1, plainRefresh), node1);
            System.out.println("Toegang sign-ins by " + (signInable.isEmpty()
                    ? "bart.claes (no sampled generated person has a capacity at dv_loket)"
                    : signInable.size() + " generated people with a capacity at dv_loket"));
            compare("password sign-ins/s (code flow: form, capacity step, code exchange), node 1",
                    "Toegang", "plain Keycloak (its own users)", () -> signIns(node1, false), () -> signIns(node1, true),
                    node1);
        });
        phase("two nodes against one", () -> {
            uncached.close();
            KeycloakServer second = register(keycloak.start(2, http[1], Map.of()));
            ProductionKeycloak.awaitClusterOf(second, 2);
            refresh(second, RealmDefinition.REALM, LOKET, LOKET_SECRET, anRefresh);
            awaitChangeFeeds(second);
            compare("refresh grants/s with rights, " + threads + " client threads", "two nodes (half the threads each)",
                    "one node", () -> parallel(thread -> {
                        KeycloakServer node = thread % 2 == 0 ? node1 : second;
                        return () -> refresh(node, RealmDefinition.REALM, LOKET, LOKET_SECRET, anRefresh)
                                .path("access_token").isTextual();
                    }), () -> refreshes(node1, anRefresh), node1, second);
        });
        System.out.println("== done; " + uptime());
    }

    /** Waits for each node to follow the directory's changes before anything is measured, and says how long it took. */
    private static void awaitChangeFeeds(KeycloakServer... nodes) throws IOException, InterruptedException {
        for (KeycloakServer node : nodes) {
            System.out.printf("a node follows the directory's changes after %.1f s more (RFC 4533 refresh of the"
                    + " directory's content); %s%n", ProductionKeycloak.awaitChangeFeed(node, Duration.ofMinutes(30))
                    .toMillis() / 1000.0, uptime());
        }
    }

    /** Generates the directory, bulk-loads it into a new slapd and prints both rates and the size on disk. */
    private OpenLdapServer generateAndLoad() throws IOException, InterruptedException {
        for (String part : List.of("ldap", "keycloak-1", "keycloak-2", "logs", "data.ldif")) {
            KeycloakHome.deleteRecursively(work.resolve(part));
        }
        Files.createDirectories(work);
        Path data = generate();
        long loadBegin = System.nanoTime();
        OpenLdapServer directory = register(OpenLdapServer.startLoaded(work.resolve("ldap"),
                Path.of("../ldap-schema/openldap").toAbsolutePath().normalize(), true, data, Duration.ofHours(4)));
        double loadSeconds = seconds(loadBegin);
        long entries = countEntries(data);
        System.out.printf("load: slapadd -q of %,d entries in %.1f s: %,.0f entries/s; database on disk %s%n",
                entries, loadSeconds, entries / loadSeconds, mebibytes(diskUsage(work.resolve("ldap/db"))));
        Files.delete(data);
        return directory;
    }

    /**
     * With {@code -Dtoegang.bench.reuse=true}: the directory an earlier run generated and loaded
     * in the same work folder (a million people take long to make); the sample of people is read
     * back from it.
     */
    private OpenLdapServer reuseDirectory() throws Exception {
        OpenLdapServer directory = register(OpenLdapServer.startExisting(work.resolve("ldap")));
        System.out.printf("load: reusing the directory loaded earlier in %s; database on disk %s%n", work.resolve("ldap"),
                mebibytes(diskUsage(work.resolve("ldap/db"))));
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", directory.port(), OpenLdapServer.ADMIN_DN,
                OpenLdapServer.ADMIN_PASSWORD)) {
            SearchRequest request = new SearchRequest("ou=people," + EmbeddedDirectory.BASE_DN, SearchScope.ONE,
                    Filter.createPresenceFilter("uid"), "uid");
            long every = Math.max(1, people / 2_000);
            long seen = 0;
            byte[] cookie = null;
            do {
                request.setControls(new SimplePagedResultsControl(1_000, cookie == null ? null
                        : new ASN1OctetString(cookie), true));
                SearchResult page = connection.search(request);
                for (SearchResultEntry entry : page.getSearchEntries()) {
                    if (seen++ % every == 0) {
                        sample.add(entry.getAttributeValue("uid"));
                    }
                }
                SimplePagedResultsControl next = SimplePagedResultsControl.get(page);
                cookie = next == null || next.getCookie().getValueLength() == 0 ? null : next.getCookie().getValue();
            } while (cookie != null);
            System.out.printf("%,d people in the directory, %,d in the sample%n", seen, sample.size());
        }
        return directory;
    }

    /** Writes the generated directory next to the demo data as one LDIF for slapadd; samples user names. */
    private Path generate() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(people, (int) Math.max(5, people / 10), 20, 5, 5, 50, 1);
        GeneratedDirectory generated = new GeneratedDirectory(settings, Instant.now());
        Path generatedLdif = work.resolve("generated.ldif");
        long begin = System.nanoTime();
        long written;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("generate").setInitialMax(generated.entryCount())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).showSpeed().build()) {
            written = DirectoryLoader.writeLdif(generated, generatedLdif, count -> {
                if (count % 10_000 == 0) {
                    bar.stepTo(count);
                }
            });
            bar.stepTo(written);
        }
        double took = seconds(begin);
        System.out.printf("generate: %,d entries (%,d people, %,d organisations, %,d grants) in %.1f s: "
                        + "%,.0f entries/s; LDIF %s%n", written, people, settings.organisations(),
                people * settings.grantsPerPerson(), took, written / took, mebibytes(Files.size(generatedLdif)));

        String demo = "dn: " + EmbeddedDirectory.BASE_DN + "\nobjectClass: top\nobjectClass: domain\ndc: toegang\n\n"
                + DemoData.ldif(Instant.now());
        Set<String> demoDns = demo.lines().filter(line -> line.startsWith("dn: ")).map(line -> line.substring(4))
                .collect(Collectors.toSet());
        Path data = work.resolve("data.ldif");
        // person p works for organisation p mod n, whose target group is the fifth in turn: a stride
        // that is a multiple of five would sample one target group only
        long stride = Math.max(1, people / 2_000);
        Sampler sampler = new Sampler(stride % 5 == 0 ? stride + 1 : stride, demoDns);
        try (BufferedReader in = Files.newBufferedReader(generatedLdif);
             BufferedWriter out = Files.newBufferedWriter(data)) {
            out.write(demo);
            out.write("\n");
            List<String> record = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    sampler.copy(record, out);
                    record.clear();
                } else {
                    record.add(line);
                }
            }
            sampler.copy(record, out);
        }
        Files.delete(generatedLdif);
        return data;
    }

    /**
     * Copies the generated records after the demo's, leaving out the ones the demo holds already
     * (the base entry and the OUs), and takes every n-th person into the sample. A sampled person
     * working for an LB or EA organisation also gets {@code LoketGebruiker} at {@code dv_loket}
     * there (the generated grants are for generated applications, which Keycloak does not know),
     * so that their sign-ins at dv_loket have a capacity and end with a code.
     */
    private final class Sampler {
        private final long every;
        private final Set<String> demoDns;
        private final Map<String, String> targetGroups = new java.util.HashMap<>();
        private final Map<String, String> sampledPeople = new java.util.HashMap<>();
        private long people;

        Sampler(long every, Set<String> demoDns) {
            this.every = every;
            this.demoDns = demoDns;
        }

        void copy(List<String> record, BufferedWriter out) throws IOException {
            if (record.isEmpty() || demoDns.contains(record.get(0).substring(4))) {
                return;
            }
            for (String line : record) {
                out.write(line);
                out.write('\n');
            }
            out.write('\n');
            if (record.contains("objectClass: toegangOrganisation")) {
                targetGroups.put(value(record, "toegangOrganisationKey"), value(record, "toegangTargetGroup"));
            } else if (record.contains("objectClass: toegangPerson") && people++ % every == 0) {
                String uid = value(record, "uid");
                sample.add(uid);
                sampledPeople.put(value(record, "toegangPersonId"), uid);
            } else if (record.contains("objectClass: toegangWorkRelation")
                    && sampledPeople.containsKey(value(record, "toegangPersonId"))) {
                String organisation = value(record, "toegangOrganisationKey");
                if (List.of("LB", "EA").contains(targetGroups.get(organisation))) {
                    String id = java.util.UUID.randomUUID().toString();
                    out.write(String.join("\n", "dn: toegangId=" + id + ",ou=grants," + EmbeddedDirectory.BASE_DN,
                            "objectClass: top", "objectClass: toegangGrant", "toegangId: " + id,
                            "toegangPersonId: " + value(record, "toegangPersonId"), "toegangClientId: " + LOKET,
                            "toegangRightName: LoketGebruiker", "toegangOrganisationKey: " + organisation,
                            "toegangGrantStatus: active", "toegangValidFrom: 20260101000000Z", "", ""));
                }
            }
        }

        private static String value(List<String> record, String attribute) {
            String prefix = attribute + ": ";
            return record.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                    .findFirst().orElse("");
        }
    }

    private void capacitySteps(KeycloakServer node) {
        List<Long> latencies = new ArrayList<>();
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        Random random = new Random(7);
        for (int i = 0; i < queries; i++) {
            String username = sample.get(random.nextInt(sample.size()));
            AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(realmUrl(node, RealmDefinition.REALM), LOKET,
                    LOKET_SECRET, REDIRECT);
            AuthorizationCodeSignIn.LoginPage page = signIn.open(LOKET_SCOPE);
            long begin = System.nanoTime();
            HttpResponse<String> answer = signIn.submit(page, username, DemoData.PASSWORD);
            latencies.add(System.nanoTime() - begin);
            String outcome = signIn.code(answer).isPresent() ? "code at once (one capacity)"
                    : answer.body().contains("toegang-capacity") ? "capacity chooser"
                    : "refusal page (no capacity at dv_loket), status " + answer.statusCode();
            if (!outcome.startsWith("refusal")) {
                signInable.add(username);
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.printf("capacity step (password form posted until Keycloak answers: bind, capacities), %d "
                + "generated people: %s; %s%n", queries, percentiles(latencies), outcomes);
    }

    private void scimSearches(URI publicUrl, DirectoryAccess access) throws Exception {
        String issuer = publicUrl + "/realms/" + RealmDefinition.REALM;
        int port = ProductionKeycloak.freePort();
        URI base = URI.create("http://127.0.0.1:" + port + ScimServerConfig.DEFAULT_PATH);
        ScimServer scim = register(ScimServer.start(new ScimServerConfig(base, access.config(), issuer,
                ScimServerConfig.jwksOf(issuer), ScimServerConfig.DEFAULT_AUDIENCE, ScimLimits.DEFAULTS)));
        String token = post(URI.create(issuer + "/protocol/openid-connect/token"), Map.of(
                "grant_type", "client_credentials", "client_id", "scim-provisioner",
                "client_secret", "scim-provisioner-demo-secret")).path("access_token").asText();
        Random random = new Random(11);
        for (String kind : List.of("userName eq", "name.familyName sw")) {
            List<Long> latencies = new ArrayList<>();
            long found = 0;
            for (int i = 0; i < queries; i++) {
                String uid = sample.get(random.nextInt(sample.size()));
                String filter = kind.equals("userName eq") ? "userName eq \"" + uid + "\""
                        : "name.familyName sw \"" + familyPrefix(uid) + "\"";
                // a prefix matches more than the 10,000 that index paging allows at a million people:
                // the first page by cursor (RFC 9865), as a client walking such a result would ask
                URI uri = URI.create(base + "Users?count=10&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                        + (kind.equals("userName eq") ? "" : "&cursor="));
                long begin = System.nanoTime();
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                latencies.add(System.nanoTime() - begin);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(filter + ": " + response.statusCode() + " " + response.body());
                }
                JsonNode answer = JSON.readTree(response.body());
                found += answer.has("totalResults") ? answer.path("totalResults").asLong() : answer.path("itemsPerPage").asLong();
            }
            System.out.printf("SCIM %s%s, %d queries: %s; %.1f %s per query on average%n", kind,
                    kind.equals("userName eq") ? "" : " (first page of 10 by cursor)", queries, percentiles(latencies),
                    (double) found / queries, kind.equals("userName eq") ? "matches" : "matches (or results, where not counted)");
        }
        scim.close();
    }

    /** Three letters of the person's family name, from the generator's user name (given.family.number). */
    private static String familyPrefix(String uid) {
        String family = uid.split("\\.")[1];
        return family.substring(0, Math.min(3, family.length()));
    }

    private double refreshes(KeycloakServer node, String refreshToken) throws Exception {
        return parallel(thread -> () -> refresh(node, RealmDefinition.REALM, LOKET, LOKET_SECRET, refreshToken)
                .path("access_token").isTextual());
    }

    private double plainRefreshes(KeycloakServer node, String refreshToken) throws Exception {
        return parallel(thread -> () -> refresh(node, PLAIN_REALM, PLAIN_CLIENT, PLAIN_SECRET, refreshToken)
                .path("access_token").isTextual());
    }

    private double signIns(KeycloakServer node, boolean plain) throws Exception {
        return parallel(thread -> {
            Random random = new Random(thread);
            return () -> {
                String username = plain ? "plain.user." + random.nextInt(plainPeople)
                        : signInable.isEmpty() ? "bart.claes" : signInable.get(random.nextInt(signInable.size()));
                AuthorizationCodeSignIn signIn = plain
                        ? new AuthorizationCodeSignIn(realmUrl(node, PLAIN_REALM), PLAIN_CLIENT, PLAIN_SECRET, REDIRECT)
                        : new AuthorizationCodeSignIn(realmUrl(node, RealmDefinition.REALM), LOKET, LOKET_SECRET,
                        REDIRECT);
                HttpResponse<String> answer = signIn.submit(signIn.open(plain ? PLAIN_SCOPE : LOKET_SCOPE), username,
                        DemoData.PASSWORD);
                if (answer.body().contains("toegang-capacity")) {
                    answer = signIn.choose(answer, chooserFirstCapacity(answer.body()));
                }
                return signIn.code(answer).map(code -> signIn.exchange(code).containsKey("access_token")).orElse(false);
            };
        });
    }

    private static String chooserFirstCapacity(String page) {
        int at = page.indexOf("name=\"capacity\" value=\"");
        return page.substring(at + 23, page.indexOf('"', at + 23));
    }

    /** Runs one task per thread for a round; returns successes per second (failures are counted out). */
    private double parallel(IntFunction<Check> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> results = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Check task = tasks.apply(t);
            results.add(pool.submit(() -> {
                long ok = 0;
                long failed = 0;
                while (!stop.get()) {
                    try {
                        if (task.passes()) {
                            ok++;
                        } else {
                            failed++;
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failed++;
                    }
                }
                return new long[] {ok, failed};
            }));
        }
        Thread.sleep(round.toMillis());
        stop.set(true);
        long ok = 0;
        long failed = 0;
        for (Future<long[]> result : results) {
            ok += result.get()[0];
            failed += result.get()[1];
        }
        pool.shutdown();
        double rate = ok / seconds(begin);
        if (failed > 0) {
            System.out.printf("   (%d failed of %d)%n", failed, ok + failed);
        }
        return rate;
    }

    /** Runs one measure; a failure is printed and the run goes on with the next. */
    private static void phase(String name, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            System.out.println("!! " + name + " failed: " + e);
            e.printStackTrace(System.out);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private interface Check {
        boolean passes() throws Exception;
    }

    private interface Rate {
        double measure() throws Exception;
    }

    /**
     * Warm-up rounds of both sides (the JIT compiles Keycloak's paths for several rounds), then
     * alternating rounds; prints each round, the totals and the ratio, and the CPU time the given
     * Keycloak nodes spent per success on each side: a throughput ratio on a shared 2-core machine
     * moves with everything else running, the CPU a node spends per refresh much less.
     */
    private void compare(String what, String firstName, String secondName, Rate first, Rate second,
                         KeycloakServer... nodes) throws Exception {
        for (int warmUp = 0; warmUp < WARM_UP_ROUNDS; warmUp++) {
            first.measure();
            second.measure();
        }
        double[] rates = new double[2];
        long[] cpuNanos = new long[2];
        for (int r = 1; r <= rounds; r++) {
            double a = measure(first, nodes, 0, rates, cpuNanos);
            double b = measure(second, nodes, 1, rates, cpuNanos);
            System.out.printf("   %s round %d: %s %.1f, %s %.1f, ratio %.2f%n", what, r, firstName, a, secondName, b,
                    a / b);
        }
        System.out.printf("%s: %s %.1f, %s %.1f, ratio %.2f%n", what, firstName, rates[0] / rounds, secondName,
                rates[1] / rounds, rates[0] / rates[1]);
        double[] cpuPerSuccess = {millisPerSuccess(cpuNanos[0], rates[0]), millisPerSuccess(cpuNanos[1], rates[1])};
        System.out.printf("   Keycloak CPU per success (%d node%s): %s %.2f ms, %s %.2f ms; first ÷ second %.2f%n",
                nodes.length, nodes.length == 1 ? "" : "s", firstName, cpuPerSuccess[0], secondName, cpuPerSuccess[1],
                cpuPerSuccess[0] / cpuPerSuccess[1]);
    }

    private double measure(Rate side, KeycloakServer[] nodes, int index, double[] rates, long[] cpuNanos)
            throws Exception {
        long cpuBefore = cpuNanos(nodes);
        double rate = side.measure();
        cpuNanos[index] += cpuNanos(nodes) - cpuBefore;
        rates[index] += rate;
        return rate;
    }

    /** Milliseconds of CPU per success, from the rounds' CPU time and their summed rates. */
    private double millisPerSuccess(long cpuNanos, double summedRates) {
        return cpuNanos / 1e6 / (summedRates * round.toSeconds());
    }

    /** CPU time the nodes' processes (kc.sh and its JVM) have used so far. */
    private static long cpuNanos(KeycloakServer... nodes) {
        long nanos = 0;
        for (KeycloakServer node : nodes) {
            nanos += java.util.stream.Stream.concat(java.util.stream.Stream.of(node.process().toHandle()),
                            node.process().descendants())
                    .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        }
        return nanos;
    }

    private static String signIn(URI realmUrl, String client, String secret, String scope, String username,
                                 String password, String capacity) {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(realmUrl, client, secret, REDIRECT);
        HttpResponse<String> answer = signIn.submit(signIn.open(scope), username, password);
        if (capacity != null && answer.body().contains("toegang-capacity")) {
            answer = signIn.choose(answer, capacity);
        }
        HttpResponse<String> last = answer;
        String code = signIn.code(last).orElseThrow(() -> new IllegalStateException(
                "no code for " + username + " at " + realmUrl + ": " + last.statusCode() + " " + last.body()));
        return (String) signIn.exchange(code).get("refresh_token");
    }

    private static JsonNode refresh(KeycloakServer node, String realm, String client, String secret,
                                    String refreshToken) {
        return post(URI.create(realmUrl(node, realm) + "/protocol/openid-connect/token"), Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", client,
                "client_secret", secret));
    }

    private static JsonNode post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String roles(JsonNode tokenResponse) throws Exception {
        String payload = tokenResponse.path("access_token").asText().split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload)).path(LOKET + "_rol_3d").toString();
    }

    private static URI realmUrl(KeycloakServer node, String realm) {
        return URI.create(node.baseUrl() + "/realms/" + realm);
    }

    /**
     * A realm whose people live in Keycloak's own database, with a confidential client: what a user
     * would pick instead of Toegang. The password is stored as Keycloak stores it by default
     * (PBKDF2-SHA512, 210,000 iterations), hashed once here: hashing it per person at import would
     * cost the import minutes.
     */
    private String plainRealm() throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 210_000;
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(
                new PBEKeySpec(DemoData.PASSWORD.toCharArray(), salt, iterations, 512)).getEncoded();
        String secretData = JSON.writeValueAsString(Map.of("value", Base64.getEncoder().encodeToString(hash),
                "salt", Base64.getEncoder().encodeToString(salt), "additionalParameters", Map.of()));
        String credentialData = JSON.writeValueAsString(Map.of("hashIterations", iterations,
                "algorithm", "pbkdf2-sha512", "additionalParameters", Map.of()));
        ObjectNode realm = JSON.createObjectNode().put("realm", PLAIN_REALM).put("enabled", true);
        realm.putArray("clients").addObject().put("clientId", PLAIN_CLIENT).put("secret", PLAIN_SECRET)
                .put("publicClient", false).put("standardFlowEnabled", true)
                .put("directAccessGrantsEnabled", false).putArray("redirectUris").add(REDIRECT);
        ArrayNode users = realm.putArray("users");
        for (int i = 0; i < plainPeople; i++) {
            ObjectNode user = users.addObject().put("username", "plain.user." + i).put("enabled", true)
                    .put("email", "plain.user." + i + "@example.toegang.local").put("emailVerified", true)
                    .put("firstName", "Plain").put("lastName", "User " + i);
            user.putArray("credentials").addObject().put("type", "password").put("secretData", secretData)
                    .put("credentialData", credentialData);
        }
        return JSON.writeValueAsString(realm);
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format("median %.1f ms, p95 %.1f ms", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6);
    }

    private static long countEntries(Path ldif) throws IOException {
        try (var lines = Files.lines(ldif)) {
            return lines.filter(line -> line.startsWith("dn: ") || line.startsWith("dn:: ")).count();
        }
    }

    private static long diskUsage(Path folder) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-s", "-B1", folder.toString()).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        du.waitFor();
        return Long.parseLong(out.split("\\s+")[0]);
    }

    private static String mebibytes(long bytes) {
        return String.format("%,.0f MiB", bytes / 1048576.0);
    }

    private static double seconds(long beginNanos) {
        return (System.nanoTime() - beginNanos) / 1e9;
    }

    private static String uptime() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " (1 min)";
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    private <T extends AutoCloseable> T register(T part) {
        started.add(part);
        return part;
    }

    private synchronized void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.out.println("could not stop " + started.get(i) + ": " + e);
            }
        }
        started.clear();
    }
}
