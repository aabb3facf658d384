package dev.verdict.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Errors in opa's two shapes: the {@code N errors occurred:} text and the {@code {"errors": […]}} JSON. */
final class ErrorReport {

  private ErrorReport() {}

  /** {@code 1 error occurred: …}, or {@code N errors occurred:} followed by one error per line. */
  static String text(List<CliError> errors) {
    if (errors.size() == 1) {
      return "1 error occurred: " + errors.get(0);
    }
    StringBuilder sb = new StringBuilder().append(errors.size()).append(" errors occurred:");
    for (CliError e : errors) {
      sb.append('\n').append(e);
    }
    return sb.toString();
  }

  /** The {@code errors} document opa prints for {@code --format=json}, indented. */
  static String json(List<CliError> errors) {
    List<Object> list = new ArrayList<>();
    for (CliError e : errors) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("message", e.message());
      if (e.code() != null) {
        m.put("code", e.code());
      }
      if (e.location() != null) {
        m.put("location", location(e.location()));
      }
      list.add(m);
    }
    return GoJson.indented(Map.of("errors", list));
  }

  /** opa's location object: file, row, col. */
  static Map<String, Object> location(dev.verdict.ast.Location at) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", at.file());
    m.put("row", at.row());
    m.put("col", at.col());
    return m;
  }
}
