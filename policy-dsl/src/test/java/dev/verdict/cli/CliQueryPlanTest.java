package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Location;
import dev.verdict.ast.Term;
import dev.verdict.cli.QueryPlan.Expression;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The query rewrite that reports expression values as opa does. Queries are built by hand here
 * (the parser is not needed to test the rewrite): each literal located where the text has it.
 */
class CliQueryPlanTest {

  private static final QueryPlan.Functions FUNCTIONS =
      new QueryPlan.Functions() {
        @Override
        public int arity(String name) {
          return switch (name) {
            case "plus" -> 2;
            case "count" -> 1;
            case "walk" -> 1;
            case "data.lib.f" -> 1;
            default -> -1;
          };
        }

        @Override
        public boolean isRelation(String name) {
          return name.equals("walk");
        }
      };

  private static Location at(int row, int col) {
    return new Location("query", row, col);
  }

  private static Term.Ref ref(Location l, String head, Term... path) {
    return new Term.Ref(l, new Term.Var(l, head), List.of(path));
  }

  private static Term str(Location l, String s) {
    return new Term.Scalar(l, StringValue.of(s));
  }

  private static Term num(Location l, long n) {
    return new Term.Scalar(l, NumberValue.of(n));
  }

  private static Term.Call call(Location l, String op, Term... args) {
    String[] parts = op.split("\\.");
    List<Term> path = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      path.add(str(l, parts[i]));
    }
    return new Term.Call(l, new Term.Ref(l, new Term.Var(l, parts[0]), path), List.of(args));
  }

  private static Literal lit(Term t) {
    return new Literal(t.location(), false, new Expr.TermExpr(t.location(), t), List.of());
  }

  private static Literal not(Location l, Term t) {
    return new Literal(l, true, new Expr.TermExpr(t.location(), t), List.of());
  }

  private static QueryPlan plan(String text, Literal... literals) {
    return QueryPlan.of(text, new Body(at(1, 1), List.of(literals)), FUNCTIONS);
  }

  @Test
  void aLoneTermIsCapturedWithoutCheck() {
    QueryPlan p = plan("data.x", lit(ref(at(1, 1), "data", str(at(1, 6), "x"))));
    assertEquals("__verdict_e0__ = data.x", p.rewritten());
    assertEquals(List.of(new Expression("data.x", 1, 1, "__verdict_e0__")), p.expressions());
  }

  @Test
  void comparisonsAreCapturedSoFalseIsAValue() {
    // opa eval '1 > 2' is defined with value false: a single expression gets no check.
    QueryPlan p = plan("1 > 2", lit(call(at(1, 1), "gt", num(at(1, 1), 1), num(at(1, 5), 2))));
    assertEquals("__verdict_e0__ = 1 > 2", p.rewritten());
  }

  @Test
  void assignmentsAreNotCapturedAndSeveralExpressionsAreChecked() {
    Location a = at(1, 1);
    Location b = at(1, 9);
    QueryPlan p =
        plan(
            "x := 1; data.a[x]",
            lit(call(a, "assign", new Term.Var(a, "x"), num(at(1, 6), 1))),
            lit(ref(b, "data", str(b, "a"), new Term.Var(at(1, 16), "x"))));
    assertEquals("x := 1; __verdict_e1__ = data.a[x]\n__verdict_e1__ != false", p.rewritten());
    assertEquals(
        List.of(new Expression("x := 1", 1, 1, null), new Expression("data.a[x]", 1, 9, "__verdict_e1__")),
        p.expressions());
  }

  @Test
  void iterationAddsTheCheckEvenForOneExpression() {
    Location l = at(1, 1);
    Term array = new Term.ArrayTerm(l, List.of(new Term.Scalar(l, BooleanValue.TRUE), new Term.Scalar(l, BooleanValue.FALSE)));
    QueryPlan p = plan("[true, false][_]", lit(new Term.Ref(l, array, List.of(new Term.Var(l, "$_0")))));
    assertEquals("__verdict_e0__ = [true, false][_]\n__verdict_e0__ != false", p.rewritten());
  }

  @Test
  void varsInsideComprehensionsAreNotIteration() {
    Location l = at(1, 1);
    Term comp = new Term.ArrayComprehension(l, new Term.Var(l, "x"),
        new Body(l, List.of(lit(ref(l, "data", str(l, "a"), new Term.Var(l, "x"))))));
    assertEquals("__verdict_e0__ = [x | data.a[x]]", plan("[x | data.a[x]]", lit(comp)).rewritten());
  }

  @Test
  void relationsIterate() {
    Location l = at(1, 1);
    QueryPlan p = plan("walk(data.a)", lit(call(l, "walk", ref(l, "data", str(l, "a")))));
    assertEquals("__verdict_e0__ = walk(data.a)\n__verdict_e0__ != false", p.rewritten());
  }

  @Test
  void negationsAndCallsWithOutputArgumentsAreTrue() {
    Location a = at(1, 1);
    Location b = at(1, 13);
    Location c = at(1, 28);
    QueryPlan p =
        plan(
            "not data.p; plus(1, 2, x); data.lib.f(x)",
            not(a, ref(at(1, 5), "data", str(a, "p"))),
            lit(call(b, "plus", num(b, 1), num(b, 2), new Term.Var(b, "x"))),
            lit(call(c, "data.lib.f", new Term.Var(c, "x"))));
    assertNull(p.expressions().get(0).capture());
    assertNull(p.expressions().get(1).capture());
    assertEquals("__verdict_e2__", p.expressions().get(2).capture());
    assertEquals("not data.p; plus(1, 2, x); __verdict_e2__ = data.lib.f(x)\n__verdict_e2__ != false", p.rewritten());
    assertEquals(List.of("not data.p", "plus(1, 2, x)", "data.lib.f(x)"), p.expressions().stream().map(Expression::text).toList());
  }

  @Test
  void someDeclarationsAndPrintAreTrue() {
    Location a = at(1, 1);
    Location b = at(1, 9);
    QueryPlan p =
        plan(
            "some x; print(x)",
            new Literal(a, false, new Expr.SomeDecl(a, List.of(new Term.Var(at(1, 6), "x"))), List.of()),
            lit(call(b, "print", new Term.Var(b, "x"))));
    assertEquals("some x; print(x)", p.rewritten());
  }

  @Test
  void textsLeaveOutSeparatorsAndComments() {
    String text = "data.a # first; still comment\n\n  data.b[\"#;\"] ;\n\tdata.c   # last\n";
    QueryPlan p =
        plan(
            text,
            lit(ref(at(1, 1), "data", str(at(1, 6), "a"))),
            lit(ref(at(3, 3), "data", str(at(3, 8), "b"), str(at(3, 10), "#;"))),
            lit(ref(at(4, 2), "data", str(at(4, 7), "c"))));
    assertEquals(List.of("data.a", "data.b[\"#;\"]", "data.c"), p.expressions().stream().map(Expression::text).toList());
    assertEquals(
        "__verdict_e0__ = data.a # first; still comment\n\n  __verdict_e1__ = data.b[\"#;\"] ;\n"
            + "\t__verdict_e2__ = data.c   # last\n\n__verdict_e0__ != false\n__verdict_e1__ != false\n__verdict_e2__ != false",
        p.rewritten());
  }

  @Test
  void columnsCountCodePoints() {
    String text = "\"😀\" == x; data.y";
    QueryPlan p =
        plan(text, lit(call(at(1, 1), "equal", str(at(1, 1), "😀"), new Term.Var(at(1, 8), "x"))),
            lit(ref(at(1, 11), "data", str(at(1, 16), "y"))));
    assertEquals(List.of("\"😀\" == x", "data.y"), p.expressions().stream().map(Expression::text).toList());
  }

  @Test
  void errorLocationsMapBackToTheUsersText() {
    Location a = at(1, 1);
    Location b = at(1, 9);
    QueryPlan p =
        plan("x := 1; data.a[x]", lit(call(a, "assign", new Term.Var(a, "x"), num(a, 1))), lit(ref(b, "data", str(b, "a"))));
    int inserted = "__verdict_e1__ = ".length();
    assertEquals(at(1, 3), p.original(at(1, 3)));
    assertEquals(at(1, 9), p.original(at(1, 9)));
    assertEquals(at(1, 9), p.original(at(1, 9 + inserted - 1)));
    assertEquals(at(1, 16), p.original(at(1, 16 + inserted)));
    assertEquals(at(2, 5), p.original(at(2, 5)));
  }

  @Test
  void solutionsHideCapturesAndSortBindings() {
    Location a = at(1, 1);
    Location b = at(1, 9);
    QueryPlan p =
        plan("x := 1; data.a[y]", lit(call(a, "assign", new Term.Var(a, "x"), num(a, 1))), lit(ref(b, "data", str(b, "a"))));
    Map<String, Value> bound = new LinkedHashMap<>();
    bound.put("y", StringValue.of("k"));
    bound.put("x", NumberValue.of(1));
    bound.put("__verdict_e1__", NumberValue.of(7));
    QueryPlan.Solution s = p.solution(bound);
    assertEquals(List.of(BooleanValue.TRUE, NumberValue.of(7)), s.values());
    assertEquals(List.of("x", "y"), List.copyOf(s.bindings().keySet()));
  }
}
