package dev.verdict.lint;

import dev.verdict.ast.Literal;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;

/**
 * {@code not a == b}: usually meant as {@code a != b}. The two differ when a side is undefined
 * ({@code not} succeeds then, {@code !=} does not), so the finding names both readings.
 */
final class NotOfComparison extends LiteralRule {

  NotOfComparison() {
    super("not-of-comparison", Category.idiomatic, Level.warning, "Negated comparison; use the opposite operator.");
  }

  @Override
  String report(Policy policy, Rule r, Literal l) {
    if (l.negated() && Ast.term(l) instanceof Term.Call c && Ast.isComparison(c)) {
      return "not of a comparison: write " + Shape.of(c.args().get(0)) + " " + Ast.NEGATED.get(Ast.op(c)) + " "
          + Shape.of(c.args().get(1)) + " unless it should also hold when a side is undefined";
    }
    return null;
  }
}
