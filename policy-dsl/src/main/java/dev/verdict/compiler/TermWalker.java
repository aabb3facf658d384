package dev.verdict.compiler;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import java.util.function.Consumer;

/** Visits every term of a rule (head, body, else branches, closures, with targets) in order. */
public final class TermWalker {

  private TermWalker() {}

  public static void rule(Rule r, Consumer<Term> f) {
    r.head().ref().path().forEach(t -> term(t, f));
    if (r.head().args() != null) {
      r.head().args().forEach(t -> term(t, f));
    }
    if (r.head().key() != null) {
      term(r.head().key(), f);
    }
    if (r.head().value() != null) {
      term(r.head().value(), f);
    }
    body(r.body(), f);
    if (r.elseRule() != null) {
      rule(r.elseRule(), f);
    }
  }

  public static void body(Body b, Consumer<Term> f) {
    for (Literal l : b.literals()) {
      literal(l, f);
    }
  }

  public static void literal(Literal l, Consumer<Term> f) {
    switch (l.expr()) {
      case Expr.TermExpr t -> term(t.term(), f);
      case Expr.SomeDecl s -> s.vars().forEach(v -> term(v, f));
      case Expr.SomeIn s -> {
        if (s.key() != null) {
          term(s.key(), f);
        }
        term(s.value(), f);
        term(s.collection(), f);
      }
      case Expr.Every e -> {
        if (e.key() != null) {
          term(e.key(), f);
        }
        term(e.value(), f);
        term(e.domain(), f);
        body(e.body(), f);
      }
    }
    for (With w : l.withs()) {
      term(w.target(), f);
      term(w.value(), f);
    }
  }

  public static void term(Term t, Consumer<Term> f) {
    f.accept(t);
    switch (t) {
      case Term.Scalar s -> {}
      case Term.Var v -> {}
      case Term.Ref r -> {
        term(r.head(), f);
        r.path().forEach(p -> term(p, f));
      }
      case Term.ArrayTerm a -> a.elements().forEach(e -> term(e, f));
      case Term.SetTerm s -> s.elements().forEach(e -> term(e, f));
      case Term.ObjectTerm o -> o.items().forEach(i -> {
        term(i.key(), f);
        term(i.value(), f);
      });
      case Term.Call c -> c.args().forEach(a -> term(a, f));
      case Term.TemplateString ts -> ts.terms().forEach(p -> term(p, f));
      case Term.ArrayComprehension c -> {
        term(c.head(), f);
        body(c.body(), f);
      }
      case Term.SetComprehension c -> {
        term(c.head(), f);
        body(c.body(), f);
      }
      case Term.ObjectComprehension c -> {
        term(c.key(), f);
        term(c.value(), f);
        body(c.body(), f);
      }
    }
  }
}
