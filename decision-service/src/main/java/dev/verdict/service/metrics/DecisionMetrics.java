package dev.verdict.service.metrics;

import dev.verdict.service.decision.Decision;
import dev.verdict.service.store.DocPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Decision metrics. Labels are path (bounded by {@link PathLabels}), outcome (allow, deny, error),
 * mode and routing reason: closed sets only — never inputs or policy reasons.
 */
@ApplicationScoped
public class DecisionMetrics {

  private final MeterRegistry registry;
  private final PathLabels paths;
  private final SloMetrics slo;

  public DecisionMetrics(MeterRegistry registry, PathLabels paths, SloMetrics slo) {
    this.registry = registry;
    this.paths = paths;
    this.slo = slo;
  }

  /** One decision of the decision API; {@code diverged}: dry-run let through what enforcement would not, or the reverse. */
  public void decision(DocPath path, Decision d, long nanos, boolean diverged) {
    String p = paths.of(path);
    String outcome = d.error() != null ? "error" : d.allowed() ? "allow" : "deny";
    Counter.builder("verdict_decisions_total")
        .description("Decisions of the decision API")
        .tags("path", p, "outcome", outcome, "mode", d.mode().label(), "routing", d.routingReason())
        .register(registry)
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
    Counter.builder("verdict_data_queries_total")
        .description("Evaluations of the OPA data API")
        .tags("path", p, "outcome", outcome)
        .register(registry)
        .increment();
    latency(p, "data", nanos);
    slo.answered(nanos, outcome.equals("error"));
  }

  private void latency(String path, String api, long nanos) {
    Timer.builder("verdict_decision_duration_seconds")
        .description("Time to answer one decision or data query, cache lookups included")
        .tags("path", path, "api", api)
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
