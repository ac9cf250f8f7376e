package org.toegang.scim.outbound;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.toegang.core.provisioning.TargetConfig;

/**
 * The targets' status as Prometheus metrics (Micrometer's Prometheus registry), read from the
 * {@link StatusBoard} at each scrape: {@code toegang_provisioning_queue_depth},
 * {@code toegang_provisioning_lag_seconds}, {@code toegang_provisioning_dead_letters},
 * {@code toegang_provisioning_last_success_timestamp_seconds}, and the counters
 * {@code toegang_provisioning_delivered_total} and {@code toegang_provisioning_failures_total},
 * each with the label {@code target}.
 */
public final class ProvisioningMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    ProvisioningMetrics(StatusBoard board, List<TargetConfig> targets) {
        for (TargetConfig target : targets) {
            String name = target.name();
            Gauge.builder("toegang.provisioning.queue.depth", board, b -> b.figure(name, StatusBoard.TargetFigures::queued))
                    .description("Changes queued for the target, not yet delivered").tag("target", name)
                    .register(registry);
            Gauge.builder("toegang.provisioning.lag", board,
                            b -> b.figure(name, figures -> figures.lag().toMillis()) / 1000.0)
                    .description("Age of the oldest change not yet delivered").baseUnit("seconds").tag("target", name)
                    .register(registry);
            Gauge.builder("toegang.provisioning.dead.letters", board, b -> b.figure(name, StatusBoard.TargetFigures::dead))
                    .description("Changes given up, waiting to be replayed").tag("target", name).register(registry);
            Gauge.builder("toegang.provisioning.last.success.timestamp", board,
                            b -> b.figure(name, figures -> figures.lastSuccess().map(t -> t.toEpochMilli()).orElse(0L))
                                    / 1000.0)
                    .description("When the target last acknowledged a change").baseUnit("seconds").tag("target", name)
                    .register(registry);
            FunctionCounter.builder("toegang.provisioning.delivered", board,
                            b -> b.figure(name, StatusBoard.TargetFigures::delivered))
                    .description("Changes the target acknowledged").tag("target", name).register(registry);
            FunctionCounter.builder("toegang.provisioning.failures", board,
                            b -> b.figure(name, StatusBoard.TargetFigures::failures))
                    .description("Tries that failed").tag("target", name).register(registry);
        }
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
