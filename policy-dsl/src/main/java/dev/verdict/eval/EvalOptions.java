package dev.verdict.eval;

import dev.verdict.value.Value;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How one query runs.
 *
 * @param input the input document, or null for none (refs to input are undefined)
 * @param strictBuiltinErrors raise builtin errors instead of treating the call as undefined
 * @param timeoutNanos wall-clock budget; 0 for none
 * @param stepBudget units of work (rule evaluations, iterations) before the query is stopped
 * @param nowNanos the query's clock, read by {@code time.now_ns}
 * @param printer receives {@code print} output, one line per call
 * @param runtime what {@code opa.runtime()} reports
 */
public record EvalOptions(
    Value input,
    boolean strictBuiltinErrors,
    long timeoutNanos,
    long stepBudget,
    long nowNanos,
    Consumer<String> printer,
    Map<String, Object> runtime) {

  public static final long DEFAULT_TIMEOUT_NANOS = Duration.ofSeconds(10).toNanos();
  public static final long DEFAULT_STEP_BUDGET = 100_000_000L;

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.input = input;
    b.strict = strictBuiltinErrors;
    b.timeoutNanos = timeoutNanos;
    b.stepBudget = stepBudget;
    b.nowNanos = nowNanos;
    b.printer = printer;
    b.runtime = runtime;
    return b;
  }

  /** Collects options; unset ones take defaults (10 s, 100 M steps, the current time, no output). */
  public static final class Builder {
    private Value input;
    private boolean strict;
    private long timeoutNanos = DEFAULT_TIMEOUT_NANOS;
    private long stepBudget = DEFAULT_STEP_BUDGET;
    private Long nowNanos;
    private Consumer<String> printer = line -> {};
    private Map<String, Object> runtime = Map.of();

    public Builder input(Value input) {
      this.input = input;
      return this;
    }

    public Builder strictBuiltinErrors(boolean strict) {
      this.strict = strict;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeoutNanos = timeout.toNanos();
      return this;
    }

    public Builder stepBudget(long steps) {
      this.stepBudget = steps;
      return this;
    }

    public Builder nowNanos(long now) {
      this.nowNanos = now;
      return this;
    }

    public Builder printer(Consumer<String> printer) {
      this.printer = printer;
      return this;
    }

    public Builder runtime(Map<String, Object> runtime) {
      this.runtime = runtime;
      return this;
    }

    public EvalOptions build() {
      long now = nowNanos != null ? nowNanos : currentTimeNanos();
      return new EvalOptions(input, strict, timeoutNanos, stepBudget, now, printer, runtime);
    }

    private static long currentTimeNanos() {
      java.time.Instant t = java.time.Instant.now();
      return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
  }
}
