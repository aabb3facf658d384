package dev.verdict.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.RegoVersion;
import dev.verdict.ast.Term;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Terms, operators and queries: the AST shape, shown as text by {@link AstText}. */
class ParserTermTest {

  static String term(String text) {
    return AstText.of(Parser.parseTerm("t.rego", text));
  }

  static String query(String text) {
    return AstText.of(Parser.parseQuery("q.rego", text, RegoVersion.V1));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      1                      => 1
      -1                     => -1
      - 1                    => -1
      1.5e3                  => 1500
      .5                     => 0.5
      -.5                    => -0.5
      0.25                   => 0.25
      "a\\nb\\u00e9"          => "a\\nbé"
      "\\/\\"\\\\"            => "/\\"\\\\"
      `raw\\n"`              => "raw\\\\n\\""
      null                   => null
      true                   => true
      false                  => false
      []                     => []
      [1, 2]                 => [1, 2]
      [1, 2,]                => [1, 2]
      [, 1]                  => [1]
      {}                     => {}
      {1}                    => {1}
      {1, 2,}                => {1, 2}
      set()                  => set()
      {"a": 1, "b": [2]}     => {"a": 1, "b": [2]}
      {"a": 1,}              => {"a": 1}
      {"graph": {"a": ["b"], }, "initial": {"a"}} => {"graph": {"a": ["b"]}, "initial": {"a"}}
      {{1}}                  => {{1}}
      (x)                    => x
      x.y.z                  => x.y.z
      x["y"]                 => x.y
      x["a b"][0]            => x["a b"][0]
      x[y][0]                => x[y][0]
      x[_][_]                => x[$_0][$_1]
      input.x                => input.x
      data.a.b               => data.a.b
      x.if.in.contains.true  => x.if.in.contains.true
      f()                    => f()
      f(x)                   => f(x)
      f(x, y,)               => f(x, y)
      a.b.c(x, y)            => a.b.c(x, y)
      data.lib.f(1)          => data.lib.f(1)
      f(x).y                 => f(x).y
      f(x)[0]                => f(x)[0]
      [1, 2][0]              => [1, 2][0]
      {"a": 1}.a             => {"a": 1}.a
      contains(s, "a")       => contains(s, "a")
      """)
  void terms(String text, String ast) {
    assertEquals(ast, term(text));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      1 + 2 * 3              => plus(1, mul(2, 3))
      (1 + 2) * 3            => mul(plus(1, 2), 3)
      a - b - c              => minus(minus(a, b), c)
      a / b % c              => rem(div(a, b), c)
      a * b / c              => div(mul(a, b), c)
      a | b & c              => or(a, and(b, c))
      a & b | c              => or(and(a, b), c)
      a + b & c - d          => and(plus(a, b), minus(c, d))
      a + b == c * d         => equal(plus(a, b), mul(c, d))
      a == b != c            => neq(equal(a, b), c)
      a < b                  => lt(a, b)
      a <= b                 => lte(a, b)
      a > b                  => gt(a, b)
      a >= b                 => gte(a, b)
      a | b == c             => equal(or(a, b), c)
      x in xs                => internal.member_2(x, xs)
      k, v in xs             => internal.member_3(k, v, xs)
      x == y in z            => internal.member_2(equal(x, y), z)
      a in b in c            => internal.member_2(internal.member_2(a, b), c)
      k, v in xs in ys       => internal.member_2(internal.member_3(k, v, xs), ys)
      a | b in c             => internal.member_2(or(a, b), c)
      [a, b in c]            => [a, internal.member_2(b, c)]
      f(a, b in c)           => f(a, internal.member_2(b, c))
      (k, v in xs)           => internal.member_3(k, v, xs)
      x-1                    => minus(x, 1)
      x - -1                 => minus(x, -1)
      [1, -1]                => [1, -1]
      [1 -1]                 => [minus(1, 1)]
      x[a + 1]               => x[plus(a, 1)]
      """)
  void operatorsFollowOpaPrecedence(String text, String ast) {
    assertEquals(ast, term(text));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      [x | x := xs[_]]               => [x | assign(x, xs[$_0])]
      {x | x = 1}                    => {x | eq(x, 1)}
      {k: v | some k, v in o}        => {k: v | some k, v in o}
      [x | x := 1; x > 0]            => [x | assign(x, 1); gt(x, 0)]
      [x | y]                        => [x | y]
      {x | y}                        => {x | y}
      {x: y | z}                     => {x: y | z}
      [x | y, z]                     => [or(x, y), z]
      {a + 1: b | b := 1}            => {plus(a, 1): b | assign(b, 1)}
      [f(x) | x := 1]                => [f(x) | assign(x, 1)]
      """)
  void comprehensions(String text, String ast) {
    assertEquals(ast, term(text));
  }

  @Test
  void newlinesDoNotMatterInsideBrackets() {
    assertEquals("[x | assign(x, 1); gt(x, 0)]", term("[x |\n  x := 1\n  x > 0\n]"));
    assertEquals("f(1, 2)", term("f(\n  1,\n  2\n)"));
    assertEquals("{\"a\": [1, 2]}", term("{\n  \"a\": [\n    1,\n    2\n  ]\n}"));
  }

  @Test
  void bareRootDocumentsAreRefs() {
    Term.Ref input = assertInstanceOf(Term.Ref.class, Parser.parseTerm("t", "input"));
    assertEquals("input", ((Term.Var) input.head()).name());
    assertTrue(input.path().isEmpty());
    assertInstanceOf(Term.Var.class, Parser.parseTerm("t", "inputs"));
  }

  @Test
  void numbersAreExact() {
    Term.Scalar big = (Term.Scalar) Parser.parseTerm("t", "123456789012345678901234567890.000000000000000000001");
    assertEquals(new BigDecimal("123456789012345678901234567890.000000000000000000001"), ((NumberValue) big.value()).bigDecimalValue());
    Term.Scalar huge = (Term.Scalar) Parser.parseTerm("t", "18446744073709551617");
    assertEquals("18446744073709551617", huge.value().toString());
  }

  @Test
  void callsAreCallsWithRefOperators() {
    Term.Call call = assertInstanceOf(Term.Call.class, Parser.parseTerm("t", "a.b(1)"));
    assertEquals("a.b", AstText.of(call.operator()));
    Term.Call plus = assertInstanceOf(Term.Call.class, Parser.parseTerm("t", "x + 1"));
    assertEquals("plus", ((Term.Var) plus.operator().head()).name());
    assertTrue(plus.operator().path().isEmpty());
    Term.Call member = assertInstanceOf(Term.Call.class, Parser.parseTerm("t", "x in y"));
    assertEquals("internal.member_2", AstText.of(member.operator()));
    assertInstanceOf(Term.SetTerm.class, Parser.parseTerm("t", "set()"));
  }

  @Test
  void templateStrings() {
    Term.TemplateString t = assertInstanceOf(Term.TemplateString.class, Parser.parseTerm("t", "$\"a {x} \\{y} {1 + 2}\\t\""));
    assertFalse(t.raw());
    assertEquals(5, t.parts().size());
    assertEquals("a ", text(t.parts().get(0)));
    assertEquals("x", AstText.of(t.parts().get(1)));
    assertEquals(" {y} ", text(t.parts().get(2)));
    assertEquals("plus(1, 2)", AstText.of(t.parts().get(3)));
    assertEquals("\t", text(t.parts().get(4)));
    String nested = "$\"{$\"{a}\"} {$\"{$\"{b}\"} baz\"}\"";
    assertEquals(nested, term(nested));

    Term.TemplateString raw = assertInstanceOf(Term.TemplateString.class, Parser.parseTerm("t", "$`a\\n\n{x}\\{y}`"));
    assertTrue(raw.raw());
    assertEquals("a\\n\n", text(raw.parts().get(0)));
    assertEquals("{y}", text(raw.parts().get(2)));

    Term.TemplateString empty = assertInstanceOf(Term.TemplateString.class, Parser.parseTerm("t", "$\"\""));
    assertTrue(empty.parts().isEmpty());

    Term.TemplateString collections = (Term.TemplateString) Parser.parseTerm("t", "$\"{[x | x := 1]} {{1}} {{\"a\": 1}} {{}}\"");
    assertEquals("[x | assign(x, 1)]", AstText.of(collections.parts().get(0)));
    assertEquals("{1}", AstText.of(collections.parts().get(2)));
    assertEquals("{\"a\": 1}", AstText.of(collections.parts().get(4)));
    assertEquals("{}", AstText.of(collections.parts().get(6)));

    Term.TemplateString withs = (Term.TemplateString) Parser.parseTerm("t", "$\"foo {a with input as {\"a\" : 42}}\"");
    Literal part = withs.parts().get(1);
    assertEquals("a with input as {\"a\": 42}", AstText.of(part));
  }

  private static String text(Literal part) {
    return ((StringValue) ((Term.Scalar) ((Expr.TermExpr) part.expr()).term()).value()).value();
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      x = 1; y = 2                        => eq(x, 1); eq(y, 2)
      x := 1 + 2                          => assign(x, plus(1, 2))
      not x                               => not x
      not f(x)                            => not f(x)
      not(x)                              => not x
      not x.y == 1                        => not equal(x.y, 1)
      some x                              => some x
      some x, y                           => some x, y
      some x in xs                        => some x in xs
      some k, v in xs                     => some k, v in xs
      some [a, b] in pairs                => some [a, b] in pairs
      every x in xs { x > 0 }             => every x in xs { gt(x, 0) }
      every k, v in o { k == v; v }       => every k, v in o { equal(k, v); v }
      every x in {} { x != x }            => every x in {} { neq(x, x) }
      x with input as {} with data.a as 1 => x with input as {} with data.a as 1
      f(x) with f as g                    => f(x) with f as g
      x with input.foo as 1               => x with input.foo as 1
      some x in xs with input as 1        => some x in xs with input as 1
      count(x) > 0                        => gt(count(x), 0)
      _ = x; y[_] = z[_]                  => eq($_0, x); eq(y[$_1], z[$_2])
      k, v in xs                          => internal.member_3(k, v, xs)
      x := {"a": 1} == {"a": 1}           => assign(x, equal({"a": 1}, {"a": 1}))
      if.foo == 1; not.x; in[0]           => equal(if.foo, 1); not.x; in[0]
      """)
  void queries(String text, String ast) {
    assertEquals(ast, query(text));
  }

