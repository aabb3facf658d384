package dev.verdict.conformance;

import dev.verdict.PolicySet;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.error.RegoException;
import dev.verdict.eval.CoverageCollector;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs one conformance case the way OPA's own runner does; answers why it failed, or null. */
final class ConformanceRunner {

  /** A fixed clock, so that time builtins answer the same on every run. */
  private static final long NOW = 1_700_000_000_000_000_000L;

  private ConformanceRunner() {}

  static String run(ConformanceCase c) {
    return run(c, false);
  }

  /** @param coverage evaluate through the policies planned with coverage probes */
  static String run(ConformanceCase c, boolean coverage) {
    PolicySet set;
    try {
      Sources.Builder sources = Sources.builder().data(c.data());
      List<String> modules = c.modules();
      for (int i = 0; i < modules.size(); i++) {
        sources.module("test-" + i + ".rego", modules.get(i));
      }
      set = Verdict.compile(sources.build());
      if (coverage) {
        set = set.withCoverage(new CoverageCollector());
      }
    } catch (RegoException e) {
      return expectedError(c, e) ? null : "compile error: " + e.getMessage();
    }
    List<Map<String, Value>> results;
    try {
      EvalOptions.Builder options =
          EvalOptions.builder()
              .strictBuiltinErrors(c.strictError())
              .timeout(Duration.ofSeconds(10))
              .nowNanos(NOW);
      Value input = input(c, set);
      if (input != null) {
        options.input(input);
      }
      results = set.query(c.query(), options.build());
    } catch (RegoException e) {
      return expectedError(c, e) ? null : "error: " + e.getMessage();
    }
    if (c.wantErrorCode() != null || c.wantError() != null) {
      return "expected error " + c.wantErrorCode() + " " + c.wantError() + " but got " + results;
    }
    if (c.wantDefined() != null) {
      return c.wantDefined() == !results.isEmpty() ? null : "expected defined=" + c.wantDefined() + " but got " + results;
    }
    ArrayValue want = c.wantResult();
    if (want == null) {
      return null;
    }
    List<Value> expected = new ArrayList<>();
    for (int i = 0; i < want.size(); i++) {
      expected.add(normalize(want.get(i), c.sortBindings()));
    }
    List<Value> actual = new ArrayList<>();
    for (Map<String, Value> b : results) {
      ObjectValue.Builder ob = ObjectValue.builder();
      b.forEach(ob::put);
      // Results compare in JSON form, as OPA's runner compares them: sets become sorted arrays.
      actual.add(normalize(Json.parse(Json.toJson(ob.build())), c.sortBindings()));
    }
    Value[] e = expected.toArray(new Value[0]);
    Value[] a = actual.toArray(new Value[0]);
    Arrays.sort(e);
    Arrays.sort(a);
    if (Arrays.equals(e, a)) {
      return null;
    }
    return "expected " + Arrays.toString(e) + "\n but got " + Arrays.toString(a);
  }

  private static Value input(ConformanceCase c, PolicySet set) {
    if (c.inputTerm() != null) {
      List<Map<String, Value>> r = set.query("__input__ = " + c.inputTerm(), EvalOptions.builder().build());
      return r.isEmpty() ? null : r.get(0).get("__input__");
    }
    return c.input();
  }

  private static Value normalize(Value bindings, boolean sort) {
    if (!sort || !(bindings instanceof ObjectValue o)) {
      return bindings;
    }
    ObjectValue.Builder b = ObjectValue.builder();
    for (int i = 0; i < o.size(); i++) {
      Value v = o.value(i);
      if (v instanceof ArrayValue a) {
        Value[] items = a.toArray();
        Arrays.sort(items);
        v = ArrayValue.wrap(items);
      }
      b.put(o.key(i), v);
    }
    return b.build();
  }

  private static boolean expectedError(ConformanceCase c, RegoException e) {
    if (c.wantErrorCode() == null && c.wantError() == null) {
      return false;
    }
    boolean code = c.wantErrorCode() == null || c.wantErrorCode().equals(e.code());
    boolean message = c.wantError() == null
        || e.getMessage().contains(c.wantError())
        || WITHOUT_COLUMN.matcher(e.getMessage()).replaceAll("$1:").contains(c.wantError());
    return code && message;
  }

  /** OPA prints eval error locations as file:row; Verdict adds the column. */
  private static final java.util.regex.Pattern WITHOUT_COLUMN =
      java.util.regex.Pattern.compile("(?m)(\\.rego:\\d+):\\d+:");
}
