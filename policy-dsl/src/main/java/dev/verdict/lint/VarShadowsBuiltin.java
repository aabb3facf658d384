package dev.verdict.lint;

import dev.verdict.ast.Expr;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A local ({@code :=}, {@code some}, a function argument) named like a builtin: the builtin cannot be called in its scope. */
final class VarShadowsBuiltin extends BaseRule {

  VarShadowsBuiltin() {
    super("var-shadows-builtin", Category.bugs, Level.error, "Local variable named like a builtin.");
  }

  @Override
  public void check(Policy policy, Report out) {
    Set<String> names = RuleShadowsBuiltin.builtinNames(policy);
    for (Module m : policy.modules()) {
      for (Rule r : m.rules()) {
        for (Term t : declared(r)) {
          for (String v : Ast.vars(t)) {
            if (names.contains(v)) {
              out.at(t.location(), "local " + v + " shadows the builtin " + v);
            }
          }
        }
      }
    }
  }

  /** The terms that declare locals: function arguments, := targets, some and some … in vars. */
  static List<Term> declared(Rule r) {
    List<Term> out = new ArrayList<>();
    if (r.head().args() != null) {
      out.addAll(r.head().args());
    }
    Ast.literals(r, l -> {
      switch (l.expr()) {
        case Expr.SomeDecl s -> out.addAll(s.vars());
        case Expr.SomeIn s -> {
          if (s.key() != null) {
            out.add(s.key());
          }
          out.add(s.value());
        }
        case Expr.TermExpr t when t.term() instanceof Term.Call c && "assign".equals(Ast.op(c)) -> out.add(c.args().get(0));
        default -> {}
      }
    });
    return out;
  }
}
