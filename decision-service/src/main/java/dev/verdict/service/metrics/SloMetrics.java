package dev.verdict.service.metrics;

import dev.verdict.service.cache.DecisionCache;
import dev.verdict.service.config.VerdictConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Service-level figures against configured thresholds (Shannon's defaults, which Shannon never
 * read): {@code verdict_slo_value{slo}}, {@code verdict_slo_threshold{slo}} and
 * {@code verdict_slo_met{slo}} (1 or 0) for {@code latency_p50} and {@code latency_p95} (seconds,
 * over a sliding minute), {@code error_rate} (evaluation errors per answer) and
 * {@code cache_hit_rate} (both since start). Latency and error rate are met at or below their
 * threshold, the hit rate at or above it; with no traffic yet every SLO counts as met.
 */
@Singleton
public class SloMetrics {

  private final MeterRegistry registry;
  private final VerdictConfig.Slo config;
  private final DecisionCache cache;
  private final Timer latency;
  private final LongAdder answers = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final List<Meter> gauges = new ArrayList<>();

  public SloMetrics(MeterRegistry registry, VerdictConfig config, DecisionCache cache) {
    this.registry = registry;
    this.config = config.slo();
    this.cache = cache;
    this.latency = Timer.builder("verdict_slo_latency_seconds")
        .description("Answer latency over a sliding minute, for the SLO figures")
        .publishPercentiles(0.5, 0.95)
        .distributionStatisticExpiry(Duration.ofMinutes(1))
        .distributionStatisticBufferLength(3)
        .register(registry);
  }

  void start(@Observes StartupEvent event) {
    slo("latency_p50", () -> percentile(0.5), config.latencyP50().toNanos() / 1e9, false);
    slo("latency_p95", () -> percentile(0.95), config.latencyP95().toNanos() / 1e9, false);
    slo("error_rate", () -> ratio(errors.sum(), answers.sum()), config.errorRate(), false);
    slo("cache_hit_rate", () -> cache.hitRate(), config.cacheHitRate(), true);
  }

  /** Gauges read this application's state: they go with it (see {@link StoreMetrics}). */
  void stop(@Observes ShutdownEvent event) {
    gauges.forEach(registry::remove);
  }

  /** One answer of the data or decision API; {@code error}: evaluation failed. */
  public void answered(long nanos, boolean error) {
    latency.record(nanos, TimeUnit.NANOSECONDS);
    answers.increment();
    if (error) {
      errors.increment();
    }
  }

  private void slo(String name, DoubleSupplier value, double threshold, boolean atLeast) {
    gauges.add(Gauge.builder("verdict_slo_value", value, DoubleSupplier::getAsDouble)
        .description("Current value of each SLO figure").tag("slo", name).strongReference(true).register(registry));
    gauges.add(Gauge.builder("verdict_slo_threshold", () -> threshold)
        .description("Configured threshold of each SLO figure").tag("slo", name).strongReference(true).register(registry));
    DoubleSupplier met = () -> {
      double v = value.getAsDouble();
      return Double.isNaN(v) || (atLeast ? v >= threshold : v <= threshold) ? 1 : 0;
    };
    gauges.add(Gauge.builder("verdict_slo_met", met, DoubleSupplier::getAsDouble)
        .description("1 while the SLO figure meets its threshold").tag("slo", name).strongReference(true).register(registry));
  }

  private double percentile(double p) {
    for (ValueAtPercentile v : latency.takeSnapshot().percentileValues()) {
      if (v.percentile() == p) {
        return v.value(TimeUnit.SECONDS);
      }
    }
    return Double.NaN;
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
