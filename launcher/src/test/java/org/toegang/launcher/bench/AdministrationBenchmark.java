package org.toegang.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.StaticUtils;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.launcher.AuthorizationCodeSignIn;
import org.toegang.launcher.StackSettings;
import org.toegang.launcher.ToegangStack;

/**
 * Benchmark program (not a test; {@code mvn verify} does not run it) of the delegated
 * administration API, over real HTTP against the real Keycloak distribution with our providers and
 * the embedded directory, started on free ports in a temporary folder. It loads
 * {@code toegang.bench.members} people (default 10,000) working for 0900000147 with 3 grants each,
 * and {@code toegang.bench.others} more people (default 90,000) into the embedded directory before it
 * serves ({@link EmbeddedDirectory.Builder#load}, the bulk path), then measures, as Bart (local
 * administrator of 0900000147) through the portal client's token:
 * <ol>
 *   <li>the organisation's people × rights report as JSON and as CSV: time to the first and to the
 *       last byte, rows, bytes, and Keycloak's heap in use (its {@code /metrics}, sampled every 50 ms)
 *       before and at the peak while it streamed; without a kept roster, then with the organisation's
 *       roster kept by a people listing just before;</li>
 *   <li>people search in the organisation by name ({@code GET .../people?name=}): median and p95,
 *       warm and right after such a change;</li>
 *   <li>the people list as the portal opens it, the same two ways;</li>
 *   <li>grants per second through {@code POST .../grants} (token check, roles from the directory,
 *       policy, rules, revision, audit entry) against raw LDAP adds of the same entries, in one run,
 *       one client thread each.</li>
 * </ol>
 * Run (after {@code mvn -B -o verify -pl launcher -am -DskipTests}, which builds the providers):
 * {@code java -Xmx3g -cp launcher/target/test-classes:launcher/target/classes:<launcher test classpath>
 * org.toegang.launcher.bench.AdministrationBenchmark}. Sizes: system properties
 * {@code toegang.bench.members}, {@code .others}, {@code .queries}, {@code .grants}; {@code .loadSeconds}
 * (600: loading stops there, and the figures say how many people it loaded) and {@code .startMinutes}
 * (30: how long Keycloak may take to start on a loaded machine). {@code toegang.bench.reuse}, the
 * directory folder an earlier run printed, skips the loading: a copy of it is served instead.
 */
public final class AdministrationBenchmark {
    private static final int MEMBERS = Integer.getInteger("toegang.bench.members", 10_000);
    private static final int OTHERS = Integer.getInteger("toegang.bench.others", 90_000);
    private static final int QUERIES = Integer.getInteger("toegang.bench.queries", 100);
    private static final int GRANTS = Integer.getInteger("toegang.bench.grants", 500);
    /** How long loading may take in all; the other people stop there, and the figures say how many there were. */
    private static final long LOAD_SECONDS = Long.getLong("toegang.bench.loadSeconds", 600);
    private static final String REUSE = System.getProperty("toegang.bench.reuse", "");
    private static final String ORG = "0900000147";
    private static final String BASE = "dc=toegang,dc=local";
    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static int otherPeople;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private AdministrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("toegang-admin-bench");
        // fresh(false): the directory is made and loaded below, before the stack starts serving it
        StackSettings settings = StackSettings.builder().dataDirectory(work).host(HOST).httpPort(freePort())
                .managementPort(freePort()).ldapPort(freePort()).fresh(false).freshKeycloakData(true)
                .startTimeout(Duration.ofMinutes(Long.getLong("toegang.bench.startMinutes", 30))).build();
        System.out.printf("Toegang administration API benchmark: %d people of %s with 3 grants each, %d other people;"
                        + " %d cores, this JVM (directory) max heap %d MiB%n", MEMBERS, ORG, OTHERS,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<String> members = REUSE.isEmpty() ? load(settings.directoryData()) : List.of();
        if (!REUSE.isEmpty()) {
            copy(Path.of(REUSE), settings.directoryData());
        }
        try (ToegangStack stack = ToegangStack.create(settings, line -> System.out.println("[toegang] " + line)).start()) {
            LDAPURL url = new LDAPURL(stack.directory().url());
            try (LDAPConnectionPool ldap = new LDAPConnectionPool(new LDAPConnection(url.getHost(), url.getPort(),
                    stack.directory().bindDn(), stack.directory().password()), 4)) {
                if (!REUSE.isEmpty()) {
                    members = reused(ldap);
                }
                Api api = new Api(stack.realmUrl(), stack.managementUrl());
                for (int round = 0; round < 3; round++) { // the first two warm the JIT and the directory's caches
                    report(api, "rights", round == 2 ? " without a kept roster" : null);
                    report(api, "rights.csv", round == 2 ? " without a kept roster" : null);
                }
                for (int round = 0; round < 2; round++) {
                    for (String report : List.of("rights", "rights.csv")) {
                        api.json("GET", "/organisations/" + ORG + "/people?limit=50", api.token("bart.claes"), null);
                        report(api, report, round == 1 ? " with the roster kept by a people listing" : null);
                    }
                }
                search(api, ldap, members.get(0));
                list(api, ldap, members.get(0));
                grants(api, ldap, members);
            }
        }
    }

