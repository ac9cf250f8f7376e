package org.toegang.scim.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.toegang.core.provisioning.TargetConfig;

/**
 * How each target is doing, kept in memory by the deliveries and read by the status endpoint and
 * the metrics: queue depth, lag (age of the oldest change not yet delivered), last success, last
 * error, counts. No personal data and no credentials: target names, numbers, times and error texts
 * (which name a person by directory id at most). Thread-safe.
 */
public final class StatusBoard {
    /** One target's figures at one moment. */
    public record TargetFigures(String target, String application, long queued, long dead, Duration lag,
                                Optional<Instant> lastSuccess, Optional<String> lastError,
                                Optional<Instant> lastErrorAt, long delivered, long failures) {
    }

    private final Clock clock;
    private final Map<String, String> applications = new LinkedHashMap<>();
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private volatile Queues queues = (target) -> new QueueFigures(0, Optional.empty());

    /** What the deliveries know of their queues. */
    interface Queues {
        QueueFigures of(String target);
    }

    record QueueFigures(long queued, Optional<Instant> oldest) {
    }

    StatusBoard(List<TargetConfig> configured, Map<String, Journal.TargetStatus> persisted, Clock clock) {
        this.clock = clock;
        for (TargetConfig target : configured) {
            applications.put(target.name(), target.application());
            Target figures = new Target();
            Journal.TargetStatus before = persisted.get(target.name());
            if (before != null) {
                figures.lastSuccess = before.lastSuccess();
                figures.lastError = before.lastError();
                figures.lastErrorAt = before.lastErrorAt();
            }
            targets.put(target.name(), figures);
        }
    }

    void queues(Queues queues) {
        this.queues = queues;
    }

    void succeeded(String target) {
        Target figures = targets.get(target);
        figures.delivered.incrementAndGet();
        figures.lastSuccess = Optional.of(clock.instant());
        figures.changed = true;
    }

    void failed(String target, String error) {
        Target figures = targets.get(target);
        figures.failures.incrementAndGet();
        figures.lastError = Optional.of(error);
        figures.lastErrorAt = Optional.of(clock.instant());
        figures.changed = true;
    }

    void deadLetter(String target) {
        targets.get(target).dead.incrementAndGet();
    }

    void deadCount(String target, long dead) {
        targets.get(target).dead.set(dead);
    }

    /** The figures of every target, in configuration order. */
    public List<TargetFigures> figures() {
        Instant now = clock.instant();
        return applications.entrySet().stream().map(entry -> {
            Target figures = targets.get(entry.getKey());
            QueueFigures queue = queues.of(entry.getKey());
            Duration lag = queue.oldest().map(oldest -> Duration.between(oldest, now)).filter(d -> !d.isNegative())
                    .orElse(Duration.ZERO);
            return new TargetFigures(entry.getKey(), entry.getValue(), queue.queued(), figures.dead.get(), lag,
                    figures.lastSuccess, figures.lastError, figures.lastErrorAt, figures.delivered.get(),
                    figures.failures.get());
        }).toList();
    }

    /** For the metrics: one figure of one target. */
    long figure(String target, ToLongFunction<TargetFigures> which) {
        return figures().stream().filter(figures -> figures.target().equals(target)).mapToLong(which).findFirst()
                .orElse(0);
    }

    /** The targets whose last success or error changed since the last call, with their status to persist. */
    Map<String, Journal.TargetStatus> changedSinceLastCall() {
        Map<String, Journal.TargetStatus> changed = new LinkedHashMap<>();
        targets.forEach((name, figures) -> {
            if (figures.changed) {
                figures.changed = false;
                changed.put(name, new Journal.TargetStatus(figures.lastSuccess, figures.lastError, figures.lastErrorAt));
            }
        });
        return changed;
    }

    private static final class Target {
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong dead = new AtomicLong();
        volatile Optional<Instant> lastSuccess = Optional.empty();
        volatile Optional<String> lastError = Optional.empty();
        volatile Optional<Instant> lastErrorAt = Optional.empty();
        volatile boolean changed;
    }
}
