package dev.verdict.bench;

import dev.verdict.builtins.Builtin;
import dev.verdict.builtins.BuiltinContext;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.builtins.StandaloneContext;
import dev.verdict.value.Json;
import dev.verdict.value.Value;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One call of each of the twenty builtins real policies use most, on operands of the size policies
 * pass them, straight through the registry (no evaluator around it). Pattern builtins
 * ({@code regex.match}, {@code glob.match}) see the same pattern every call, as in a policy: the
 * figure is the cached path, so a builtin that recompiles shows up here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BuiltinsBench {

  /** Each builtin with its operands, as JSON. */
  static final Map<String, List<String>> CALLS = Map.ofEntries(
      Map.entry("count", List.of("[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\"]")),
      Map.entry("sprintf", List.of("\"user %s may %s on %d items\"", "[\"alice\", \"read\", 42]")),
      Map.entry("object.get", List.of("{\"a\": {\"b\": 1}, \"c\": 2}", "\"a\"", "null")),
      Map.entry("startswith", List.of("\"/api/v1/finance/reports\"", "\"/api/v1/\"")),
      Map.entry("endswith", List.of("\"registry.example.com/app:1.2\"", "\":1.2\"")),
      Map.entry("split", List.of("\"/api/v1/finance/reports\"", "\"/\"")),
      Map.entry("concat", List.of("\"/\"", "[\"api\", \"v1\", \"finance\", \"reports\"]")),
      Map.entry("lower", List.of("\"Alice.Example@Example.COM\"")),
      Map.entry("regex.match", List.of("\"^[a-z]+\\\\.example\\\\.com$\"", "\"billing.example.com\"")),
      Map.entry("glob.match", List.of("\"api.*.example.com\"", "[\".\"]", "\"api.billing.example.com\"")),
      Map.entry("contains", List.of("\"registry.example.com/app:latest\"", "\":latest\"")),
      Map.entry("trim_suffix", List.of("\"registry.example.com/app:latest\"", "\":latest\"")),
      Map.entry("is_string", List.of("\"alice\"")),
      Map.entry("array.concat", List.of("[\"a\", \"b\", \"c\"]", "[\"d\", \"e\"]")),
      Map.entry("object.union", List.of("{\"a\": 1, \"b\": {\"c\": 2}}", "{\"b\": {\"d\": 3}, \"e\": 4}")),
      Map.entry("json.unmarshal", List.of("\"{\\\"user\\\": \\\"alice\\\", \\\"roles\\\": [\\\"admin\\\", \\\"dev\\\"]}\"")),
      Map.entry("time.parse_rfc3339_ns", List.of("\"2026-11-23T10:15:30.123456789Z\"")),
      Map.entry("net.cidr_contains", List.of("\"10.0.0.0/8\"", "\"10.20.30.40\"")),
      Map.entry("replace", List.of("\"/api/v1/finance/reports\"", "\"/v1/\"", "\"/v2/\"")),
      Map.entry("to_number", List.of("\"12345.678\"")));

  @Param({
    "count", "sprintf", "object.get", "startswith", "endswith", "split", "concat", "lower",
    "regex.match", "glob.match", "contains", "trim_suffix", "is_string", "array.concat",
    "object.union", "json.unmarshal", "time.parse_rfc3339_ns", "net.cidr_contains", "replace",
    "to_number"
  })
  public String builtin;

  private Builtin target;
  private Value[] args;
  private final BuiltinContext context = new StandaloneContext(1_795_000_000_000_000_000L, Map.of(), line -> {});

  @Setup
  public void setUp() {
    target = BuiltinRegistry.standard().get(builtin);
    args = CALLS.get(builtin).stream().map(Json::parse).toArray(Value[]::new);
    if (call() == null) {
      throw new IllegalStateException(builtin + " is undefined on the benchmark's operands");
    }
  }

  @Benchmark
  public Value call() {
    return target.function().apply(context, args);
  }
}
