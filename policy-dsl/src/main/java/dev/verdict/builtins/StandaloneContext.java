package dev.verdict.builtins;

import dev.verdict.ast.Location;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A context for calling builtins outside any query (tools, tests, benchmarks): a fixed clock,
 * strict errors, no deadline, its own memo, and print output to a consumer. Not thread-safe: one
 * per caller, as one query is.
 */
public class StandaloneContext implements BuiltinContext {

  private final long nowNanos;
  private final Map<String, Object> runtime;
  private final Consumer<String> printer;
  private final Map<Object, Object> memo = new HashMap<>();

  public StandaloneContext(long nowNanos, Map<String, Object> runtime, Consumer<String> printer) {
    this.nowNanos = nowNanos;
    this.runtime = Map.copyOf(runtime);
    this.printer = printer;
  }

  @Override
  public long nowNanos() {
    return nowNanos;
  }

  @Override
  public Location location() {
    return Location.NONE;
  }

  @Override
  public boolean strictBuiltinErrors() {
    return true;
  }

  @Override
  public void print(String line) {
    printer.accept(line);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T queryCache(Object key, Function<Object, T> compute) {
    return (T) memo.computeIfAbsent(key, compute);
  }

  @Override
  public void checkLimits() {}

  @Override
  public Map<String, Object> runtime() {
    return runtime;
  }
}
