package dev.verdict.cli;

import dev.verdict.ast.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One test's outcome, with the fields of opa's tester result.
 *
 * @param output what the test printed, one line per {@code print} call ("" for none)
 * @param error the evaluation error, or null
 * @param subResults the test cases of a {@code test_x[note]} rule by name (sorted), else empty
 */
record TestResult(
    Location location,
    String packageName,
    String name,
    long durationNanos,
    String output,
    boolean fail,
    CliError error,
    boolean skip,
    Map<String, SubResult> subResults) {

  /** One case of a test-cases rule; nested objects give nested cases. */
  record SubResult(String name, boolean fail, Map<String, SubResult> subResults) {

    String outcome() {
      return fail ? "FAIL" : "PASS";
    }
  }

  boolean pass() {
    return !fail && !skip && error == null;
  }

  String outcome() {
    if (pass()) {
      return "PASS";
    }
    if (fail) {
      return "FAIL";
    }
    return skip ? "SKIPPED" : "ERROR";
  }

  /** {@code data.pkg.test_x: PASS (1.2ms)}, or {@code …: SKIPPED} without a duration. */
  String line() {
    String head = packageName + "." + name + ": " + outcome();
    return skip ? head : head + " (" + GoDuration.format(durationNanos) + ")";
  }

  /** Every sub-result, depth first in name order, with its path of names. */
  void eachSubResult(BiConsumer<List<String>, SubResult> visit) {
    walk(subResults, List.of(), visit);
  }

  private static void walk(Map<String, SubResult> level, List<String> prefix, BiConsumer<List<String>, SubResult> visit) {
    level.forEach((name, sr) -> {
      List<String> path = new ArrayList<>(prefix);
      path.add(name);
      visit.accept(path, sr);
      walk(sr.subResults(), path, visit);
    });
  }
}
