package dev.verdict.lint;

import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An expression after {@code some … in} that uses nothing the loop binds: it is evaluated once
 * per element although it could be tested once, before the loop. Only plain expressions whose
 * every variable is bound before the loop (or global) are reported.
 */
final class NonLoopExpression extends BaseRule {

  NonLoopExpression() {
    super("non-loop-expression", Category.performance, Level.warning, "Expression in a loop that does not depend on it.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      Set<String> globals = policy.globals(m);
      for (Rule r : m.rules()) {
        Set<String> before = new HashSet<>(globals);
        if (r.head().args() != null) {
          r.head().args().forEach(a -> before.addAll(Ast.vars(a)));
        }
        List<Literal> literals = r.body().literals();
        int loop = 0;
        while (loop < literals.size() && !(literals.get(loop).expr() instanceof Expr.SomeIn)) {
          before.addAll(Ast.vars(literals.get(loop)));
          loop++;
        }
        for (Literal l : literals.subList(Math.min(loop + 1, literals.size()), literals.size())) {
          if (l.expr() instanceof Expr.TermExpr && l.withs().isEmpty() && before.containsAll(Ast.vars(l))) {
            out.at(l.location(), Shape.of(l) + " does not depend on the loop at line " + literals.get(loop).location().row()
                + "; move it before the loop");
          }
        }
      }
    }
  }
}
