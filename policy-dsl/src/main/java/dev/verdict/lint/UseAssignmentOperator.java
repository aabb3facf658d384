package dev.verdict.lint;

import dev.verdict.ast.Literal;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code =} where {@code :=} is meant: in a head with a value ({@code p = 1}), and in a body where
 * its left side is a local seen for the first time ({@code x = input.a}), i.e. an assignment that
 * would silently turn into a comparison if a rule named {@code x} appeared.
 */
final class UseAssignmentOperator extends BaseRule {

  UseAssignmentOperator() {
    super("use-assignment-operator", Category.style, Level.warning, "Use := instead of = to assign.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      Set<String> globals = policy.globals(m);
      for (Rule r : m.rules()) {
        if (r.head().value() != null && !r.head().assign() && !Ast.implicitValue(r)) {
          out.at(r.head().location(), "rule " + Ast.name(r) + " assigns its value with =: use :=");
        }
        Set<String> seen = new HashSet<>(globals);
        if (r.head().args() != null) {
          r.head().args().forEach(a -> seen.addAll(Ast.vars(a)));
        }
        for (Literal l : r.body().literals()) {
          if (!l.negated() && Ast.term(l) instanceof Term.Call c && "eq".equals(Ast.op(c)) && firstAssignment(c.args(), seen)) {
            out.at(l.location(), "local " + ((Term.Var) c.args().get(0)).name() + " is assigned with =: use :=");
          }
          seen.addAll(Ast.vars(l));
        }
      }
    }
  }

  private static boolean firstAssignment(List<Term> args, Set<String> seen) {
    return args.get(0) instanceof Term.Var v
        && !v.isWildcard()
        && !seen.contains(v.name())
        && !Ast.vars(args.get(1)).contains(v.name());
  }
}
