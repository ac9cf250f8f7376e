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
import org.toegang.scim.protocol.ScimLimits;

/**
 * Benchmark program (not a test): prints figures measured in one run.
 * <ol>
 *   <li>creates per second through SCIM (POST /Users) against raw LDAP adds of the same entries
 *       with the same LDAP library, against the same directory, with the same client concurrency;</li>
 *   <li>with the directory holding {@code toegang.bench.people} people (default 100,000), the
 *       latency of {@code userName eq} and {@code name.familyName sw} searches (median, p95);</li>
 *   <li>the heap in use after the run (one JVM holds the embedded directory and the SCIM server).</li>
 * </ol>
 * Run: {@code java -cp <test classpath> org.toegang.scim.ScimBenchmark}.
 */
public final class ScimBenchmark {
    private static final int THREADS = Integer.getInteger("toegang.bench.threads", 4);
    private static final int CREATES = Integer.getInteger("toegang.bench.creates", 2_000);
    private static final int PEOPLE = Integer.getInteger("toegang.bench.people", 100_000);
    private static final int QUERIES = Integer.getInteger("toegang.bench.queries", 300);

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("toegang-bench");
        try (ScimTestServer server = new ScimTestServer(data, ScimLimits.DEFAULTS);
             LDAPConnectionPool ldap = new LDAPConnectionPool(new LDAPConnection("localhost", server.directory.port(),
                     EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD), THREADS)) {
            String token = server.token("scim-provisioner", List.of());
            System.out.printf("Toegang SCIM benchmark: %d client threads, %d creates each way, %d people%n",
                    THREADS, CREATES, PEOPLE);

            // Warm both paths up so that neither pays the JIT alone.
            run(200, i -> ldapAdd(ldap, "warm.ldap." + i));
            run(200, i -> scimCreate(server, token, "warm.scim." + i));

            double ldapRate = run(CREATES, i -> ldapAdd(ldap, "rate.ldap." + i));
            double scimRate = run(CREATES, i -> scimCreate(server, token, "rate.scim." + i));
            System.out.printf("creates/s  raw LDAP add: %.0f   SCIM POST /Users: %.0f   ratio SCIM/LDAP: %.2f%n",
                    ldapRate, scimRate, scimRate / ldapRate);

            int existing = 2 * CREATES + 400 + 5;
            int toLoad = Math.max(0, PEOPLE - existing);
            try (ProgressBar bar = new ProgressBar("Loading people", toLoad)) {
                run(toLoad, i -> {
                    ldapAdd(ldap, "bench.user." + i);
                    bar.step();
                });
            }

            String fresh = server.token("scim-provisioner", List.of()); // the load outlasts a token's lifetime
            Random random = new Random(42);
            List<Long> eq = new ArrayList<>();
            List<Long> sw = new ArrayList<>();
            for (int q = 0; q < QUERIES; q++) {
                int i = random.nextInt(toLoad);
                eq.add(timeQuery(server, fresh, "userName eq \"bench.user." + i + "\"", 1));
                sw.add(timeQuery(server, fresh, "name.familyName sw \"Family" + (i / 10) + "\"", -1));
            }
            report("filter=userName eq", eq);
            report("filter=name.familyName sw", sw);
            System.gc();
            Thread.sleep(500);
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("heap in use after the run (directory + SCIM server, one JVM): %d MiB%n", heap >> 20);
        }
    }

    private static void ldapAdd(LDAPConnectionPool ldap, String userName) {
        try {
            ldap.add(entry(userName));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry PersonStore writes for the User {@link #scimCreate} posts. */
    private static Entry entry(String userName) {
        Entry entry = new Entry("uid=" + userName + ",ou=people," + EmbeddedDirectory.BASE_DN);
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "toegangPerson");
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

    private static void scimCreate(ScimTestServer server, String token, String userName) {
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Bench","familyName":"%s"},"displayName":"Bench %s",
                 "emails":[{"value":"%s@bench.example","type":"work","primary":true}]}"""
                .formatted(userName, family(userName), family(userName), userName);
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
