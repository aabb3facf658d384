package dev.verdict.lint;

import dev.verdict.ast.Literal;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.tree.Conditions;
import java.util.List;

/** {@code input.roles[_] == "admin"}: membership reads better, and indexes, as {@code "admin" in input.roles}. */
final class PreferIn extends LiteralRule {

  PreferIn() {
    super("prefer-in", Category.idiomatic, Level.warning, "Use `x in xs` instead of `xs[_] == x`.");
  }

  @Override
  String report(Policy policy, Rule r, Literal l) {
    if (!(Ast.term(l) instanceof Term.Call c) || !("equal".equals(Ast.op(c)) || "eq".equals(Ast.op(c)))) {
      return null;
    }
    List<Term> args = c.args();
    Term.Ref iterated = iterated(args.get(0)) != null ? iterated(args.get(0)) : iterated(args.get(1));
    Term other = iterated == args.get(0) ? args.get(1) : args.get(0);
    if (iterated == null || Conditions.constant(other) == null) {
      return null;
    }
    Term.Ref coll = new Term.Ref(iterated.location(), iterated.head(), iterated.path().subList(0, iterated.path().size() - 1));
    return "write " + Shape.of(other) + " in " + Shape.of(coll);
  }

  /** A ref ending in {@code [_]}, else null. */
  private static Term.Ref iterated(Term t) {
    return t instanceof Term.Ref r && !r.path().isEmpty() && r.path().get(r.path().size() - 1) instanceof Term.Var v && v.isWildcard() ? r : null;
  }
}
