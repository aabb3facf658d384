package dev.verdict.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code opa test --format=json}: the array of tester results as Go marshals them — fields in
 * the struct's order, empty ones left out, duration in nanoseconds, print output base64-encoded
 * (Go encodes a byte slice that way). Traces are not included: Verdict records none.
 */
final class JsonTestReport {

  private JsonTestReport() {}

  static String render(List<TestResult> results) {
    List<Object> list = new ArrayList<>();
    for (TestResult r : results) {
      list.add(result(r));
    }
    return GoJson.indented(list) + "\n";
  }

  private static Map<String, Object> result(TestResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("location", r.location() == null ? null : ErrorReport.location(r.location()));
    m.put("package", r.packageName());
    m.put("name", r.name());
    if (r.fail()) {
      m.put("fail", true);
    }
    if (r.error() != null) {
      m.put("error", error(r.error()));
    }
    if (r.skip()) {
      m.put("skip", true);
    }
    m.put("duration", r.durationNanos());
    if (!r.output().isEmpty()) {
      m.put("output", Base64.getEncoder().encodeToString(r.output().getBytes(StandardCharsets.UTF_8)));
    }
    if (!r.subResults().isEmpty()) {
      m.put("sub_results", subResults(r.subResults()));
    }
    return m;
  }

  /** An evaluation error as opa's topdown error marshals: code, message, location. */
  private static Map<String, Object> error(CliError e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", e.code() != null ? e.code() : "eval_internal_error");
    m.put("message", e.message());
    if (e.location() != null) {
      m.put("location", ErrorReport.location(e.location()));
    }
    return m;
  }

  private static Map<String, Object> subResults(Map<String, TestResult.SubResult> level) {
    Map<String, Object> out = new LinkedHashMap<>();
    level.forEach((name, sr) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", sr.name());
      if (sr.fail()) {
        m.put("fail", true);
      }
      if (!sr.subResults().isEmpty()) {
        m.put("sub_results", subResults(sr.subResults()));
      }
      out.put(name, m);
    });
    return out;
  }
}
