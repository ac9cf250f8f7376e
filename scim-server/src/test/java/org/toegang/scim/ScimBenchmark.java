package org.toegang.scim;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.directory.OpenLdapServer;
import org.toegang.scim.protocol.ScimLimits;

/**
 * Benchmark program (not a test): prints figures measured in one run.
 * <ol>
 *   <li>creates per second through SCIM (POST /Users) against raw LDAP adds of the same entries
 *       with the same LDAP library, against the same directory, with the same client concurrency;
 *       and against raw LDAP adds of what a SCIM create writes: the person and its audit entry;
 *       and SCIM creates that carry an {@code externalId}, as provisioning clients send one (its
 *       uniqueness claim is written too);</li>
 *   <li>with the directory holding {@code toegang.bench.people} people (default 100,000), the
 *       latency of {@code userName eq} and {@code name.familyName sw} searches (median, p95);</li>
 *   <li>the heap in use after the run (one JVM holds the embedded directory and the SCIM server).</li>
 * </ol>
 * On each directory of {@code toegang.bench.directory}: {@code embedded} (ApacheDS in this JVM),
 * {@code slapd} (Debian's OpenLDAP, started by the benchmark with the shipped schema and indexes,
 * as production runs it), or {@code both} (the default), one after the other.
 * Run: {@code java -cp <test classpath> org.toegang.scim.ScimBenchmark}.
 */
public final class ScimBenchmark {
    private static final int THREADS = Integer.getInteger("toegang.bench.threads", 4);
    private static final int CREATES = Integer.getInteger("toegang.bench.creates", 2_000);
    /**
     * Creates each way before the rounds: a server runs warm, and the HTTP, JSON and SCIM code of
     * a SCIM create takes a few thousand requests to be compiled (with 200, the SCIM rate still rose
     * by half over the three rounds while the raw adds, little code, did not).
     */
    private static final int WARM_UP = Integer.getInteger("toegang.bench.warmup", 3_000);
    /** The directory sizes at which the filters are timed, smallest first. */
    private static final List<Integer> PEOPLE = java.util.Arrays.stream(
            System.getProperty("toegang.bench.people", "10000,100000").split(","))
            .map(String::strip).map(Integer::valueOf).sorted().toList();
    private static final int QUERIES = Integer.getInteger("toegang.bench.queries", 300);
    private static final int ROUNDS = Integer.getInteger("toegang.bench.rounds", 3);
    private static final String DIRECTORY = System.getProperty("toegang.bench.directory", "both");

    public static void main(String[] args) throws Exception {
        List<String> directories = "both".equals(DIRECTORY) ? List.of("embedded", "slapd") : List.of(DIRECTORY);
        BenchmarkPlot plot = new BenchmarkPlot("Toegang SCIM creates against raw LDAP adds, " + THREADS + " client threads");
        for (String directory : directories) {
            Path data = Files.createTempDirectory("toegang-bench");
            try (ScimTestServer server = start(directory, data)) {
                measure(directory, server, plot);
            }
        }
        System.out.println("Plot: " + plot.write(Path.of("target", "scim-benchmark.svg")).toAbsolutePath());
    }

    private static ScimTestServer start(String directory, Path data) throws Exception {
        return switch (directory) {
            case "embedded" -> new ScimTestServer(data, ScimLimits.DEFAULTS);
            case "slapd" -> {
                OpenLdapServer slapd = OpenLdapServer.start(data, Path.of("../ldap-schema/openldap"), false);
                yield ScimTestServer.onDirectory(slapd, slapd.ldapUrl(), OpenLdapServer.ADMIN_DN,
                        OpenLdapServer.ADMIN_PASSWORD, ScimLimits.DEFAULTS);
            }
            default -> throw new IllegalArgumentException("toegang.bench.directory: embedded, slapd or both, not " + directory);
        };
    }

