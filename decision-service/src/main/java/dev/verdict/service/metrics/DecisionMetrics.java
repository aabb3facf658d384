package dev.verdict.service.metrics;

import dev.verdict.service.decision.Decision;
import dev.verdict.service.store.DocPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Decision metrics. Labels are path (bounded by {@link PathLabels}), outcome (allow, deny, error),
 * mode and routing reason: closed sets only — never inputs or policy reasons.
 */
@Singleton
public class DecisionMetrics {

  private final MeterRegistry registry;
  private final PathLabels paths;
  private final SloMetrics slo;
  private final Map<List<String>, Meter> meters = new ConcurrentHashMap<>();

  public DecisionMetrics(MeterRegistry registry, PathLabels paths, SloMetrics slo) {
    this.registry = registry;
    this.paths = paths;
    this.slo = slo;
  }

  /** One decision of the decision API; {@code diverged}: dry-run let through what enforcement would not, or the reverse. */
  public void decision(DocPath path, Decision d, long nanos, boolean diverged) {
    String p = paths.of(path);
    String outcome = d.error() != null ? "error" : d.allowed() ? "allow" : "deny";
    meter(List.of("decision", p, outcome, d.mode().label(), d.routingReason()), () -> Counter.builder("verdict_decisions_total")
        .description("Decisions of the decision API")
        .tags("path", p, "outcome", outcome, "mode", d.mode().label(), "routing", d.routingReason())
        .register(registry), Counter.class)
        .increment();
    latency(p, "decision", nanos);
    slo.answered(nanos, d.error() != null);
    if (diverged) {
      Counter.builder("verdict_dry_run_divergence_total")
          .description("Dry-run decisions whose enforcement would have answered differently")
          .tag("path", p)
          .register(registry)
          .increment();
    }
  }

  /** One evaluation of the OPA data API. */
  public void dataQuery(DocPath path, String outcome, long nanos) {
    String p = paths.of(path);
    meter(List.of("data", p, outcome), () -> Counter.builder("verdict_data_queries_total")
        .description("Evaluations of the OPA data API")
        .tags("path", p, "outcome", outcome)
        .register(registry), Counter.class)
        .increment();
    latency(p, "data", nanos);
    slo.answered(nanos, outcome.equals("error"));
  }

  private void latency(String path, String api, long nanos) {
    meter(List.of("latency", path, api), () -> Timer.builder("verdict_decision_duration_seconds")
        .description("Time to answer one decision or data query, cache lookups included")
        .tags("path", path, "api", api)
        .publishPercentileHistogram()
        .register(registry), Timer.class)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The meter for a label set, registered once: building and looking up a meter on every request
   * cost a few per cent of a decision. Labels are bounded, so the map is too.
   */
  private <M extends Meter> M meter(List<String> labels, Supplier<M> register, Class<M> type) {
    return type.cast(meters.computeIfAbsent(labels, l -> register.get()));
  }
}
