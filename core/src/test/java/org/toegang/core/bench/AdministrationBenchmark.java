package org.toegang.core.bench;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.StaticUtils;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import me.tongfei.progressbar.ProgressBar;
import org.toegang.core.admin.AdminContext;
import org.toegang.core.admin.AdminStores;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.Caller;
import org.toegang.core.admin.GrantService;
import org.toegang.core.admin.PeopleService;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryAuditTrail;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.model.Validity;
import org.toegang.core.report.ReportCsv;
import org.toegang.core.report.ReportJson;
import org.toegang.directory.EmbeddedDirectory;

/**
 * Benchmark program (not a test) of delegated administration in core over the embedded directory,
 * with the demo data plus {@code toegang.bench.members} people (default 10,000) working for
 * 0900000147 with 3 grants each and {@code toegang.bench.others} more people (default 90,000):
 * <ol>
 *   <li>the organisation's people × rights report as JSON and as CSV, streamed through
 *       {@code ReportService} exactly as the API streams it (into a byte-counting sink instead of
 *       a socket): time to first byte, to last byte, rows, bytes, and the peak heap in use while it ran;</li>
 *   <li>people search in the organisation ({@code PeopleService.search} by name): median and p95;</li>
 *   <li>grants per second through core's {@code GrantService} (policy, rules, revision, one audit
 *       entry each) against raw LDAP adds of the same entries, one client thread each.</li>
 * </ol>
 * Run: {@code java -Xmx1g -cp <core test classpath> org.toegang.core.bench.AdministrationBenchmark}.
 */
public final class AdministrationBenchmark {
    private static final int MEMBERS = Integer.getInteger("toegang.bench.members", 10_000);
    private static final int OTHERS = Integer.getInteger("toegang.bench.others", 90_000);
    private static final int QUERIES = Integer.getInteger("toegang.bench.queries", 100);
    private static final int GRANTS = Integer.getInteger("toegang.bench.grants", 1_000);
    private static final String ORG = "0900000147";
    private static final String BART = "3b9dfb0b-609b-46fc-a935-7dd2d4238322";
    private static final String BASE = EmbeddedDirectory.BASE_DN;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("toegang-admin-bench");
        try (EmbeddedDirectory embedded = EmbeddedDirectory.builder().dataDirectory(data).port(0).start();
             LDAPConnectionPool ldap = new LDAPConnectionPool(new LDAPConnection("localhost", embedded.port(),
                     EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD), 4);
             Directory directory = Directory.connect(new DirectoryConfig(embedded.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                     EmbeddedDirectory.ADMIN_PASSWORD, BASE, 8))) {
            System.out.printf("Toegang administration benchmark: %d people of %s with 3 grants each, %d other people,"
                    + " %s cores, max heap %d MiB%n", MEMBERS, ORG, OTHERS, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            load(ldap);
            DirectoryRepository repository = new DirectoryRepository(directory);
            Administration administration = new Administration(AdminStores.over(directory, repository),
                    new DirectoryAuditTrail(directory));
            for (int i = 0; i < 3; i++) { // the first runs warm the JIT and the directory's caches
                report(administration, "json", i < 2);
                report(administration, "csv", i < 2);
            }
            search(administration);
            grants(administration, ldap);
        }
    }

    private static void load(LDAPConnectionPool ldap) throws Exception {
        String from = StaticUtils.encodeGeneralizedTime(java.util.Date.from(Instant.now().minus(10, ChronoUnit.DAYS)));
        String to = StaticUtils.encodeGeneralizedTime(java.util.Date.from(Instant.now().plus(200, ChronoUnit.DAYS)));
        long start = System.nanoTime();
        parallel("Loading members", MEMBERS, i -> {
            String id = UUID.randomUUID().toString();
            List<Entry> entries = new ArrayList<>();
            entries.add(person("bench.member." + i, "Member" + i, "Bench", id));
            String relation = UUID.randomUUID().toString();
            entries.add(new Entry("toegangId=" + relation + ",ou=workRelations," + BASE,
                    attrs("objectClass", "top", "toegangWorkRelation"), attr("toegangId", relation),
                    attr("toegangPersonId", id), attr("toegangOrganisationKey", ORG),
                    attr("toegangWorkRelationType", "permanent"), attr("toegangValidFrom", from)));
            entries.add(grant(id, "dv_loket", "LoketGebruiker", null, from, to));
            entries.add(grant(id, "dv_geoportaal", "GeoGebruiker", "lezer", from, null));
            entries.add(grant(id, "dv_loket", "LoketBeheerder", null, from, to));
            return entries;
        }, ldap);
        parallel("Loading other people", OTHERS, i -> List.of(person("bench.other." + i, "Other" + i, "Bench",
                UUID.randomUUID().toString())), ldap);
        System.out.printf("loaded %d entries in %.0f s%n", MEMBERS * 5L + OTHERS, (System.nanoTime() - start) / 1e9);
    }

