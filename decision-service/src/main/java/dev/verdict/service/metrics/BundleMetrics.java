package dev.verdict.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Bundle polling: {@code verdict_bundle_requests_total{bundle, outcome}} (activated, not_modified,
 * failed) and {@code verdict_bundle_failing{bundle}} (1 while the latest attempt failed and the
 * previous revision keeps serving). Bundle names come from configuration, so the label is bounded.
 */
@Singleton
public class BundleMetrics {

  private final MeterRegistry registry;
  private final List<Meter> gauges = new CopyOnWriteArrayList<>();

  public BundleMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void watch(String bundle, BooleanSupplier failing) {
    gauges.add(Gauge.builder("verdict_bundle_failing", failing, f -> f.getAsBoolean() ? 1 : 0)
        .description("1 while the bundle's latest download or activation failed")
        .tag("bundle", bundle)
        .strongReference(true) // the supplier is a lambda nobody else holds
        .register(registry));
  }

  /** Gauges read this application's state: they go with it (see {@link StoreMetrics}). */
  void stop(@Observes ShutdownEvent event) {
    gauges.forEach(registry::remove);
  }

  public void request(String bundle, String outcome) {
    Counter.builder("verdict_bundle_requests_total")
        .description("Bundle downloads by outcome")
        .tags("bundle", bundle, "outcome", outcome)
        .register(registry)
        .increment();
  }
}
