package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.PolicySet;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.cli.CoverageReport.FileReport;
import dev.verdict.cli.CoverageReport.Range;
import dev.verdict.eval.CoverageCollector;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Line coverage of small policies, each expectation worked out by hand from OPA's rules: a row is
 * covered when evaluation reached an expression on it or a rule on it produced a value; a rule head
 * or expression row never reached is not covered. Row numbers are the text blocks' lines.
 */
class CoverageReportTest {

  /** One evaluation: a document path and an input (JSON, or null for none). */
  private record Eval(String path, String input) {}

  private static Eval eval(String path, String input) {
    return new Eval(path, input);
  }

  private static CoverageReport cover(Map<String, String> modules, Eval... evals) {
    Sources.Builder sources = Sources.builder();
    modules.forEach(sources::module);
    PolicySet set = Verdict.compile(sources.build());
    CoverageCollector collector = new CoverageCollector();
    PolicySet covered = set.withCoverage(collector);
    for (Eval e : evals) {
      EvalOptions.Builder options = EvalOptions.builder();
      if (e.input() != null) {
        options.input(Json.parse(e.input()));
      }
      covered.eval(e.path(), options.build());
    }
    return CoverageReport.of(set.modules(), collector.hits());
  }

  private static CoverageReport cover(String module, Eval... evals) {
    return cover(Map.of("t.rego", module), evals);
  }

  private static Set<Integer> rows(List<Range> ranges) {
    Set<Integer> out = new TreeSet<>();
    for (Range r : ranges) {
      for (int i = r.start(); i <= r.end(); i++) {
        out.add(i);
      }
    }
    return out;
  }

  private static void assertLines(FileReport f, Set<Integer> covered, Set<Integer> notCovered) {
    assertEquals(new TreeSet<>(covered), rows(f.covered()), "covered");
    assertEquals(new TreeSet<>(notCovered), rows(f.notCovered()), "not covered");
    assertEquals(covered.size(), f.coveredLines());
    assertEquals(notCovered.size(), f.notCoveredLines());
  }

  @Test
  void aBodyThatFailsAtItsSecondExpression() {
    CoverageReport r = cover("""
        package t

        p if {
        	input.a == 1
        	input.b == 2
        	input.c == 3
        }
        """, eval("t/p", "{\"a\": 1, \"b\": 0}"));
    // 4 holds, 5 is evaluated and fails, so 6 is never reached and the head (3) never produces.
    assertLines(r.files().get("t.rego"), Set.of(4, 5), Set.of(3, 6));
    assertEquals(50.0, r.coverage());
  }

  @Test
  void functionsNeverCalled() {
    CoverageReport r = cover("""
        package t

        f(x) := x + 1

        g(x) := y if {
        	y := x * 2
        }

        h(x) := y if {
        	y := x - 1
        }

        p := g(2)
        """, eval("t/p", null));
    // p (13) calls g (5-6); f's head and its implicit `true` body (3) and h (9-10) are never reached.
    assertLines(r.files().get("t.rego"), Set.of(5, 6, 13), Set.of(3, 9, 10));
  }

  @Test
  void defaultRulesCountOnlyWhenTheyApply() {
    CoverageReport r = cover("""
        package t

        default allow := false

        allow if input.admin

        default mode := "off"

        mode := "on" if input.on
        """, eval("t/allow", "{\"admin\": true}"), eval("t/mode", "{}"));
    // allow is defined, so its default (3) never runs; mode is not, so its default (7) does.
    // `input.on` (9) is reached though it fails, which covers its row.
    assertLines(r.files().get("t.rego"), Set.of(5, 7, 9), Set.of(3));
  }

  @Test
  void elseChains() {
    String module = """
        package t

        level := "high" if {
        	input.score > 80
        } else := "mid" if {
        	input.score > 40
        } else := "low"
        """;
    // 4 fails, so the first head (3) never produces; the "mid" branch (5-6) does; "low" (7) never runs.
    assertLines(cover(module, eval("t/level", "{\"score\": 50}")).files().get("t.rego"), Set.of(4, 5, 6), Set.of(3, 7));
    // With a low score as well, the last branch (a head with an implicit body) runs too.
    assertLines(
        cover(module, eval("t/level", "{\"score\": 50}"), eval("t/level", "{\"score\": 10}")).files().get("t.rego"),
        Set.of(4, 5, 6, 7),
        Set.of(3));
  }