    private static void measure(String directory, ScimTestServer server, BenchmarkPlot plot) throws Exception {
        com.unboundid.ldap.sdk.LDAPURL url = new com.unboundid.ldap.sdk.LDAPURL(server.ldapUrl());
        boolean embedded = server.directory != null;
        try (LDAPConnectionPool ldap = new LDAPConnectionPool(new LDAPConnection(url.getHost(), url.getPort(),
                embedded ? EmbeddedDirectory.ADMIN_DN : OpenLdapServer.ADMIN_DN,
                embedded ? EmbeddedDirectory.ADMIN_PASSWORD : OpenLdapServer.ADMIN_PASSWORD), THREADS)) {
            java.util.function.Supplier<String> token = renewed(server);
            System.out.printf("%nToegang SCIM benchmark on %s: %d client threads, %d creates each way to warm up, then"
                    + " %d rounds of %d, filters at %s people%n", directory, THREADS, WARM_UP, ROUNDS, CREATES, PEOPLE);

            // Warm both paths up so that neither pays the JIT alone.
            run(WARM_UP, i -> ldapAdd(ldap, "warm.ldap." + i));
            run(WARM_UP, i -> scimCreate(server, token.get(), "warm.scim." + i, false));
            run(WARM_UP, i -> scimCreate(server, token.get(), "warm.claimed." + i, true));

            // Alternating rounds, so that a change in the machine's load falls on both sides alike.
            double ldapTotal = 0;
            double auditedTotal = 0;
            double scimTotal = 0;
            double claimedTotal = 0;
            for (int round = 0; round < ROUNDS; round++) {
                String r = round + ".";
                double ldapRate = run(CREATES, i -> ldapAdd(ldap, "rate.ldap." + r + i));
                double auditedRate = run(CREATES, i -> {
                    ldapAdd(ldap, "rate.audited." + r + i);
                    add(ldap, auditEntry("rate.audited." + r + i));
                });
                double scimRate = run(CREATES, i -> scimCreate(server, token.get(), "rate.scim." + r + i, false));
                double claimedRate = run(CREATES, i -> scimCreate(server, token.get(), "rate.claimed." + r + i, true));
                System.out.printf("round %d creates/s  raw LDAP add: %.0f   raw LDAP add + audit entry add: %.0f"
                        + "   SCIM POST /Users: %.0f   with externalId: %.0f%n", round + 1, ldapRate, auditedRate,
                        scimRate, claimedRate);
                ldapTotal += ldapRate;
                auditedTotal += auditedRate;
                scimTotal += scimRate;
                claimedTotal += claimedRate;
            }
            System.out.printf("creates/s (mean of %d rounds)  raw LDAP add: %.0f   raw LDAP person + audit entry: %.0f"
                            + "   SCIM: %.0f%n  ratio SCIM / raw LDAP add of the person entry alone: %.2f"
                            + "   ratio SCIM / raw LDAP adds of what SCIM writes (person + audit entry): %.2f%n",
                    ROUNDS, ldapTotal / ROUNDS, auditedTotal / ROUNDS, scimTotal / ROUNDS, scimTotal / ldapTotal,
                    scimTotal / auditedTotal);
            System.out.printf("  with externalId (as Entra ID and Okta send; its uniqueness claim is one more add and a"
                    + " search): %.0f creates/s, ratio to a raw LDAP add %.2f%n", claimedTotal / ROUNDS,
                    claimedTotal / ldapTotal);
            plot.group(directory + ": creates/s (mean of " + ROUNDS + " rounds)", "%.0f",
                    new BenchmarkPlot.Bar("raw LDAP add of the person", ldapTotal / ROUNDS),
                    new BenchmarkPlot.Bar("raw adds, person + audit", auditedTotal / ROUNDS),
                    new BenchmarkPlot.Bar("SCIM POST /Users", scimTotal / ROUNDS),
                    new BenchmarkPlot.Bar("SCIM, with externalId", claimedTotal / ROUNDS));

            int existing = (4 * ROUNDS) * CREATES + 3 * WARM_UP + 5; // the rounds, the warm-up, the demo people
            int loaded = 0;
            for (int people : PEOPLE) {
                int target = people; // bench users; the directory holds the people of the create rounds besides
                int from = loaded;
                long begin = System.nanoTime();
                try (ProgressBar bar = new ProgressBar("Loading people", target - from)) {
                    run(target - from, i -> {
                        ldapAdd(ldap, "bench.user." + (from + i));
                        bar.step();
                    });
                }
                loaded = target;
                System.out.printf("directory of %d people (%d more loaded by raw LDAP adds in %.0f s)%n", people + existing,
                        target - from, (System.nanoTime() - begin) / 1e9);
                Random random = new Random(42);
                List<Long> eq = new ArrayList<>();
                List<Long> sw = new ArrayList<>();
                for (int q = 0; q < QUERIES; q++) {
                    int i = random.nextInt(loaded);
                    eq.add(timeQuery(server, token.get(), "userName eq \"bench.user." + i + "\"", 1));
                    sw.add(timeQuery(server, token.get(), "name.familyName sw \"Family" + (i / 10) + "\"", -1));
                }
                report("  filter=userName eq", eq);
                report("  filter=name.familyName sw", sw);
                int size = loaded;
                double eqRate = run(QUERIES * 4, q -> timeQuery(server, token.get(),
                        "userName eq \"bench.user." + ((q * 7919L) % size) + "\"", 1));
                System.out.printf("  filter=userName eq, %d client threads: %.0f queries/s%n", THREADS, eqRate);
            }
            System.gc();
            Thread.sleep(500);
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("heap in use after the run (%s): %d MiB%n",
                    embedded ? "directory + SCIM server, one JVM" : "SCIM server; slapd runs apart", heap >> 20);
        }
    }

