package dev.verdict.cli;

import dev.verdict.value.NumberValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code opa test --coverage}: the coverage report as Go marshals opa's {@code cover.Report} —
 * files by name, each with {@code covered} and {@code not_covered} ranges of rows, line counts and
 * percentage (a file's empty fields left out, as {@code omitempty} does), then the totals.
 * Percentages print as Go prints a float64: shortest text, no trailing {@code .0}.
 */
final class JsonCoverageReport {

  private JsonCoverageReport() {}

  static String render(CoverageReport report) {
    Map<String, Object> files = new LinkedHashMap<>();
    report.files().forEach((name, f) -> files.put(name, file(f)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", files);
    m.put("covered_lines", report.coveredLines());
    m.put("not_covered_lines", report.notCoveredLines());
    m.put("coverage", NumberValue.of(report.coverage()));
    return GoJson.indented(m) + "\n";
  }

  private static Map<String, Object> file(CoverageReport.FileReport f) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!f.covered().isEmpty()) {
      m.put("covered", ranges(f.covered()));
    }
    if (!f.notCovered().isEmpty()) {
      m.put("not_covered", ranges(f.notCovered()));
    }
    if (f.coveredLines() != 0) {
      m.put("covered_lines", f.coveredLines());
    }
    if (f.notCoveredLines() != 0) {
      m.put("not_covered_lines", f.notCoveredLines());
    }
    if (f.coverage() != 0) {
      m.put("coverage", NumberValue.of(f.coverage()));
    }
    return m;
  }

  private static List<Object> ranges(List<CoverageReport.Range> ranges) {
    List<Object> out = new ArrayList<>();
    for (CoverageReport.Range r : ranges) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", Map.of("row", r.start()));
      m.put("end", Map.of("row", r.end()));
      out.add(m);
    }
    return out;
  }
}