  @Test
  void comprehensionsAndEvery() {
    CoverageReport r = cover("""
        package t

        big := [x |
        	some x in input.xs
        	x > 10
        ]

        names := {n | some n in input.names}

        all_small if {
        	every x in input.xs {
        		x < 100
        	}
        }

        unused := {k: v |
        	some k, v in input.m
        }
        """, eval("t/big", "{\"xs\": [1, 20]}"), eval("t/all_small", "{\"xs\": []}"));
    // big's comprehension body (4-5) runs when its head value is built; every over an empty domain
    // (11) holds without reaching its body (12); names (8) and unused (16-17) are never evaluated.
    assertLines(r.files().get("t.rego"), Set.of(3, 4, 5, 10, 11), Set.of(8, 12, 16, 17));
  }

  @Test
  void someDeclarationsAreNotCounted() {
    CoverageReport r = cover("""
        package t

        p if {
        	some x
        	x = 1
        }

        q if {
        	some y
        	y = 2
        }
        """, eval("t/p", null));
    assertLines(r.files().get("t.rego"), Set.of(3, 5), Set.of(8, 10));
  }

  @Test
  void multipleFilesAndTotals() {
    Map<String, String> modules = new LinkedHashMap<>();
    modules.put("b.rego", """
        package b

        q if {
        	true
        }
        """);
    modules.put("a.rego", """
        package a

        import data.b

        p if b.q

        r if false
        """);
    modules.put("c.rego", "package c\n");
    CoverageReport r = cover(modules, eval("a/p", null));
    assertEquals(List.of("a.rego", "b.rego", "c.rego"), new ArrayList<>(r.files().keySet()));
    assertLines(r.files().get("a.rego"), Set.of(5), Set.of(7));
    assertLines(r.files().get("b.rego"), Set.of(3, 4), Set.of());
    assertLines(r.files().get("c.rego"), Set.of(), Set.of());
    assertEquals(50.0, r.files().get("a.rego").coverage());
    assertEquals(100.0, r.files().get("b.rego").coverage());
    assertEquals(0.0, r.files().get("c.rego").coverage());
    assertEquals(3, r.coveredLines());
    assertEquals(1, r.notCoveredLines());
    assertEquals(75.0, r.coverage());
  }

  @Test
  void nothingEvaluatedMeansNothingCovered() {
    CoverageReport r = cover("""
        package t

        p if input.x
        """);
    assertLines(r.files().get("t.rego"), Set.of(), Set.of(3));
    assertEquals(0.0, r.coverage());
  }

  @Test
  void theOriginalSetRecordsNothing() {
    PolicySet set = Verdict.compile(Sources.builder().module("t.rego", "package t\n\np if input.x\n").build());
    CoverageCollector collector = new CoverageCollector();
    PolicySet covered = set.withCoverage(collector);
    set.eval("t/p", Json.parse("{\"x\": true}"));
    assertTrue(collector.hits().isEmpty(), collector.hits()::toString);
    covered.eval("t/p", Json.parse("{\"x\": true}"));
    assertEquals(Map.of("t.rego", new TreeSet<>(Set.of(3))), collector.hits());
  }

  @Test
  void queriesAreNotProbed() {
    PolicySet set = Verdict.compile(Sources.builder().module("t.rego", "package t\n\np if input.x\n").build());
    CoverageCollector collector = new CoverageCollector();
    set.withCoverage(collector).query("x := 1; data.t.p", EvalOptions.builder().input(Json.parse("{\"x\": 1}")).build());
    assertEquals(Map.of("t.rego", new TreeSet<>(Set.of(3))), collector.hits());
  }

  @Test
  void rangesMergeConsecutiveRows() {
    assertEquals(List.of(), CoverageReport.ranges(List.of()));
    assertEquals(
        List.of(new Range(1, 3), new Range(5, 5), new Range(7, 8)),
        CoverageReport.ranges(List.of(8, 2, 1, 3, 5, 7, 3)));
  }

