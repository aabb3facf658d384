package dev.verdict.lint;

import dev.verdict.ast.Literal;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.tree.Conditions;

/** {@code "admin" == input.role}: the constant reads better on the right. */
final class YodaCondition extends LiteralRule {

  YodaCondition() {
    super("yoda-condition", Category.style, Level.warning, "Constant on the left of a comparison.");
  }

  @Override
  String report(Policy policy, Rule r, Literal l) {
    if (Ast.term(l) instanceof Term.Call c
        && ("equal".equals(Ast.op(c)) || "neq".equals(Ast.op(c)))
        && Conditions.constant(c.args().get(0)) != null
        && Conditions.constant(c.args().get(1)) == null) {
      return "constant on the left: write " + Shape.of(c.args().get(1)) + " first";
    }
    return null;
  }
}