    /**
     * A provisioner's token, renewed each minute: a token lives 5 minutes, which a run outlasts
     * on a loaded machine, and signing one per request would weigh on the SCIM side alone.
     */
    private static java.util.function.Supplier<String> renewed(ScimTestServer server) {
        return new java.util.function.Supplier<>() {
            private String token;
            private long until;

            @Override
            public synchronized String get() {
                if (System.nanoTime() - until > 0 || token == null) {
                    token = server.token("scim-provisioner", List.of());
                    until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                }
                return token;
            }
        };
    }

    /** The audit entry DirectoryAuditTrail records for a SCIM create of {@code userName}. */
    private static Entry auditEntry(String userName) {
        String id = UUID.randomUUID().toString();
        Entry entry = new Entry("toegangId=" + id + ",ou=audit," + EmbeddedDirectory.BASE_DN);
        entry.addAttribute("objectClass", "top", "toegangAuditEntry");
        entry.addAttribute("toegangId", id);
        entry.addAttribute("toegangAuditTime", com.unboundid.util.StaticUtils.encodeGeneralizedTime(new java.util.Date()));
        entry.addAttribute("toegangAuditRole", "scimProvisioner");
        entry.addAttribute("toegangAuditAction", "person.create");
        entry.addAttribute("toegangAuditTarget", "person/" + id);
        entry.addAttribute("toegangAuditActorClientId", "scim-provisioner");
        entry.addAttribute("toegangAuditAfter", "{\"userName\":\"" + userName + "\",\"givenName\":\"Bench\",\"familyName\":\""
                + family(userName) + "\",\"email\":\"" + userName + "@bench.example\"}");
        return entry;
    }

    private static void ldapAdd(LDAPConnectionPool ldap, String userName) {
        add(ldap, entry(userName));
    }

    private static void add(LDAPConnectionPool ldap, Entry entry) {
        try {
            ldap.add(entry);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry PersonStore writes for the User {@link #scimCreate} posts. */
    private static Entry entry(String userName) {
        Entry entry = new Entry("uid=" + userName + ",ou=people," + EmbeddedDirectory.BASE_DN);
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "toegangPerson",
                "toegangScimPerson", "toegangScimMailPerson");
        entry.addAttribute("toegangPersonId", UUID.randomUUID().toString());
        entry.addAttribute("uid", userName);
        entry.addAttribute("cn", "Bench " + family(userName));
        entry.addAttribute("givenName", "Bench");
        entry.addAttribute("sn", family(userName));
        entry.addAttribute("mail", userName + "@bench.example");
        return entry;
    }

    private static String family(String userName) {
        return "Family" + userName.substring(userName.lastIndexOf('.') + 1);
    }

    /** @param externalId whether the User carries an {@code externalId}, as provisioning clients send one */
    private static void scimCreate(ScimTestServer server, String token, String userName, boolean externalId) {
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",%s
                 "name":{"givenName":"Bench","familyName":"%s"},"displayName":"Bench %s",
                 "emails":[{"value":"%s@bench.example","type":"work","primary":true}]}"""
                .formatted(userName, externalId ? "\"externalId\":\"ext-" + userName + "\"," : "", family(userName),
                        family(userName), userName);
        int status = server.send("POST", "Users", token, body, Map.of()).status();
        if (status != 201) {
            throw new IllegalStateException("SCIM create answered " + status);
        }
    }

    private static long timeQuery(ScimTestServer server, String token, String filter, int expected) {
        long start = System.nanoTime();
        ScimTestServer.Reply reply = server.send("GET", "Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                token, null, Map.of());
        long elapsed = System.nanoTime() - start;
        if (reply.status() != 200 || (expected >= 0 && reply.json().path("totalResults").asInt() != expected)) {
            throw new IllegalStateException(filter + " answered " + reply.status() + " " + reply.json());
        }
        return elapsed;
    }

    /** Runs {@code count} tasks on {@link #THREADS} threads; answers tasks per second. */
    private static double run(int count, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<java.util.concurrent.Future<Object>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.accept(i);
                }
                return null;
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<Object> worker : workers) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a benchmark task failed", e.getCause());
            }
        }
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            throw new IllegalStateException("timed out");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6;
        System.out.printf("%-28s median %.1f ms   p95 %.1f ms   (%d queries over HTTP)%n", what, median, p95, sorted.size());
    }
}
