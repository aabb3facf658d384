package dev.verdict.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Decision logging: {@code verdict_decision_logs_dropped_total{sink}} (queue: the writer's queue was
 * full; file: a write failed; http: the upload buffer was full; drop_rule: the drop rule asked for it) and
 * {@code verdict_decision_logs_written_total{sink}} (file, http). Counters are created up front so
 * that zero drops show as 0, and held so the request path does no registry lookup.
 */
@Singleton
public class LogMetrics {

  public static final String QUEUE = "queue";
  public static final String FILE = "file";
  public static final String HTTP = "http";
  public static final String DROP_RULE = "drop_rule";

  private final Map<String, Counter> dropped;
  private final Map<String, Counter> written;

  public LogMetrics(MeterRegistry registry) {
    this.dropped = Map.of(QUEUE, drops(registry, QUEUE), FILE, drops(registry, FILE), HTTP, drops(registry, HTTP),
        DROP_RULE, drops(registry, DROP_RULE));
    this.written = Map.of(FILE, writes(registry, FILE), HTTP, writes(registry, HTTP));
  }

  public void dropped(String sink) {
    dropped.get(sink).increment();
  }

  public void written(String sink) {
    written(sink, 1);
  }

  public void written(String sink, int events) {
    written.get(sink).increment(events);
  }

  private static Counter drops(MeterRegistry registry, String sink) {
    return Counter.builder("verdict_decision_logs_dropped_total")
        .description("Decision log events dropped (never blocking a decision)")
        .tag("sink", sink)
        .register(registry);
  }

  private static Counter writes(MeterRegistry registry, String sink) {
    return Counter.builder("verdict_decision_logs_written_total")
        .description("Decision log events written to a sink")
        .tag("sink", sink)
        .register(registry);
  }
}
