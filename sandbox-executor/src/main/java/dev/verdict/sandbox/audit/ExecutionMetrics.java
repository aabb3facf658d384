package dev.verdict.sandbox.audit;

import dev.verdict.sandbox.engine.Engine;
import dev.verdict.sandbox.engine.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Prometheus metrics of the executor (names in the README). */
public final class ExecutionMetrics {

  private final MeterRegistry registry;
  private final Timer duration;
  private final DistributionSummary fuel;
  private final Timer compile;
  private final Map<Status, Counter> executions = new ConcurrentHashMap<>();
  private final Map<Engine, Counter> runs = new ConcurrentHashMap<>();

  public ExecutionMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.duration = Timer.builder("verdict_sandbox_execution_duration")
        .description("Run time of executions that ran")
        .publishPercentileHistogram()
        .register(registry);
    this.fuel = DistributionSummary.builder("verdict_sandbox_fuel_consumed")
        .description("Fuel consumed per execution that ran")
        .publishPercentileHistogram()
        .minimumExpectedValue(1.0)
        .maximumExpectedValue(1e10)
        .register(registry);
    this.compile = Timer.builder("verdict_sandbox_compile_duration")
        .description("Compilation of uploaded modules to JVM bytecode")
        .register(registry);
  }

  /** {@code engine}: how the run went (interpreted while its module compiles); null if it never ended. */
  public void executed(Status status, long durationMs, long fuelConsumed, Engine engine) {
    count(status);
    if (engine != null) {
      runs.computeIfAbsent(engine, e -> Counter.builder("verdict_sandbox_runs")
          .tag("engine", e.name().toLowerCase(Locale.ROOT))
          .description("Runs by the engine that ran them (a module still compiling runs interpreted)")
          .register(registry)).increment();
    }
    duration.record(Duration.ofMillis(durationMs));
    fuel.record(fuelConsumed);
  }

  /** Counters are registered once per label value, not looked up per execution. */
  public void count(Status status) {
    executions.computeIfAbsent(status, st -> Counter.builder("verdict_sandbox_executions").tag("status", st.wire())
        .register(registry)).increment();
  }

  /** A module's compilation to JVM bytecode finished (in the background of its upload). */
  public void compiled(long nanos) {
    compile.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void decisionError(String kind) {
    Counter.builder("verdict_sandbox_decision_errors").tag("kind", kind).register(registry).increment();
  }
}
