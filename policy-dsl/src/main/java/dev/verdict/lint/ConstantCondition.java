package dev.verdict.lint;

import dev.verdict.ast.Literal;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.tree.Conditions;

/** A body expression that is a constant or compares two constants: it always or never holds. */
final class ConstantCondition extends LiteralRule {

  ConstantCondition() {
    super("constant-condition", Category.bugs, Level.error, "Condition that is always true or always false.");
  }

  @Override
  String report(Policy policy, Rule r, Literal l) {
    Term t = Ast.term(l);
    boolean constant = t instanceof Term.Scalar && !implicit(r, l)
        || t instanceof Term.Call c && Ast.isComparison(c)
            && Conditions.constant(c.args().get(0)) != null && Conditions.constant(c.args().get(1)) != null;
    return constant ? "condition " + Shape.of(l) + " does not depend on anything" : null;
  }

  /** True for the body {@code true} the parser gives body-less rules and else branches, at their head. */
  private static boolean implicit(Rule r, Literal l) {
    for (Rule b = r; b != null; b = b.elseRule()) {
      if (l.location().equals(b.head().location()) || l.location().equals(b.location())) {
        return true;
      }
    }
    return false;
  }
}
