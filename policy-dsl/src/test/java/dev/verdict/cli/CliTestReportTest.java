package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.ast.Location;
import dev.verdict.cli.TestResult.SubResult;
import dev.verdict.value.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The test reports, checked against the expectations of opa's own reporter tests
 * (tester/reporter_test.go) with the same results. opa's verbose FAILURES section also shows each
 * failure's trace; Verdict has none, so those lines are the only difference.
 */
class CliTestReportTest {

  private static TestResult result(String file, String pkg, String name, boolean fail, String error, boolean skip,
      String output, Map<String, SubResult> subs) {
    return new TestResult(new Location(file, 0, 0), pkg, name, 0, output, fail, error == null ? null : CliError.of(error),
        skip, subs);
  }

  private static Map<String, SubResult> subs(SubResult... rs) {
    Map<String, SubResult> m = new TreeMap<>(GoJson.KEY_ORDER);
    for (SubResult r : rs) {
      m.put(r.name(), r);
    }
    return m;
  }

  private static SubResult sub(String name, boolean fail, SubResult... children) {
    return new SubResult(name, fail, subs(children));
  }

  private static List<TestResult> opaReporterResults(String casesFile) {
    return List.of(
        result("policy1.rego", "data.foo.bar", "test_baz", false, null, false, "", Map.of()),
        result("policy1.rego", "data.foo.bar", "test_qux", false, "some err", false, "", Map.of()),
        result("policy1.rego", "data.foo.bar", "test_corge", true, null, false, "", Map.of()),
        result("policy1.rego", "data.foo.bar", "todo_test_qux", false, null, true, "", Map.of()),
        result("policy1.rego", "data.foo.bar", "test_contains_print_pass", false, null, false, "fake print output\n", Map.of()),
        result("policy2.rego", "data.foo.bar", "test_contains_print_fail", true, null, false, "fake print output2\n", Map.of()),
        result("policy3.rego", "data.foo.baz", "p.q.r.test_quz", true, null, false, "", Map.of()),
        result(casesFile, "data.foo.qux", "test_cases", true, null, false, "",
            subs(sub("foo", false), sub("bar", true), sub("baz", false))),
        result(casesFile, "data.foo.qux", "test_cases_nested", true, null, false, "",
            subs(sub("one", false, sub("foo", false), sub("bar", false)),
                sub("two", true, sub("foo", true), sub("bar", false)))));
  }

  @Test
  void prettyMatchesOpa() {
    assertEquals(
        """
        policy1.rego:
        data.foo.bar.test_qux: ERROR (0s)
          some err
        data.foo.bar.test_corge: FAIL (0s)
        data.foo.bar.todo_test_qux: SKIPPED

        policy2.rego:
        data.foo.bar.test_contains_print_fail: FAIL (0s)

          fake print output2


        policy3.rego:
        data.foo.baz.p.q.r.test_quz: FAIL (0s)

        policy4.rego:
        data.foo.qux.test_cases: FAIL (0s)
          bar: FAIL
        data.foo.qux.test_cases_nested: FAIL (0s)
          two: FAIL
            foo: FAIL
        --------------------------------------------------------------------------------
        PASS: 7/14
        FAIL: 5/14
        SKIPPED: 1/14
        ERROR: 1/14
        """,
        PrettyTestReport.render(opaReporterResults("policy4.rego"), false));
  }

  @Test
  void verboseMatchesOpaWithoutTraces() {
    List<TestResult> results =
        List.of(
            result("policy1.rego", "data.foo.bar", "test_baz", false, null, false, "", Map.of()),
            result("policy1.rego", "data.foo.bar", "test_qux", false, "some err", false, "", Map.of()),
            result("policy2.rego", "data.foo.bar", "test_corge", true, null, false, "", Map.of()),
            result("policy2.rego", "data.foo.bar", "todo_test_qux", false, null, true, "", Map.of()),
            result("policy3.rego", "data.foo.bar", "test_contains_print", false, null, false, "fake print output\n", Map.of()),
            result("policy4.rego", "data.foo.baz", "p.q.r.test_quz", false, null, false, "", Map.of()),
            result("policy5.rego", "data.foo.qux", "test_cases", true, null, false, "",
                subs(sub("foo", false), sub("bar", true), sub("baz", false))),
            result("policy5.rego", "data.foo.qux", "test_cases_nested", true, null, false, "",
                subs(sub("one", false, sub("foo", false), sub("bar", false)),
                    sub("two", true, sub("foo", true), sub("bar", false)))));
    // opa's expectation, minus the "  query:1 | Fail true = false" trace line after each failure.
    assertEquals(
        """
        FAILURES
        --------------------------------------------------------------------------------
        data.foo.bar.test_corge: FAIL (0s)


        data.foo.qux.test_cases: FAIL (0s)


          bar: FAIL

        data.foo.qux.test_cases_nested: FAIL (0s)


          two: FAIL
            foo: FAIL

        SUMMARY
        --------------------------------------------------------------------------------
        policy1.rego:
        data.foo.bar.test_baz: PASS (0s)
        data.foo.bar.test_qux: ERROR (0s)
          some err

        policy2.rego:
        data.foo.bar.test_corge: FAIL (0s)
        data.foo.bar.todo_test_qux: SKIPPED

        policy3.rego:
        data.foo.bar.test_contains_print: PASS (0s)

          fake print output


        policy4.rego:
        data.foo.baz.p.q.r.test_quz: PASS (0s)

        policy5.rego:
        data.foo.qux.test_cases: FAIL (0s)
          bar: FAIL
          baz: PASS
          foo: PASS
        data.foo.qux.test_cases_nested: FAIL (0s)
          one: PASS
            bar: PASS
            foo: PASS
          two: FAIL
            bar: PASS
            foo: FAIL
        --------------------------------------------------------------------------------
        PASS: 8/13
        FAIL: 3/13
        SKIPPED: 1/13
        ERROR: 1/13
        """,
        PrettyTestReport.render(results, true));
  }

