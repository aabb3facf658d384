package dev.verdict.service.metrics;

import dev.verdict.service.decision.ModeRouter;
import dev.verdict.service.store.PolicyStore;
import dev.verdict.service.store.Snapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy revision and load health: {@code verdict_policy_revision_info{revision}} (one series, the
 * revision serving), {@code verdict_policy_activations_total}, {@code verdict_policy_load_failing}
 * (1 while the directory's latest content is refused) and {@code verdict_kill_switch}.
 */
@Singleton
public class StoreMetrics {

  private final MeterRegistry registry;
  private final PolicyStore store;
  private final ModeRouter router;
  private final List<Meter> gauges = new ArrayList<>();
  private MultiGauge revision;

  public StoreMetrics(MeterRegistry registry, PolicyStore store, ModeRouter router) {
    this.registry = registry;
    this.store = store;
    this.router = router;
  }

  void start(@Observes StartupEvent event) {
    revision = MultiGauge.builder("verdict_policy_revision_info").description("The policy revision serving (value 1)").register(registry);
    showRevision(store.current());
    gauges.add(Gauge.builder("verdict_policy_load_failing", store, s -> s.directoryStatus().ok() ? 0 : 1)
        .description("1 while the policy directory's latest content fails to load (the previous revision keeps serving)")
        .register(registry));
    gauges.add(Gauge.builder("verdict_kill_switch", router, r -> r.killSwitch() ? 1 : 0)
        .description("1 while the kill switch forces dry-run everywhere")
        .register(registry));
  }

  /**
   * Gauges read beans of this application: they go with it. The registry can outlive a start (tests
   * restart the application), and a gauge left behind would keep reading a stopped container.
   */
  void stop(@Observes ShutdownEvent event) {
    gauges.forEach(registry::remove);
    revision.register(List.of(), true);
  }

  void onRevision(@Observes Snapshot activated) {
    registry.counter("verdict_policy_activations_total").increment();
    showRevision(activated);
  }

  private void showRevision(Snapshot s) {
    if (revision != null) {
      revision.register(List.of(MultiGauge.Row.of(Tags.of("revision", s.revision()), 1)), true);
    }
  }
}
