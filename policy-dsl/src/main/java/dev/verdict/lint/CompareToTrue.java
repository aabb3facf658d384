package dev.verdict.lint;

import dev.verdict.ast.Literal;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.builtins.Builtin;
import dev.verdict.types.Type;
import dev.verdict.value.BooleanValue;

/**
 * {@code startswith(x, "a") == true}: a builtin that returns a boolean compared with a boolean
 * constant; the call alone (or {@code not} the call) says the same. Only builtin results count:
 * {@code input.approved == true} is stricter than {@code input.approved} (which also holds for
 * {@code "yes"}), so it is left alone.
 */
final class CompareToTrue extends LiteralRule {

  CompareToTrue() {
    super("compare-to-boolean", Category.idiomatic, Level.warning, "Boolean builtin result compared with true or false.");
  }

  @Override
  String report(Policy policy, Rule r, Literal l) {
    if (Ast.term(l) instanceof Term.Call c && ("equal".equals(Ast.op(c)) || "neq".equals(Ast.op(c)))) {
      Term a = c.args().get(0);
      Term b = c.args().get(1);
      if (isBoolean(a) && returnsBoolean(policy, b) || isBoolean(b) && returnsBoolean(policy, a)) {
        return "comparison of a boolean result with a boolean: test the call itself (or not the call)";
      }
    }
    return null;
  }

  private static boolean isBoolean(Term t) {
    return t instanceof Term.Scalar s && s.value() instanceof BooleanValue;
  }

  private static boolean returnsBoolean(Policy policy, Term t) {
    Builtin b = t instanceof Term.Call c ? policy.builtins().get(Ast.op(c)) : null;
    return b != null && b.signature().result() instanceof Type.Bool;
  }
}
