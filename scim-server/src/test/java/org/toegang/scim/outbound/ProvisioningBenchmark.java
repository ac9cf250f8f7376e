package org.toegang.scim.outbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.core.provisioning.AccountState;
import org.toegang.core.provisioning.Secret;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.directory.EmbeddedDirectory;

/**
 * Outbound provisioning's figures, printed (a program, not a test): accounts provisioned per second
 * to a loopback target, the delay from a directory write to the target's answer (median, p95), and
 * how long a backlog takes to drain with the journal's size on disk. Run from scim-server after
 * {@code mvn -o test-compile}:
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.toegang.scim.outbound.ProvisioningBenchmark [accounts] [backlog] [samples]</pre>
 * Defaults: 5,000 accounts, a backlog of 100,000 changes, 50 delay samples; a count of 0 skips that part.
 */
public final class ProvisioningBenchmark {
    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path work = Files.createTempDirectory("toegang-provisioning-bench");
        System.out.printf("cores: %d, load average at start: %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (accounts > 0) { // 0 skips a part, so the parts can be run one at a time on a busy machine
            // a warm-up first, so that neither measured part pays for the JIT compiler alone
            drain("warm-up (not a figure)", work.resolve("warmup"), accounts, 1, 16);
            // side by side: the default number of workers, and more (a larger group per journal commit)
            drain("throughput, 16 workers", work.resolve("throughput16"), accounts, 1, 16);
            drain("throughput, 64 workers", work.resolve("throughput64"), accounts, 1, 64);
        }
        if (backlog > 0) {
            drain("backlog, 16 workers", work.resolve("backlog"), backlog / 5, 5, 16);
        }
        if (samples > 0) {
            propagation(work.resolve("propagation"), samples);
        }
        System.exit(0);
    }

    /** Queues {@code people * each} changes, then delivers them and reports the rate. */
    static void drain(String name, Path folder, int people, int each, int workers) throws Exception {
        AtomicLong writes = new AtomicLong();
        try (LoopbackTarget target = new LoopbackTarget((externalId, at) -> writes.incrementAndGet())) {
            ProvisioningConfig config = config(folder, target, workers);
            try (Journal journal = Journal.open(config.journal())) {
                List<Journal.Change> changes = new ArrayList<>();
                Instant now = Instant.now();
                for (int k = 0; k < each; k++) {
                    for (int i = 0; i < people; i++) {
                        changes.add(new Journal.Change("bench", state("p" + i, k)));
                        if (changes.size() == 5_000) {
                            journal.enqueue(changes, now);
                            changes.clear();
                        }
                    }
                }
                journal.enqueue(changes, now);
                long total = (long) people * each;
                long queuedBytes = size(folder);
                StatusBoard board = new StatusBoard(config.targets(), Map.of(), Clock.systemUTC());
                Map<String, TargetClient> clients = Map.of("bench",
                        new TargetClient(config.targets().get(0), TargetClient.httpClient(), Clock.systemUTC()));
                long start = System.nanoTime();
                long cpuStart = cpuNanos();
                try (Deliveries deliveries = new Deliveries(journal, clients, config, board, Clock.systemUTC())) {
                    deliveries.start();
                    while (writes.get() < total || !deliveries.idle()) {
                        Thread.sleep(20);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuPerChange = (cpuNanos() - cpuStart) / 1e6 / total;
                System.out.printf("%s: %,d changes for %,d people delivered in %.1f s: %.0f changes/s; %,d accounts at"
                                + " the target; journal on disk %.1f MiB with all queued, %.1f MiB drained%n", name, total,
                        people, seconds, total / seconds, target.size(), queuedBytes / 1048576.0, size(folder) / 1048576.0);
                // the CPU the whole process used per change (pipeline, journal and the loopback target
                // alike): less dependent on what else runs on the machine than the rate
                System.out.printf("%s: %.2f ms of CPU per change, so at most %.0f changes/s per core%n", name,
                        cpuPerChange, 1000 / cpuPerChange);
            }
        }
    }

    /** Directory write to the target's answer, one grant at a time, through the whole pipeline. */
    static void propagation(Path folder, int samples) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        try (EmbeddedDirectory directory = EmbeddedDirectory.builder().dataDirectory(folder.resolve("directory")).port(0)
                .fresh(true).demoData(true).start();
             Directory pool = Directory.connect(new DirectoryConfig(directory.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                     EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 4));
             DirectoryWrites writes = new DirectoryWrites(directory.ldapUrl());
             LoopbackTarget target = new LoopbackTarget((externalId, at) -> arrived.putIfAbsent(externalId, at));
             OutboundProvisioning provisioning = OutboundProvisioning.start(config(folder, target, 16), pool,
                     Clock.systemUTC())) {
            Thread.sleep(3000); // the change feed is live and the demo data delivered
            List<Long> delays = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                String person = writes.person("bench." + i, "0900000147");
                Thread.sleep(200);
                long written = System.nanoTime();
                writes.grant(person, "dv_loket", "LoketGebruiker", "0900000147", Instant.now().minusSeconds(60), null);
                Instant deadline = Instant.now().plusSeconds(30);
                while (!arrived.containsKey(person) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(1);
                }
                if (arrived.containsKey(person)) {
                    delays.add(arrived.get(person) - written);
                }
            }
            Collections.sort(delays);
            System.out.printf("propagation (directory write to the target's answer, %d samples): median %.0f ms,"
                            + " p95 %.0f ms, max %.0f ms%n", delays.size(), delays.get(delays.size() / 2) / 1e6,
                    delays.get((int) Math.ceil(delays.size() * 0.95) - 1) / 1e6, delays.get(delays.size() - 1) / 1e6);
        }
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static ProvisioningConfig config(Path folder, LoopbackTarget target, int workers) {
        return new ProvisioningConfig(ProvisioningConfig.JournalConfig.embedded(folder),
                List.of(new TargetConfig("bench", "dv_loket", target.baseUrl(), new TargetConfig.Bearer(Secret.of("b")),
                        TargetConfig.RightsAs.ROLES, false, TargetConfig.Deprovision.DEACTIVATE, 5)),
                Duration.ofMillis(100), Duration.ofSeconds(1), workers, Duration.ZERO);
    }

    static AccountState state(String person, int k) {
        return new AccountState(person, "user." + person, "Bench", "Person " + person, Optional.empty(),
                List.of("Recht" + k + ":0900000147"), true);
    }

    static long size(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