    private static void report(Administration administration, String format, boolean warmUp) throws Exception {
        AdminContext bart = administration.context(Caller.person(BART, "bench"), Instant.now());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Sink sink = new Sink();
        long start = System.nanoTime();
        long[] rows = {0};
        if (format.equals("json")) {
            try (ReportJson json = new ReportJson(sink)) {
                administration.oversight().reports().organisation(bart, ORG, row -> {
                    json.write(row);
                    rows[0]++;
                    if (rows[0] % 200 == 0) {
                        json.flush(); // as the HTTP response's buffer would
                    }
                });
            }
        } else {
            Writer writer = new OutputStreamWriter(sink, StandardCharsets.UTF_8);
            try (ReportCsv.Printer printer = ReportCsv.printer(writer)) {
                administration.oversight().reports().organisation(bart, ORG, row -> {
                    printer.print(row);
                    rows[0]++;
                    if (rows[0] % 200 == 0) {
                        printer.flush();
                    }
                });
            }
        }
        long end = System.nanoTime();
        sampler.interrupt();
        sampler.join();
        if (!warmUp) {
            System.out.printf("report %-4s rows %d, %.1f MiB: first byte %.0f ms, last byte %.0f ms, heap in use before"
                            + " %d MiB, peak while streaming %d MiB%n", format, rows[0], sink.bytes / 1048576.0,
                    (sink.first - start) / 1e6, (end - start) / 1e6, heapBefore >> 20, peak.get() >> 20);
        }
    }

    private static void search(Administration administration) {
        AdminContext bart = administration.context(Caller.person(BART, "bench"), Instant.now());
        PeopleService people = administration.people();
        for (int i = 0; i < 10; i++) {
            people.search(bart, ORG, new PeopleService.PeopleQuery(Optional.of("member" + i + " "), Optional.empty(),
                    Optional.empty()), Optional.empty(), Optional.empty());
        }
        List<Long> micros = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            found += people.search(bart, ORG, new PeopleService.PeopleQuery(Optional.of("Member" + (i * 97 % MEMBERS)
                    + " Bench"), Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty()).items().size();
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("people search by name in %s among %d people (%d queries, %d found): median %.1f ms,"
                        + " p95 %.1f ms%n", ORG, MEMBERS + OTHERS + 5, QUERIES, found, micros.get(micros.size() / 2) / 1e3,
                micros.get((int) (micros.size() * 0.95)) / 1e3);
    }

    private static void grants(Administration administration, LDAPConnectionPool ldap) throws Exception {
        AdminContext bart = administration.context(Caller.person(BART, "bench"), Instant.now());
        GrantService grants = administration.grants();
        List<String> members = new ArrayList<>();
        for (var relation : administration.people().workRelations(bart, ORG)) {
            members.add(relation.value().personId());
            if (members.size() == GRANTS) {
                break;
            }
        }
        Validity validity = Validity.between(Instant.now(), Instant.now().plus(30, ChronoUnit.DAYS));
        long start = System.nanoTime();
        for (String member : members) {
            grants.grant(bart, ORG, new GrantService.GrantDraft(member, "dv_geoportaal", "GeoGebruiker",
                    Optional.of("editor"), validity, Optional.of("bench")));
        }
        double core = members.size() / ((System.nanoTime() - start) / 1e9);
        String from = StaticUtils.encodeGeneralizedTime(java.util.Date.from(validity.from()));
        start = System.nanoTime();
        for (String member : members) {
            ldap.add(grant(member, "dv_geoportaal", "GeoGebruiker", "editor", from, null));
        }
        double raw = members.size() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("grants/s, one thread, %d each: core GrantService (policy, rules, audit entry) %.0f,"
                + " raw LDAP add %.0f, ratio %.2f%n", members.size(), core, raw, core / raw);
    }

    private static Entry person(String uid, String given, String family, String id) {
        return new Entry("uid=" + uid + ",ou=people," + BASE, attrs("objectClass", "top", "person",
                "organizationalPerson", "inetOrgPerson", "toegangPerson"), attr("uid", uid),
                attr("cn", given + " " + family), attr("givenName", given), attr("sn", family),
                attr("mail", uid + "@bench.toegang.local"), attr("toegangPersonId", id));
    }

    private static Entry grant(String personId, String clientId, String right, String context, String from, String to) {
        String id = UUID.randomUUID().toString();
        Entry entry = new Entry("toegangId=" + id + ",ou=grants," + BASE, attrs("objectClass", "top", "toegangGrant"),
                attr("toegangId", id), attr("toegangPersonId", personId), attr("toegangClientId", clientId),
                attr("toegangRightName", right), attr("toegangOrganisationKey", ORG), attr("toegangGrantStatus", "active"),
                attr("toegangValidFrom", from));
        if (context != null) {
            entry.addAttribute("toegangContextValue", context);
        }
        if (to != null) {
            entry.addAttribute("toegangValidTo", to);
        }
        return entry;
    }

    private static com.unboundid.ldap.sdk.Attribute attr(String name, String value) {
        return new com.unboundid.ldap.sdk.Attribute(name, value);
    }

    private static com.unboundid.ldap.sdk.Attribute attrs(String name, String... values) {
        return new com.unboundid.ldap.sdk.Attribute(name, values);
    }

    private static void parallel(String task, int count, IntFunction<List<Entry>> entries, LDAPConnectionPool ldap)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ProgressBar bar = new ProgressBar(task, count)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = thread; i < count; i += 4) {
                        for (Entry entry : entries.apply(i)) {
                            try {
                                ldap.add(entry);
                            } catch (LDAPException e) {
                                throw new IllegalStateException(entry.getDN() + ": " + e.getMessage(), e);
                            }
                        }
                        bar.step();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Counts bytes and notes when the first arrived. */
    private static final class Sink extends OutputStream {
        long bytes;
        long first;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (bytes == 0 && len > 0) {
                first = System.nanoTime();
            }
            bytes += len;
        }
    }
}