  @Test
  void newlinesSeparateLiteralsButExpressionsContinueAcrossThem() {
    assertEquals("eq(x, 1); eq(y, 2)", query("x = 1\ny = 2"));
    assertEquals("eq(x, 1); eq(y, 2)", query("x = 1 # one\n\n  y = 2\n"));
    assertEquals("assign(x, plus(1, 2))", query("x := 1\n  + 2"));
    assertEquals("assign(x, plus(1, 2))", query("x := 1 +\n  2"));
    // A '[' or '(' after a blank starts something new: x, then the array [1].
    assertEquals("x; [1]", query("x\n[1]"));
    assertEquals("f; x", query("f\n(x)"));
    assertEquals("x[1]", query("x[1]"));
  }

  @Test
  void someAndEveryShapes() {
    Body body = Parser.parseQuery("q", "some x, y\nsome k, v in o\nevery v in xs { v }", RegoVersion.V1);
    Expr.SomeDecl decl = assertInstanceOf(Expr.SomeDecl.class, body.literals().get(0).expr());
    assertEquals(2, decl.vars().size());
    Expr.SomeIn in = assertInstanceOf(Expr.SomeIn.class, body.literals().get(1).expr());
    assertEquals("k", AstText.of(in.key()));
    Expr.Every every = assertInstanceOf(Expr.Every.class, body.literals().get(2).expr());
    assertNull(every.key());
    assertEquals("xs", AstText.of(every.domain()));
  }
}