  @Test
  void thresholdMessagesUseGoRounding() {
    assertEquals("66.67", CoverageReport.twoDecimals(200.0 / 3));
    assertEquals("0.12", CoverageReport.twoDecimals(0.125)); // an exact tie: half to even, as Go's %.2f
    assertEquals("80.00", CoverageReport.twoDecimals(80));
    CoverageReport r = cover("""
        package t

        p if {
        	input.a
        	input.b
        	input.c
        }

        q if input.d
        """, eval("t/p", "{\"a\": true}"));
    assertEquals("Code coverage threshold not met: got 40.00 instead of 50.00", r.thresholdError(50, false));
    assertEquals("""
        Code coverage threshold not met: got 40.00 instead of 50.00
        Lines not covered:
        	t.rego:3
        	t.rego:6
        	t.rego:9""", r.thresholdError(50, true));
  }

  // ------------------------------------------------------------------------------------------
  // Cases from OPA's own tests, v1/cover/cover_test.go (open-policy-agent/opa, Apache-2.0; the
  // licence is at src/test/resources/conformance/opa/LICENSE), with the same modules, queries and
  // inputs. The newest of them also report columns; Verdict's report has rows only, as opa's
  // released JSON report does, so their expectations are given here as rows.

  @Test
  void opaTestCover() {
    CoverageReport r = cover(Map.of("test.rego", """
        package test

        import data.deadbeef # expect not reported

        foo if {
        	bar
        	p
        	not baz
        }

        bar if {
        	a := 1
        	b := 2
        	a != b
        }

        baz if {     # expect no exit
        	true
        	false # expect eval but fail
        	true  # expect not covered
        }

        p if {
        	some bar # should not be included in coverage report
        	bar = 1
        	bar + 1 == 2
        }
        """), eval("test/foo", null));
    FileReport f = r.files().get("test.rego");
    assertLines(f, Set.of(5, 6, 7, 8, 11, 12, 13, 14, 18, 19, 23, 25, 26), Set.of(17, 20));
    assertEquals(100.0 * 13 / 15, f.coverage());
    assertEquals(100.0 * 13 / 15, r.coverage());
  }

  @Test
  void opaRuleHeadAndValueExpressionOnOneRowCountedOnce() {
    CoverageReport r = cover(Map.of("test.rego", """
        package test

        # Both a rule and an expression, but should not be counted twice
        foo := 1

        allow if { true }
        """), eval("test/allow", null));
    assertLines(r.files().get("test.rego"), Set.of(6), Set.of(4));
  }

  @Test
  void opaInlineRuleHeadNotCovered() {
    // opa's column report has the head (3:1-4) not covered and `false` (3:8-13) covered; by rows,
    // row 3 was reached, so it is covered.
    CoverageReport r = cover(Map.of("test.rego", """
        package test

        foo if false

        test_foo if {
        	not foo
        }
        """), eval("test/test_foo", null));
    assertLines(r.files().get("test.rego"), Set.of(3, 5, 6), Set.of());
  }

  @Test
  void opaIndexExcludedRuleBodiesAreNotCovered() {
    CoverageReport r = cover(Map.of("test.rego", """
        package test

        allow if {
        	input.action == "read"
        }

        allow if {
        	input.action in {"delete", "update"}
        }
        """), eval("test/allow", "{\"action\": \"write\"}"));
    assertLines(r.files().get("test.rego"), Set.of(), Set.of(3, 4, 7, 8));
  }

  @Test
  void opaNegatedExpressionRuleNotCovered() {
    CoverageReport r = cover(Map.of("test.rego", """
        package test

        allow if {
        	not input.blocked
        }

        other if {
        	true
        }
        """), eval("test/other", null));
    assertLines(r.files().get("test.rego"), Set.of(7, 8), Set.of(3, 4));
  }

  @Test
  void opaSemicolonSeparatedExpressionsShortCircuit() {
    // By columns, the last `false` on row 4 is not covered; by rows, row 4 was reached.
    CoverageReport r = cover(Map.of("test.rego", """
        package test

        foo if {
        	true; true; false; false
        }

        test_foo if {
        	not foo
        }
        """), eval("test/test_foo", null));
    assertLines(r.files().get("test.rego"), Set.of(4, 7, 8), Set.of(3));
  }
}