    /**
     * Makes the directory (demo data) and bulk-loads the people into it before anything serves it
     * ({@link EmbeddedDirectory.Builder#load}: in this JVM, no LDAP round trip per entry); the other
     * people stop at the loading budget. Returns the members' ids.
     */
    private static List<String> load(Path directory) {
        String from = time(Instant.now().minus(10, ChronoUnit.DAYS));
        String to = time(Instant.now().plus(200, ChronoUnit.DAYS));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(UUID.randomUUID().toString());
        }
        long start = System.nanoTime();
        long deadline = start + LOAD_SECONDS * 1_000_000_000L;
        AtomicLong others = new AtomicLong();
        AtomicLong membersDone = new AtomicLong();
        Stream<Entry> memberEntries = IntStream.range(0, MEMBERS).boxed().flatMap(i -> {
            String id = members.get(i);
            String relation = UUID.randomUUID().toString();
            if (i == MEMBERS - 1) {
                membersDone.set(System.nanoTime());
            }
            return Stream.of(person("bench.member." + i, "Member" + i, "Bench", id),
                    new Entry("toegangId=" + relation + ",ou=workRelations," + BASE,
                            new Attribute("objectClass", "top", "toegangWorkRelation"), new Attribute("toegangId", relation),
                            new Attribute("toegangPersonId", id), new Attribute("toegangOrganisationKey", ORG),
                            new Attribute("toegangWorkRelationType", "permanent"), new Attribute("toegangValidFrom", from)),
                    grant(id, "dv_loket", "LoketGebruiker", null, from, to),
                    grant(id, "dv_geoportaal", "GeoGebruiker", "lezer", from, null),
                    grant(id, "dv_loket", "LoketBeheerder", null, from, to));
        });
        Stream<Entry> otherEntries = IntStream.range(0, OTHERS).takeWhile(i -> System.nanoTime() < deadline)
                .peek(i -> others.incrementAndGet())
                .mapToObj(i -> person("bench.other." + i, "Other" + i, "Bench", UUID.randomUUID().toString()));
        Iterator<Entry> all = Stream.concat(memberEntries, otherEntries).iterator();
        long entries;
        try (ProgressBar bar = new ProgressBar("Loading", MEMBERS * 5L + OTHERS)) {
            entries = EmbeddedDirectory.builder().dataDirectory(directory).fresh(true).demoData(true)
                    .load(() -> new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return all.hasNext();
                        }

                        @Override
                        public Entry next() {
                            bar.step();
                            return all.next();
                        }
                    }, false);
        }
        otherPeople = (int) others.get();
        System.out.printf("the loaded directory: %s (-Dtoegang.bench.reuse=<it> serves a copy of it, no loading)%n",
                directory);
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("loaded %d entries in-process before serving (EmbeddedDirectory.Builder#load) in %.0f s"
                        + " (%.0f entries/s); members %.0f s, %d of %d other people%s%n", entries, total, entries / total,
                (membersDone.get() - start) / 1e9, otherPeople, OTHERS,
                otherPeople < OTHERS ? " (stopped at the loading budget, toegang.bench.loadSeconds)" : "");
        return members;
    }

    /** A loaded directory of an earlier run, copied so that this run's writes leave it as it was. */
    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().endsWith(".lock")) {
                    Files.copy(file, target);
                }
            }
        }
        System.out.printf("reused the directory loaded by an earlier run: %s%n", from);
    }

    /** The members and other people of a reused directory, as {@link #load} would have returned and counted them. */
    private static List<String> reused(LDAPConnectionPool ldap) throws Exception {
        List<String> members = new ArrayList<>();
        ldap.search(BASE, com.unboundid.ldap.sdk.SearchScope.SUB, "(uid=bench.member.*)", "toegangPersonId")
                .getSearchEntries().forEach(entry -> members.add(entry.getAttributeValue("toegangPersonId")));
        otherPeople = ldap.search(BASE, com.unboundid.ldap.sdk.SearchScope.SUB, "(uid=bench.other.*)", "1.1").getEntryCount();
        System.out.printf("%d members of %s, %d other people%n", members.size(), ORG, otherPeople);
        return members;
    }

    /** One report download; prints its figures when {@code print}. */
    /** @param printed what to print after the report's name; null prints nothing (a warm-up) */
    private static void report(Api api, String report, String printed) throws Exception {
        String token = api.token("bart.claes");
        HeapSampler heap = new HeapSampler(api);
        long before = heap.sample();
        heap.start();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(api.request("/organisations/" + ORG + "/reports/" + report, token)
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long first = 0;
        long bytes = 0;
        long lines = 0;
        long objects = 0;
        byte[] buffer = new byte[65_536];
        try (InputStream body = response.body()) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                if (bytes == 0) {
                    first = System.nanoTime();
                }
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    } else if (buffer[i] == '{') {
                        objects++; // one per JSON row: the loaded values hold no braces
                    }
                }
            }
        }
        long last = System.nanoTime();
        long peak = heap.stop();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(report + " answered " + response.statusCode());
        }
        if (printed != null) {
            long rows = report.endsWith(".csv") ? lines - 1 : objects;
            System.out.printf("report %-10s%s %d rows, %.1f MiB: first byte %.0f ms, last byte %.0f ms;"
                            + " Keycloak heap in use before %d MiB, peak while streaming %d MiB%n", report, printed, rows,
                    bytes / 1048576.0, (first - start) / 1e6, (last - start) / 1e6, before >> 20, peak >> 20);
        }
    }

    /**
     * People search by name: warm, then right after a change of one of the organisation's people
     * (the search runs over the organisation's roster, which the change drops).
     */
    private static void search(Api api, LDAPConnectionPool ldap, String member) throws Exception {
        String token = api.token("bart.claes");
        for (int i = 0; i < 10; i++) {
            api.json("GET", "/organisations/" + ORG + "/people?name=Member" + (i * 31 % MEMBERS) + "%20Bench", token, null);
        }
        List<Long> micros = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < QUERIES; i++) {
            String name = URLEncoder.encode("Member" + (i * 97 % MEMBERS) + " Bench", StandardCharsets.UTF_8);
            long start = System.nanoTime();
            JsonNode page = api.json("GET", "/organisations/" + ORG + "/people?name=" + name + "&limit=50", token, null);
            micros.add((System.nanoTime() - start) / 1000);
            found += page.path("items").size();
        }
        Collections.sort(micros);
        System.out.printf("people search by name in %s (%d people in the directory; %d queries, %d found, at most 50"
                        + " a page): median %.1f ms, p95 %.1f ms%n", ORG, MEMBERS + otherPeople + 5, QUERIES, found,
                micros.get(micros.size() / 2) / 1e3, micros.get((int) (micros.size() * 0.95)) / 1e3);
        int rounds = Math.max(5, QUERIES / 10);
        List<Long> afterChange = afterChange(ldap, member, rounds, round -> api.json("GET", "/organisations/" + ORG
                + "/people?name=" + URLEncoder.encode("Member" + (round * 89 % MEMBERS) + " Bench", StandardCharsets.UTF_8)
                + "&limit=50", token, null));
        System.out.printf("people search by name in %s right after a change of one of its people (%d rounds): median"
                        + " %.1f ms, p95 %.1f ms%n", ORG, rounds, afterChange.get(afterChange.size() / 2) / 1e3,
                afterChange.get((int) (afterChange.size() * 0.95)) / 1e3);
    }

    /** A call in round {@code round}, timed. */
    private interface Round {
        void call(int round) throws Exception;
    }

    /** Times {@code call} right after each of {@code rounds} changes of the member ({@link #touch}); sorted micros. */
    private static List<Long> afterChange(LDAPConnectionPool ldap, String member, int rounds, Round call) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            touch(ldap, member, "round " + round);
            long start = System.nanoTime();
            call.call(round);
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        return micros;
    }

    /**
     * The people list as the portal opens it: no criterion, 50 a page, sorted by name; the first page
     * and the two after it by the cursor each answer returns (what the "next page" link follows),
     * with the organisation's roster kept; then the first page right after a change of one of its
     * people (which drops the roster, so the listing reads it again).
     */
    private static void list(Api api, LDAPConnectionPool ldap, String member) throws Exception {
        String token = api.token("bart.claes");
        String first = "/organisations/" + ORG + "/people?limit=50";
        for (int i = 0; i < 3; i++) {
            api.json("GET", first, token, null); // warm-up
        }
        int rounds = Math.max(5, QUERIES / 10);
        List<List<Long>> micros = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < rounds; round++) {
            String path = first;
            for (int page = 0; page < 3; page++) {
                long start = System.nanoTime();
                JsonNode answer = api.json("GET", path, token, null);
                micros.get(page).add((System.nanoTime() - start) / 1000);
                if (answer.path("items").size() != 50 || answer.path("next").isNull()) {
                    throw new IllegalStateException("page " + page + " is not a full page with a next one: " + answer);
                }
                path = first + "&cursor=" + URLEncoder.encode(answer.path("next").asText(), StandardCharsets.UTF_8);
            }
        }
        for (int page = 0; page < 3; page++) {
            List<Long> sorted = micros.get(page).stream().sorted().toList();
            System.out.printf("people list of %s without a criterion, page %d of 50 (%d rounds): median %.1f ms,"
                            + " p95 %.1f ms%n", ORG, page + 1, rounds, sorted.get(sorted.size() / 2) / 1e3,
                    sorted.get((int) (sorted.size() * 0.95)) / 1e3);
        }
        List<Long> afterChange = afterChange(ldap, member, rounds, round -> api.json("GET", first, token, null));
        System.out.printf("people list of %s without a criterion, page 1 right after a change of one of its people"
                        + " (%d rounds): median %.1f ms, p95 %.1f ms%n", ORG, rounds, afterChange.get(afterChange.size() / 2) / 1e3,
                afterChange.get((int) (afterChange.size() * 0.95)) / 1e3);
    }

    /**
     * Changes the member's title straight in the directory and waits a moment: the change feed's
     * report drops the organisation's roster, so the next listing or search reads it again.
     */
    private static void touch(LDAPConnectionPool ldap, String member, String title) throws Exception {
        String personDn = ldap.searchForEntry(EmbeddedDirectory.BASE_DN, SearchScope.SUB,
                Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "toegangPerson"),
                        Filter.createEqualityFilter("toegangPersonId", member))).getDN();
        ldap.modify(personDn, new Modification(ModificationType.REPLACE, "title", title));
        Thread.sleep(200);
    }

    /** Grants through the API for the first members, raw LDAP adds of the same entries for the next ones. */
    private static void grants(Api api, LDAPConnectionPool ldap, List<String> members) throws Exception {
        int count = Math.min(GRANTS, members.size() / 2);
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS);
        String token = api.token("bart.claes");
        for (int i = 0; i < 20; i++) { // warm-up: the JIT, the connection, the caches
            grantThroughApi(api, token, members.get(members.size() - 1 - i), until);
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (i % 200 == 199) {
                token = api.token("bart.claes"); // the portal's access tokens live 5 minutes
            }
            grantThroughApi(api, token, members.get(i), until);
        }
        double throughApi = count / ((System.nanoTime() - start) / 1e9);
        String from = time(Instant.now());
        start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ldap.add(grant(members.get(count + i), "dv_geoportaal", "GeoGebruiker", "editor", from, time(until)));
        }
        double raw = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf("grants/s, one client thread, %d each: HTTP API (token, roles, policy, rules, revision, audit"
                + " entry) %.1f, raw LDAP add %.1f, ratio %.3f%n", count, throughApi, raw, throughApi / raw);
    }

    private static void grantThroughApi(Api api, String token, String member, Instant until) throws Exception {
        JsonNode answer = api.json("POST", "/organisations/" + ORG + "/grants", token, Map.of("personId", member,
                "clientId", "dv_geoportaal", "right", "GeoGebruiker", "context", "editor", "validTo", until.toString(),
                "reason", "bench"));
        if (!"active".equals(answer.path("status").asText())) {
            throw new IllegalStateException("the grant was refused: " + answer);
        }
    }

    /** The API as the portal calls it. */
    private record Api(URI realm, URI management) {
        String token(String username) {
            AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(realm, "toegang-portal", null,
                    "http://127.0.0.1:9/portal/callback");
            AuthorizationCodeSignIn.LoginPage page = signIn.open("openid");
            String code = signIn.code(signIn.submit(page, username, "Demo-Toegang-1"))
                    .orElseThrow(() -> new IllegalStateException(username + " got no code"));
            return (String) signIn.exchange(code).get("access_token");
        }

        HttpRequest.Builder request(String path, String token) {
            return HttpRequest.newBuilder(URI.create(realm + "/toegang-admin/v1" + path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token);
        }

        JsonNode json(String method, String path, String token, Object body) throws Exception {
            HttpRequest.Builder request = request(path, token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }

        /** Keycloak's heap in use now: the sum of {@code jvm_memory_used_bytes{area="heap"}} on its management port. */
        long heap() throws Exception {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(management + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            long used = 0;
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return used;
        }
    }

    /** Samples Keycloak's heap every 50 ms while a report streams; keeps the peak. */
    private static final class HeapSampler {
        private final Api api;
        private final AtomicLong peak = new AtomicLong();
        private Thread thread;

        HeapSampler(Api api) {
            this.api = api;
        }

        long sample() throws Exception {
            long used = api.heap();
            peak.accumulateAndGet(used, Math::max);
            return used;
        }

        void start() {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        sample();
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        return; // a missed sample only lowers the peak
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws Exception {
            thread.interrupt();
            thread.join();
            return Math.max(peak.get(), sample());
        }
    }

    private static Entry person(String uid, String given, String family, String id) {
        return new Entry("uid=" + uid + ",ou=people," + BASE, new Attribute("objectClass", "top", "person",
                "organizationalPerson", "inetOrgPerson", "toegangPerson"), new Attribute("uid", uid),
                new Attribute("cn", given + " " + family), new Attribute("givenName", given), new Attribute("sn", family),
                new Attribute("mail", uid + "@bench.toegang.local"), new Attribute("toegangPersonId", id));
    }

    private static Entry grant(String personId, String clientId, String right, String context, String from, String to) {
        String id = UUID.randomUUID().toString();
        Entry entry = new Entry("toegangId=" + id + ",ou=grants," + BASE, new Attribute("objectClass", "top", "toegangGrant"),
                new Attribute("toegangId", id), new Attribute("toegangPersonId", personId),
                new Attribute("toegangClientId", clientId), new Attribute("toegangRightName", right),
                new Attribute("toegangOrganisationKey", ORG), new Attribute("toegangGrantStatus", "active"),
                new Attribute("toegangValidFrom", from));
        if (context != null) {
            entry.addAttribute("toegangContextValue", context);
        }
        if (to != null) {
            entry.addAttribute("toegangValidTo", to);
        }
        return entry;
    }

    private static String time(Instant moment) {
        return StaticUtils.encodeGeneralizedTime(Date.from(moment));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
