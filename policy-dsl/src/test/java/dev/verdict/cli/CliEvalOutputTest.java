package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.ast.Location;
import dev.verdict.cli.QueryPlan.Expression;
import dev.verdict.cli.QueryPlan.Solution;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.Json;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** opa eval's output formats, for results built by hand. */
class CliEvalOutputTest {

  private static final List<Expression> ONE = List.of(new Expression("data.x", 1, 1, "c"));

  private static Solution solution(List<Value> values, Object... bindings) {
    Map<String, Value> b = new TreeMap<>(GoJson.KEY_ORDER);
    for (int i = 0; i < bindings.length; i += 2) {
      b.put((String) bindings[i], (Value) bindings[i + 1]);
    }
    return new Solution(values, b);
  }

  private static String print(Consumer<PrintWriter> f) {
    StringWriter s = new StringWriter();
    PrintWriter w = new PrintWriter(s);
    f.accept(w);
    w.flush();
    return s.toString();
  }

  private static String results(EvalOutput.Format format, List<Expression> exprs, List<Solution> solutions) {
    return print(w -> new EvalOutput(format, 80).results(exprs, solutions, w));
  }

  @Test
  void jsonUndefinedIsAnEmptyObject() {
    assertEquals("{}\n", results(EvalOutput.Format.json, ONE, List.of()));
  }

  @Test
  void jsonHasExpressionsAndBindings() {
    List<Expression> exprs = List.of(new Expression("x := data.a[_]", 1, 1, null), new Expression("x > 1", 1, 17, "c"));
    List<Solution> sols = List.of(solution(List.of(BooleanValue.TRUE, BooleanValue.TRUE), "x", NumberValue.of(2)));
    assertEquals(
        """
        {
          "result": [
            {
              "expressions": [
                {
                  "value": true,
                  "text": "x := data.a[_]",
                  "location": {
                    "row": 1,
                    "col": 1
                  }
                },
                {
                  "value": true,
                  "text": "x \\u003e 1",
                  "location": {
                    "row": 1,
                    "col": 17
                  }
                }
              ],
              "bindings": {
                "x": 2
              }
            }
          ]
        }
        """,
        results(EvalOutput.Format.json, exprs, sols));
  }

  @Test
  void jsonLeavesOutEmptyBindings() {
    String out = results(EvalOutput.Format.json, ONE, List.of(solution(List.of(Json.parse("{\"a\": [1]}")))));
    assertEquals(
        """
        {
          "result": [
            {
              "expressions": [
                {
                  "value": {
                    "a": [
                      1
                    ]
                  },
                  "text": "data.x",
                  "location": {
                    "row": 1,
                    "col": 1
                  }
                }
              ]
            }
          ]
        }
        """,
        out);
  }

  @Test
  void prettyUndefinedValueAndTable() {
    assertEquals("undefined\n", results(EvalOutput.Format.pretty, ONE, List.of()));
    assertEquals("{\n  \"a\": 1\n}\n", results(EvalOutput.Format.pretty, ONE, List.of(solution(List.of(Json.parse("{\"a\":1}"))))));
    List<Expression> two = List.of(new Expression("data.x", 1, 1, "c"), new Expression("1 > 0", 1, 9, "d"));
    // several expressions, all booleans: the first one's value alone
    assertEquals("true\n", results(EvalOutput.Format.pretty, two, List.of(solution(List.of(BooleanValue.TRUE, BooleanValue.TRUE)))));
    List<Expression> iter = List.of(new Expression("x := data.a[_]", 1, 1, null), new Expression("y := x * 2", 1, 17, null));
    assertEquals(
        """
        +---+---+
        | x | y |
        +---+---+
        | 1 | 2 |
        | 2 | 4 |
        +---+---+
        """,
        results(EvalOutput.Format.pretty, iter,
            List.of(
                solution(List.of(BooleanValue.TRUE, BooleanValue.TRUE), "x", NumberValue.of(1), "y", NumberValue.of(2)),
                solution(List.of(BooleanValue.TRUE, BooleanValue.TRUE), "x", NumberValue.of(2), "y", NumberValue.of(4)))));
  }

  @Test
  void prettyTableShowsNonBooleanExpressionsAndCutsLongValues() {
    List<Expression> exprs = List.of(new Expression("data.a[_]", 1, 1, "c"));
    String longString = "x".repeat(100);
    String out =
        results(EvalOutput.Format.pretty, exprs,
            List.of(solution(List.of(StringValue.of("a"))), solution(List.of(StringValue.of(longString)))));
    String cut = ("\"" + longString).substring(0, 80) + "...";
    assertEquals(
        "+" + "-".repeat(cut.length() + 2) + "+\n"
            + "| " + " ".repeat((cut.length() - 9) / 2) + "data.a[_]" + " ".repeat(cut.length() - 9 - (cut.length() - 9) / 2) + " |\n"
            + "+" + "-".repeat(cut.length() + 2) + "+\n"
            + "| \"a\"" + " ".repeat(cut.length() - 3) + " |\n"
            + "| " + cut + " |\n"
            + "+" + "-".repeat(cut.length() + 2) + "+\n",
        out);
  }

  @Test
  void rawValuesBindings() {
    List<Expression> exprs = List.of(new Expression("a", 1, 1, "c"), new Expression("b", 1, 4, "d"));
    List<Solution> sols =
        List.of(
            solution(List.of(StringValue.of("one"), NumberValue.of(1)), "k", StringValue.of("v")),
            solution(List.of(Json.parse("[\"one\"]"), Json.parse("{\"key\": []}"))));
    assertEquals("one 1\n[\"one\"] {\"key\":[]}\n", results(EvalOutput.Format.raw, exprs, sols));
    assertEquals("[\n  \"one\",\n  1\n]\n[\n  [\n    \"one\"\n  ],\n  {\n    \"key\": []\n  }\n]\n",
        results(EvalOutput.Format.values, exprs, sols));
    assertEquals("{\n  \"k\": \"v\"\n}\n{}\n", results(EvalOutput.Format.bindings, exprs, sols));
    assertEquals("", results(EvalOutput.Format.raw, exprs, List.of()));
  }

  @Test
  void errorsAreJsonOnStdoutOrTextOnStderr() {
    List<CliError> errors =
        List.of(new CliError("rego_unsafe_var_error", "var x is unsafe", new Location("", 1, 3)), CliError.of("boom"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    new EvalOutput(EvalOutput.Format.json, 80).errors(errors, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(
        """
        {
          "errors": [
            {
              "message": "var x is unsafe",
              "code": "rego_unsafe_var_error",
              "location": {
                "file": "",
                "row": 1,
                "col": 3
              }
            },
            {
              "message": "boom"
            }
          ]
        }
        """,
        out.toString());
    assertEquals("", err.toString());
    out.getBuffer().setLength(0);
    new EvalOutput(EvalOutput.Format.pretty, 80).errors(errors, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals("", out.toString());
    assertEquals("2 errors occurred:\n1:3: rego_unsafe_var_error: var x is unsafe\nboom\n", err.toString());
    err.getBuffer().setLength(0);
    new EvalOutput(EvalOutput.Format.raw, 80).errors(errors.subList(1, 2), new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals("1 error occurred: boom\n", err.toString());
  }
}
