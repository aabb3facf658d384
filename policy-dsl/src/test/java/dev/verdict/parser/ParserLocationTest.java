package dev.verdict.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Import;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.Node;
import dev.verdict.ast.RegoVersion;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import org.junit.jupiter.api.Test;

/** Every node carries file:row:col (1-based, in characters, a tab being one) of where it starts. */
class ParserLocationTest {

  private static final Module MODULE = Parser.parseModule("l.rego", """
      package a.b

      import data.x as y

      # a comment
      default allow := false

      allow if {
      	input.user == "admin"
      	some i in [1]
      	not deny with input as {}
      }
      """, RegoVersion.V1);

  static void at(int row, int col, Node node) {
    assertEquals(new Location("l.rego", row, col), node.location(), node.toString());
  }

  @Test
  void statements() {
    at(1, 1, MODULE.pkg());
    at(1, 9, MODULE.pkg().path());
    Import imp = MODULE.imports().getFirst();
    at(3, 1, imp);
    at(3, 8, imp.path());
    Rule byDefault = MODULE.rules().get(0);
    at(6, 1, byDefault);
    at(6, 9, byDefault.head());
    at(6, 18, byDefault.head().value());
    at(6, 1, byDefault.body());
    Rule allow = MODULE.rules().get(1);
    at(8, 1, allow);
    at(8, 1, allow.head());
    at(8, 1, allow.head().ref());
    at(8, 1, allow.head().value());
    assertEquals(new Location("l.rego", 5, 1), MODULE.comments().getFirst().location());
  }

  @Test
  void literalsAndTerms() {
    Body body = MODULE.rules().get(1).body();
    at(9, 2, body);
    Literal equal = body.literals().get(0);
    at(9, 2, equal);
    Term.Call call = (Term.Call) ((Expr.TermExpr) equal.expr()).term();
    at(9, 2, call);
    at(9, 13, call.operator());
    Term.Ref user = (Term.Ref) call.args().get(0);
    at(9, 2, user);
    at(9, 8, user.path().getFirst());
    at(9, 16, call.args().get(1));

    Expr.SomeIn some = (Expr.SomeIn) body.literals().get(1).expr();
    at(10, 2, some);
    at(10, 7, some.value());
    at(10, 12, some.collection());

    Literal not = body.literals().get(2);
    at(11, 2, not);
    assertTrue(not.negated());
    at(11, 6, not.expr());
    at(11, 11, not.withs().getFirst());
    at(11, 16, not.withs().getFirst().target());
    at(11, 25, not.withs().getFirst().value());
  }

  @Test
  void columnsCountCharactersNotBytesOrUtf16Units() {
    Body body = Parser.parseQuery("q", "x := \"é😀\"; y", RegoVersion.V1);
    assertEquals(new Location("q", 1, 12), body.literals().get(1).location());
  }

  @Test
  void generatedValuesAndBodiesAreLocatedAtTheHead() {
    Module m = Parser.parseModule("g", "package p\n\n  p contains 1\nq if true", RegoVersion.V1);
    Rule p = m.rules().getFirst();
    assertEquals(new Location("g", 3, 3), p.body().location());
    assertEquals(new Location("g", 3, 3), p.body().literals().getFirst().location());
    Rule q = m.rules().get(1);
    assertEquals(new Location("g", 4, 1), q.head().value().location());
    assertEquals(new Location("g", 4, 6), q.body().location());
  }

  @Test
  void byteOrderMarkIsSkipped() {
    Module m = Parser.parseModule("bom", "\uFEFFpackage p\np := 1", RegoVersion.V1);
    assertEquals(new Location("bom", 1, 2), m.pkg().location());
  }
}
