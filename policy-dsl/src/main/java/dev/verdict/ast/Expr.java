package dev.verdict.ast;

import java.util.List;

/** What a literal of a body says. */
public sealed interface Expr extends Node {

  /** A term used as an expression: a call ({@code x = y}, {@code f(x)}), a ref or a value. */
  record TermExpr(Location location, Term term) implements Expr {}

  /** {@code some x, y}: declares local variables. */
  record SomeDecl(Location location, List<Term.Var> vars) implements Expr {
    public SomeDecl {
      vars = List.copyOf(vars);
    }
  }

  /** {@code some v in xs} or {@code some k, v in xs}; {@code key} is null in the first form. */
  record SomeIn(Location location, Term key, Term value, Term collection) implements Expr {}

  /** {@code every v in xs { … }} or {@code every k, v in xs { … }}; {@code key} may be null. */
  record Every(Location location, Term key, Term value, Term domain, Body body) implements Expr {}
}
