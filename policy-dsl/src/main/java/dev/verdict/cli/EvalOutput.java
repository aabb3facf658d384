package dev.verdict.cli;

import dev.verdict.cli.QueryPlan.Expression;
import dev.verdict.cli.QueryPlan.Solution;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints query results and errors in {@code opa eval}'s output formats. */
final class EvalOutput {

  /** The {@code --format} values, named as opa names them. */
  enum Format {
    json,
    values,
    bindings,
    pretty,
    raw
  }

  private final Format format;
  private final int prettyLimit;

  EvalOutput(Format format, int prettyLimit) {
    this.format = format;
    this.prettyLimit = prettyLimit;
  }

  void results(List<Expression> expressions, List<Solution> solutions, PrintWriter out) {
    switch (format) {
      case json -> out.println(GoJson.indented(json(expressions, solutions)));
      case values -> solutions.forEach(s -> out.println(GoJson.indented(new ArrayList<Object>(s.values()))));
      case bindings -> solutions.forEach(s -> out.println(GoJson.indented(s.bindings())));
      case raw -> solutions.forEach(s -> out.println(raw(s)));
      case pretty -> out.print(pretty(expressions, solutions));
    }
  }

  /** JSON goes to stdout as an {@code errors} document; the other formats print text to stderr. */
  void errors(List<CliError> errors, PrintWriter out, PrintWriter err) {
    if (format == Format.json) {
      out.println(ErrorReport.json(errors));
    } else {
      err.println(ErrorReport.text(errors));
    }
  }

  /** {@code {"result": […]}}, or {@code {}} when the query is undefined. */
  static Map<String, Object> json(List<Expression> expressions, List<Solution> solutions) {
    Map<String, Object> doc = new LinkedHashMap<>();
    if (solutions.isEmpty()) {
      return doc;
    }
    List<Object> result = new ArrayList<>();
    for (Solution s : solutions) {
      List<Object> exprs = new ArrayList<>();
      for (int i = 0; i < expressions.size(); i++) {
        Expression e = expressions.get(i);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("value", s.values().get(i));
        ev.put("text", e.text());
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("row", e.row());
        loc.put("col", e.col());
        ev.put("location", loc);
        exprs.add(ev);
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("expressions", exprs);
      if (!s.bindings().isEmpty()) {
        r.put("bindings", s.bindings());
      }
      result.add(r);
    }
    doc.put("result", result);
    return doc;
  }

  /** Strings as they are, other values as compact JSON, expressions separated by spaces. */
  private static String raw(Solution s) {
    List<String> parts = new ArrayList<>();
    for (Value v : s.values()) {
      parts.add(v instanceof StringValue str ? str.value() : GoJson.compact(v));
    }
    return String.join(" ", parts);
  }

  /**
   * {@code undefined}; a lone value (one solution without bindings whose expressions are one, or
   * all booleans) as indented JSON; anything else as a table of bindings and non-boolean values.
   */
  private String pretty(List<Expression> expressions, List<Solution> solutions) {
    if (solutions.isEmpty()) {
      return "undefined\n";
    }
    Solution first = solutions.get(0);
    if (solutions.size() == 1 && first.bindings().isEmpty()
        && (first.values().size() == 1 || first.values().stream().allMatch(v -> v instanceof BooleanValue))) {
      return GoJson.indented(first.values().get(0)) + "\n";
    }
    List<String> vars = new ArrayList<>(first.bindings().keySet());
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      if (!(first.values().get(i) instanceof BooleanValue) || first.bindings().isEmpty()) {
        shown.add(i);
      }
    }
    List<String> header = new ArrayList<>(vars);
    shown.forEach(i -> header.add(expressions.get(i).text()));
    List<List<String>> rows = new ArrayList<>();
    for (Solution s : solutions) {
      List<String> row = new ArrayList<>();
      vars.forEach(v -> row.add(cell(s.bindings().get(v))));
      shown.forEach(i -> row.add(cell(s.values().get(i))));
      rows.add(row);
    }
    return TextTable.render(header, rows);
  }

  /** Compact JSON cut at the pretty limit, as opa cuts it. */
  private String cell(Value v) {
    String s = GoJson.compact(v);
    if (prettyLimit > 0 && s.length() > prettyLimit) {
      return s.substring(0, prettyLimit) + "...";
    }
    return s;
  }
}