  @Test
  void allPassingPrintsOnlyTheCount() {
    List<TestResult> results =
        List.of(result("a.rego", "data.a", "test_one", false, null, false, "", Map.of()),
            result("a.rego", "data.a", "test_two", false, null, false, "", Map.of()));
    assertEquals("PASS: 2/2\n", PrettyTestReport.render(results, false));
    assertEquals("", PrettyTestReport.render(List.of(), false));
  }

  @Test
  void verboseListsDurationsAndMultiLineOutput() {
    TestResult r = new TestResult(new Location("x/a.rego", 3, 1), "data.a", "test_p", 1_417, "one\n\ntwo\n", false, null,
        false, Map.of());
    assertEquals(
        """
        x/a.rego:
        data.a.test_p: PASS (1.417µs)

          one
         \s
          two

        --------------------------------------------------------------------------------
        PASS: 1/1
        """,
        PrettyTestReport.render(List.of(r), true));
  }

  @Test
  void jsonHasOpaFieldsInOpaOrder() {
    List<TestResult> results =
        List.of(
            new TestResult(new Location("t.rego", 5, 1), "data.t", "test_ok", 1200, "hi\n", false, null, false, Map.of()),
            new TestResult(new Location("t.rego", 9, 1), "data.t", "test_bad", 7, "", true, null, false, Map.of()),
            new TestResult(new Location("t.rego", 12, 1), "data.t", "test_err", 3, "", false,
                new CliError("eval_builtin_error", "div: divide by zero", new Location("t.rego", 13, 3)), false, Map.of()),
            new TestResult(new Location("t.rego", 15, 1), "data.t", "todo_test_later", 0, "", false, null, true, Map.of()),
            new TestResult(new Location("t.rego", 18, 1), "data.t", "test_cases", 9, "", true, null, false,
                subs(sub("b", true), sub("a", false, sub("x", false)))));
    String json = JsonTestReport.render(results);
    assertEquals(
        """
        [
          {
            "location": {
              "file": "t.rego",
              "row": 5,
              "col": 1
            },
            "package": "data.t",
            "name": "test_ok",
            "duration": 1200,
            "output": "aGkK"
          },
          {
            "location": {
              "file": "t.rego",
              "row": 9,
              "col": 1
            },
            "package": "data.t",
            "name": "test_bad",
            "fail": true,
            "duration": 7
          },
          {
            "location": {
              "file": "t.rego",
              "row": 12,
              "col": 1
            },
            "package": "data.t",
            "name": "test_err",
            "error": {
              "code": "eval_builtin_error",
              "message": "div: divide by zero",
              "location": {
                "file": "t.rego",
                "row": 13,
                "col": 3
              }
            },
            "duration": 3
          },
          {
            "location": {
              "file": "t.rego",
              "row": 15,
              "col": 1
            },
            "package": "data.t",
            "name": "todo_test_later",
            "skip": true,
            "duration": 0
          },
          {
            "location": {
              "file": "t.rego",
              "row": 18,
              "col": 1
            },
            "package": "data.t",
            "name": "test_cases",
            "fail": true,
            "duration": 9,
            "sub_results": {
              "a": {
                "name": "a",
                "sub_results": {
                  "x": {
                    "name": "x"
                  }
                }
              },
              "b": {
                "name": "b",
                "fail": true
              }
            }
          }
        ]
        """,
        json);
    Json.parse(json);
    assertEquals("[]\n", JsonTestReport.render(List.of()));
  }

  @Test
  void casesFromTheRulesObject() {
    Map<String, SubResult> cases =
        TestRunner.subResults(Json.parse("{\"b\": true, \"a\": false, \"n\": {\"x\": true, \"y\": 1}}"));
    assertEquals(List.of("a", "b", "n"), List.copyOf(cases.keySet()));
    assertEquals(true, cases.get("a").fail());
    assertEquals(false, cases.get("b").fail());
    assertEquals(true, cases.get("n").fail());
    assertEquals(false, cases.get("n").subResults().get("x").fail());
    assertEquals(true, cases.get("n").subResults().get("y").fail());
  }
}
