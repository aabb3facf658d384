package dev.verdict.compiler;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import java.util.LinkedHashSet;
import java.util.Set;

/** Which variables occur where: the facts the safety check and the planner share. */
public final class Vars {

  private Vars() {}

  /** True for the roots that are never local variables. */
  public static boolean isRoot(String name) {
    return name.equals("input") || name.equals("data");
  }

  /**
   * Vars occurring in a term at this body level: closures contribute only the vars they share
   * with {@code outer} (the names visible around them); their own locals stay inside.
   */
  public static Set<String> of(Term t, Set<String> outer) {
    Set<String> out = new LinkedHashSet<>();
    collect(t, outer, out);
    return out;
  }

  public static void collect(Term t, Set<String> outer, Set<String> out) {
    switch (t) {
      case Term.Scalar s -> {}
      case Term.Var v -> {
        if (!isRoot(v.name())) {
          out.add(v.name());
        }
      }
      case Term.Ref r -> {
        collect(r.head(), outer, out);
        r.path().forEach(p -> collect(p, outer, out));
      }
      case Term.ArrayTerm a -> a.elements().forEach(e -> collect(e, outer, out));
      case Term.SetTerm s -> s.elements().forEach(e -> collect(e, outer, out));
      case Term.ObjectTerm o -> o.items().forEach(i -> {
        collect(i.key(), outer, out);
        collect(i.value(), outer, out);
      });
      case Term.Call c -> c.args().forEach(a -> collect(a, outer, out));
      case Term.TemplateString ts -> ts.terms().forEach(p -> collect(p, outer, out));
      case Term.ArrayComprehension c -> captured(c, outer, out);
      case Term.SetComprehension c -> captured(c, outer, out);
      case Term.ObjectComprehension c -> captured(c, outer, out);
    }
  }

  private static void captured(Term closure, Set<String> outer, Set<String> out) {
    Set<String> all = new LinkedHashSet<>();
    allVars(closure, all);
    for (String v : all) {
      if (outer.contains(v)) {
        out.add(v);
      }
    }
  }

  /** Every var anywhere in the term, closures included. */
  public static void allVars(Term t, Set<String> out) {
    switch (t) {
      case Term.ArrayComprehension c -> {
        allVars(c.head(), out);
        allVars(c.body(), out);
      }
      case Term.SetComprehension c -> {
        allVars(c.head(), out);
        allVars(c.body(), out);
      }
      case Term.ObjectComprehension c -> {
        allVars(c.key(), out);
        allVars(c.value(), out);
        allVars(c.body(), out);
      }
      default -> {
        collect(t, Set.of(), out);
        forEachClosure(t, c -> allVars(c, out));
      }
    }
  }

  public static void allVars(Body b, Set<String> out) {
    for (Literal l : b.literals()) {
      allVars(l, out);
    }
  }

  public static void allVars(Literal l, Set<String> out) {
    switch (l.expr()) {
      case Expr.TermExpr t -> allVars(t.term(), out);
      case Expr.SomeDecl s -> s.vars().forEach(v -> out.add(v.name()));
      case Expr.SomeIn s -> {
        if (s.key() != null) {
          allVars(s.key(), out);
        }
        allVars(s.value(), out);
        allVars(s.collection(), out);
      }
      case Expr.Every e -> {
        if (e.key() != null) {
          allVars(e.key(), out);
        }
        allVars(e.value(), out);
        allVars(e.domain(), out);
        allVars(e.body(), out);
      }
    }
    for (With w : l.withs()) {
      allVars(w.value(), out);
    }
  }

  /** Calls {@code f} on each comprehension directly or indirectly inside {@code t}'s non-closure parts. */
  static void forEachClosure(Term t, java.util.function.Consumer<Term> f) {
    switch (t) {
      case Term.Scalar s -> {}
      case Term.Var v -> {}
      case Term.Ref r -> {
        forEachClosure(r.head(), f);
        r.path().forEach(p -> forEachClosure(p, f));
      }
      case Term.ArrayTerm a -> a.elements().forEach(e -> forEachClosure(e, f));
      case Term.SetTerm s -> s.elements().forEach(e -> forEachClosure(e, f));
      case Term.ObjectTerm o -> o.items().forEach(i -> {
        forEachClosure(i.key(), f);
        forEachClosure(i.value(), f);
      });
      case Term.Call c -> c.args().forEach(a -> forEachClosure(a, f));
      case Term.TemplateString ts -> ts.terms().forEach(p -> forEachClosure(p, f));
      case Term.ArrayComprehension c -> f.accept(c);
      case Term.SetComprehension c -> f.accept(c);
      case Term.ObjectComprehension c -> f.accept(c);
    }
  }

  /** Vars a literal mentions at its own level (closures contribute captured outer vars only). */
  public static Set<String> ofLiteral(Literal l, Set<String> outer) {
    Set<String> out = new LinkedHashSet<>();
    switch (l.expr()) {
      case Expr.TermExpr t -> collect(t.term(), outer, out);
      case Expr.SomeDecl s -> s.vars().forEach(v -> out.add(v.name()));
      case Expr.SomeIn s -> {
        if (s.key() != null) {
          collect(s.key(), outer, out);
        }
        collect(s.value(), outer, out);
        collect(s.collection(), outer, out);
      }
      case Expr.Every e -> {
        collect(e.domain(), outer, out);
        Set<String> inner = new LinkedHashSet<>();
        allVars(e.body(), inner);
        for (String v : inner) {
          if (outer.contains(v)) {
            out.add(v);
          }
        }
      }
    }
    for (With w : l.withs()) {
      collect(w.value(), outer, out);
    }
    return out;
  }
}
