package dev.verdict.parser;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.ast.RegoVersion;
import dev.verdict.error.RegoError;
import dev.verdict.error.RegoException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error is a rego_parse_error at file:row:col, worded as OPA words it, and all of them are reported. */
class ParserErrorTest {

  /** The errors of a module whose text starts on line 3 (after "package test" and a blank line). */
  static List<String> errors(String text, RegoVersion version) {
    RegoException e = assertThrows(RegoException.class, () -> Parser.parseModule("test.rego", "package test\n\n" + text, version));
    assertTrue(e.errors().stream().allMatch(err -> err.code().equals(RegoError.PARSE)), e.getMessage());
    return e.errors().stream().map(RegoError::toString).toList();
  }

  static String error(String text, RegoVersion version) {
    List<String> errors = errors(text, version);
    assertEquals(1, errors.size(), errors.toString());
    return errors.getFirst();
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      p { true }                      => test.rego:3:1: rego_parse_error: `if` keyword is required before rule body
      f(x) { true }                   => test.rego:3:1: rego_parse_error: `if` keyword is required before function body
      p := 1 { true }                 => test.rego:3:1: rego_parse_error: `if` keyword is required before rule body
      p := 1 if { false } else := 2 { true } => test.rego:3:21: rego_parse_error: `if` keyword is required before rule body
      p contains 1 { true }           => test.rego:3:1: rego_parse_error: `if` keyword is required before rule body
      p[x]                            => test.rego:3:1: rego_parse_error: `contains` keyword is required for partial set rules
      a.b.c                           => test.rego:3:1: rego_parse_error: rule must have value assignment and/or body declaration
      p                               => test.rego:3:1: rego_parse_error: var cannot be used for rule name
      p := [1, 2                      => test.rego:3:11: rego_parse_error: unexpected eof token: expected , or ]
      p := 1 +                        => test.rego:3:9: rego_parse_error: unexpected eof token: expected term
      p := -x                         => test.rego:3:7: rego_parse_error: unexpected ident token: expected number
      p if { x := 1 y := 2 }          => test.rego:3:15: rego_parse_error: unexpected ident token: expected \\n or ; or }
      p if { x [1] }                  => test.rego:3:10: rego_parse_error: unexpected [ token: expected \\n or ; or }
      p := [x | x := 1 y := 2]        => test.rego:3:18: rego_parse_error: unexpected ident token: expected \\n or ; or ]
      p if { true }}                  => test.rego:3:14: rego_parse_error: unexpected } token
      p := x +* 1                     => test.rego:3:9: rego_parse_error: unexpected * token: expected term
      p := "abc                       => test.rego:3:6: rego_parse_error: non-terminated string
      p := `abc                       => test.rego:3:6: rego_parse_error: non-terminated string
      p := "a\\qb"                    => test.rego:3:6: rego_parse_error: illegal escape sequence
      p := "\\u12"                    => test.rego:3:6: rego_parse_error: illegal escape sequence
      p := $"a\\qb"                   => test.rego:3:8: rego_parse_error: illegal escape sequence
      p := 007                        => test.rego:3:6: rego_parse_error: unexpected number token: expected number without leading zero
      p := 1e999999                   => test.rego:3:6: rego_parse_error: number too big
      p := $x                         => test.rego:3:6: rego_parse_error: illegal $ character
      p if { a ! b }                  => test.rego:3:10: rego_parse_error: illegal ! character
      p := @                          => test.rego:3:6: rego_parse_error: illegal token
      p := "a".b                      => test.rego:3:6: rego_parse_error: illegal ref (head cannot be string)
      p := 1.x                        => test.rego:3:6: rego_parse_error: illegal ref (head cannot be number)
      p := (x.y).z                    => test.rego:3:7: rego_parse_error: illegal ref (head cannot be ref)
      package other                   => test.rego:3:1: rego_parse_error: unexpected package
      import foo.bar                  => test.rego:3:8: rego_parse_error: unexpected import path, must begin with one of: {data, future, input, rego}, got: foo
      import future.keywords.foo      => test.rego:3:8: rego_parse_error: unexpected keyword, must be one of [contains every if in]
      import future.keywords as fk    => test.rego:3:8: rego_parse_error: `future` imports cannot be aliased
      import future.bar               => test.rego:3:8: rego_parse_error: invalid import, must be `future.keywords`
      import rego.v2                  => test.rego:3:8: rego_parse_error: invalid import `rego.v2`, must be `rego.v1`
      import data.foo[x]              => test.rego:3:17: rego_parse_error: unexpected var token: expecting string
      import data.foo.with            => test.rego:3:17: rego_parse_error: unexpected import path, must not end with a keyword, got: with
      default p := x                  => test.rego:3:1: rego_parse_error: illegal default rule (value cannot contain var)
      default p := [input.x]          => test.rego:3:1: rego_parse_error: illegal default rule (value cannot contain ref)
      default p := count([])          => test.rego:3:1: rego_parse_error: illegal default rule (value cannot contain call)
      default p contains 1            => test.rego:3:1: rego_parse_error: illegal default rule (must have a value)
      default f(x, x) := 1            => test.rego:3:1: rego_parse_error: illegal default rule (arguments cannot be repeated x)
      default f(1) := 1               => test.rego:3:1: rego_parse_error: illegal default rule (arguments cannot contain number)
      default p := 1 if { true }      => test.rego:3:16: rego_parse_error: unexpected if keyword
      p[x] := 1 if { x := 1 } else := 2 => test.rego:3:25: rego_parse_error: else keyword cannot be used on rules with variables in head
      p contains 1 if { true } else := 2 => test.rego:3:26: rego_parse_error: else keyword cannot be used on multi-value rules
      f(x) contains 1                 => test.rego:3:6: rego_parse_error: unexpected contains keyword: the contains keyword can only be used with multi-value rule definitions (e.g., f contains <VALUE> { ... })
      p := $"{not x}"                 => test.rego:3:9: rego_parse_error: unexpected negation ('not') in template-string expression
      p := $"{x := 1}"                => test.rego:3:9: rego_parse_error: unexpected assignment (':=') in template-string expression
      p := $"{x = 1}"                 => test.rego:3:9: rego_parse_error: unexpected unification ('=') in template-string expression
      p := $"{some x in xs}"          => test.rego:3:9: rego_parse_error: unexpected 'some' in template-string expression
      p := $"a                        => test.rego:3:9: rego_parse_error: non-terminated string
      p if { not some x }             => test.rego:3:12: rego_parse_error: unexpected some keyword: illegal negation of 'some'
      p if { not every x in [] { x } } => test.rego:3:12: rego_parse_error: unexpected every keyword: illegal negation of 'every'
      p if { every x, 1 in [] { x } } => test.rego:3:17: rego_parse_error: unexpected number token: expected value to be a variable
      p if { every 1, x in [] { x } } => test.rego:3:14: rego_parse_error: unexpected number token: expected key to be a variable
      p if { every x { x } }          => test.rego:3:16: rego_parse_error: unexpected { token: expected in or ,
      p if { some x.y }               => test.rego:3:13: rego_parse_error: unexpected ident token: expected var
      p if { x with 1 as 2 }          => test.rego:3:15: rego_parse_error: unexpected number token: expected with target path
      p if { x with y }               => test.rego:3:17: rego_parse_error: unexpected } token: expected as
      p if { else }                   => test.rego:3:8: rego_parse_error: unexpected else keyword
      """)
  void v1Errors(String text, String message) {
    assertEquals(message, error(text, RegoVersion.V1));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      p if { x }                      => test.rego:3:1: rego_parse_error: var cannot be used for rule name
      p { x in xs }                   => test.rego:3:7: rego_parse_error: unexpected ident token: expected \\n or ; or }
      p { every x in xs { x } }       => test.rego:3:11: rego_parse_error: unexpected ident token: expected \\n or ; or }
      p { }                           => test.rego:3:5: rego_parse_error: unexpected } token: expected term
      """)
  void v0Errors(String text, String message) {
    assertEquals(message, error(text, RegoVersion.V0));
  }

  @Test
  void v1KeywordsAreNamesInV0() {
    // As in OPA: `p`, `contains` and `x` read as three rules without value or body.
    assertEquals(
        List.of(
            "test.rego:3:1: rego_parse_error: var cannot be used for rule name",
            "test.rego:3:3: rego_parse_error: var cannot be used for rule name",
            "test.rego:3:12: rego_parse_error: var cannot be used for rule name"),
        errors("p contains x if { x := 1 }", RegoVersion.V0));
  }

  @Test
  void v0ToV1MissesBothKeywords() {
    assertEquals(
        List.of(
            "test.rego:3:1: rego_parse_error: `if` keyword is required before rule body",
            "test.rego:3:1: rego_parse_error: `contains` keyword is required for partial set rules"),
        errors("p[x] { x := 1 }", RegoVersion.V1));
    assertEquals(
        List.of("test.rego:4:1: rego_parse_error: `if` keyword is required before rule body"),
        errors("import rego.v1\np { true }", RegoVersion.V0));
  }

  @Test
  void allErrorsAreReported() {
    assertEquals(
        List.of(
            "test.rego:3:1: rego_parse_error: `if` keyword is required before rule body",
            "test.rego:4:1: rego_parse_error: `if` keyword is required before rule body",
            "test.rego:5:1: rego_parse_error: `if` keyword is required before function body"),
        errors("p { true }\nq { true }\nf(x) { x }", RegoVersion.V1));
    List<String> syntax = errors("a := 1 +\n\nb := 2\n\nc := ]\nd := 1", RegoVersion.V1);
    assertEquals(2, syntax.size(), syntax.toString());
    assertTrue(syntax.get(0).startsWith("test.rego:5:3: rego_parse_error: unexpected := token"), syntax.toString());
    assertTrue(syntax.get(1).startsWith("test.rego:7:6: rego_parse_error: unexpected ] token"), syntax.toString());
    List<String> lexical = errors("p := \"abc\nq := $\nr := @", RegoVersion.V1);
    assertEquals(3, lexical.size(), lexical.toString());
    List<String> literals = errors("p := \"a\\q\"\nq := 007\nr := 1e999999", RegoVersion.V1);
    assertEquals(3, literals.size(), literals.toString());
  }

  @Test
  void moduleShapeErrors() {
    RegoException empty = assertThrows(RegoException.class, () -> Parser.parseModule("e.rego", "# only a comment\n", RegoVersion.V1));
    assertEquals("e.rego:1:1: rego_parse_error: empty module", empty.getMessage());
    RegoException noPackage = assertThrows(RegoException.class, () -> Parser.parseModule("n.rego", "\np := 1\n", RegoVersion.V1));
    assertEquals("n.rego:2:1: rego_parse_error: package expected", noPackage.getMessage());
    RegoException query = assertThrows(RegoException.class, () -> Parser.parseQuery("q", "", RegoVersion.V1));
    assertEquals("q:1:1: rego_parse_error: unexpected eof token: expected term", query.getMessage());
    RegoException term = assertThrows(RegoException.class, () -> Parser.parseTerm("t", "x [1]"));
    assertEquals("t:1:3: rego_parse_error: unexpected [ token: expected in or ,", term.getMessage());
  }

  @Test
  void deepNestingIsBoundedWithAClearError() {
    RegoException e = assertThrows(RegoException.class, () -> Parser.parseTerm("deep", "[".repeat(10_000)));
    assertEquals(
        "deep:1:" + (TokenPass.MAX_NESTING + 1) + ": rego_parse_error: max parsing recursion depth exceeded (more than "
            + TokenPass.MAX_NESTING + " nested brackets)",
        e.getMessage());
    assertThrows(RegoException.class, () -> Parser.parseQuery("deep", "x := " + "f(".repeat(50_000), RegoVersion.V1));
  }

  @Test
  void deepestAcceptedNestingParsesEvenFromASmallStack() throws InterruptedException {
    int n = TokenPass.MAX_NESTING;
    List<String> sources =
        List.of(
            "[".repeat(n) + "]".repeat(n),
            "[x | ".repeat(n) + "1" + "]".repeat(n),
            "{\"a\": ".repeat(n) + "1" + "}".repeat(n),
            "f(".repeat(n) + ")".repeat(n),
            "[".repeat(n) + "]".repeat(n - 1)); // an error found by the LL pass, with recovery
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread small = new Thread(null, () -> {
      try {
        for (String s : sources.subList(0, 4)) {
          assertDoesNotThrow(() -> Parser.parseTerm("deep", s));
        }
        RegoException e = assertThrows(RegoException.class, () -> Parser.parseTerm("deep", sources.get(4)));
        assertEquals("deep:1:2000: rego_parse_error: unexpected eof token", e.getMessage());
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "small-stack", 128 * 1024);
    small.start();
    small.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  @Test
  void longFlatInputDoesNotRecurse() {
    // A chain of operators nests the AST as deep as it is long: it is bounded like brackets are.
    String sum = "x := " + "1 + ".repeat(50_000) + "1";
    RegoException e = assertThrows(RegoException.class, () -> Parser.parseQuery("q", sum, RegoVersion.V1));
    assertEquals(
        "q:1:8: rego_parse_error: max parsing recursion depth exceeded (more than 1000 nested brackets and chained operators)",
        e.getMessage());
    String chain = "x := a" + ".b".repeat(50_000);
    assertDoesNotThrow(() -> Parser.parseQuery("q", chain, RegoVersion.V1));
    String elses = "package p\np := 0 if false" + " else := 1 if false".repeat(20_000);
    assertEquals(1, Parser.parseModule("e", elses, RegoVersion.V1).rules().size());
  }
}
