package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in counters on the embedded directory: concurrent counts on two nodes, none lost, none twice. */
class SignInCountersIT {
    @TempDir
    static Path data;
    private static DemoDirectory demo;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(data);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void countsConcurrentSignInsOfOneDayExactly() throws Exception {
        SignInCounters counters = new SignInCounters(demo.directory());
        SignInCounters otherNode = new SignInCounters(demo.directory());
        Instant noon = LocalDate.of(2026, 3, 1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        counters.count("dv_loket", "0900000147", noon); // the day's first: adds the counter

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> counted = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SignInCounters node = i % 2 == 0 ? counters : otherNode;
                counted.add(pool.submit(() -> node.count("dv_loket", "0900000147", noon)));
            }
            for (Future<?> future : counted) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        counters.count("dv_loket", "0900000345", noon.plusSeconds(3600 * 13)); // the next day

        assertThat(counters.ofApplication("dv_loket", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)))
                .containsExactly(
                        new SignInCounters.DayCount("dv_loket", "0900000147", LocalDate.of(2026, 3, 1), 41),
                        new SignInCounters.DayCount("dv_loket", "0900000345", LocalDate.of(2026, 3, 2), 1));
        assertThat(counters.ofApplication("dv_geoportaal", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)))
                .isEmpty();
    }
}
