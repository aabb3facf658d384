package dev.verdict.cli;

import dev.verdict.PolicySet;
import dev.verdict.Result;
import dev.verdict.cli.TestResult.SubResult;
import dev.verdict.error.RegoException;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs tests one by one as {@code opa test} judges them: a test passes when its document is
 * exactly {@code true}; undefined or any other value fails; an evaluation error (including the
 * timeout) is an error. A test-cases rule passes when every case is {@code true}.
 */
final class TestRunner {

  private final PolicySet policies;
  private final Duration timeout;

  TestRunner(PolicySet policies, Duration timeout) {
    this.policies = policies;
    this.timeout = timeout;
  }

  TestResult run(TestCase t) {
    if (t.skip()) {
      return new TestResult(t.location(), t.packageName(), t.name(), 0, "", false, null, true, Map.of());
    }
    StringBuilder output = new StringBuilder();
    EvalOptions options = EvalOptions.builder().timeout(timeout).printer(line -> output.append(line).append('\n')).build();
    long start = System.nanoTime();
    Value value;
    CliError error = null;
    try {
      Result r = policies.eval(t.documentPath(), options);
      value = r.defined() ? r.value() : null;
    } catch (RegoException e) {
      value = null;
      error = e.errors().isEmpty() ? CliError.of(e.getMessage()) : CliError.of(e.errors().get(0));
    }
    long duration = System.nanoTime() - start;
    Map<String, SubResult> cases = Map.of();
    boolean fail;
    if (error != null) {
      fail = false;
    } else if (value == null) {
      fail = true;
    } else if (t.cases()) {
      cases = subResults(value);
      fail = cases.values().stream().anyMatch(SubResult::fail);
    } else {
      fail = !(value instanceof BooleanValue b && b.value());
    }
    return new TestResult(t.location(), t.packageName(), t.name(), duration, output.toString(), fail, error, false, cases);
  }

  /** Cases by name: booleans pass when true, objects hold nested cases, anything else fails. */
  static Map<String, SubResult> subResults(Value v) {
    Map<String, SubResult> out = new TreeMap<>(GoJson.KEY_ORDER);
    if (v instanceof ObjectValue o) {
      for (int i = 0; i < o.size(); i++) {
        String name = o.key(i) instanceof StringValue s ? s.value() : GoJson.compact(o.key(i));
        out.put(name, subResult(name, o.value(i)));
      }
    }
    return out;
  }

  private static SubResult subResult(String name, Value v) {
    return switch (v) {
      case ObjectValue o -> {
        Map<String, SubResult> nested = subResults(o);
        yield new SubResult(name, nested.values().stream().anyMatch(SubResult::fail), nested);
      }
      case BooleanValue b -> new SubResult(name, !b.value(), Map.of());
      default -> new SubResult(name, true, Map.of());
    };
  }
}
