package dev.verdict.compiler;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Term;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Names a body declares at its own level: {@code :=} targets, {@code some} vars, {@code some … in} vars. */
final class Declarations {

  private Declarations() {}

  static Set<String> of(Body body) {
    Set<String> out = new LinkedHashSet<>();
    for (Literal l : body.literals()) {
      of(l, out);
    }
    return out;
  }

  static void of(Literal l, Set<String> out) {
    switch (l.expr()) {
      case Expr.SomeDecl s -> s.vars().forEach(v -> out.add(v.name()));
      case Expr.SomeIn s -> {
        if (s.key() != null) {
          patternVars(s.key(), out);
        }
        patternVars(s.value(), out);
      }
      case Expr.TermExpr t -> {
        if (t.term() instanceof Term.Call c && isAssign(c)) {
          patternVars(c.args().get(0), out);
        }
      }
      case Expr.Every e -> {}
    }
  }

  /** Vars a pattern binds: the var itself, array elements, object values (keys are inputs). */
  static void patternVars(Term t, Set<String> out) {
    switch (t) {
      case Term.Var v -> {
        if (!Vars.isRoot(v.name())) {
          out.add(v.name());
        }
      }
      case Term.ArrayTerm a -> a.elements().forEach(e -> patternVars(e, out));
      case Term.ObjectTerm o -> o.items().forEach(i -> patternVars(i.value(), out));
      default -> {}
    }
  }

  static Set<String> ofArgs(List<Term> args) {
    Set<String> out = new LinkedHashSet<>();
    if (args != null) {
      for (Term a : args) {
        Vars.collect(a, Set.of(), out);
      }
    }
    return out;
  }

  static boolean isAssign(Term.Call c) {
    return Names.of(c.operator()).equals("assign") && c.args().size() == 2;
  }

  static boolean isEq(Term.Call c) {
    return Names.of(c.operator()).equals("eq") && c.args().size() == 2;
  }
}
