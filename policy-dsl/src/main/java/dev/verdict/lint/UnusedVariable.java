package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A local declared ({@code :=}, {@code some}, {@code some … in}) and never read. Counts every
 * occurrence of the name in the rule, so a name reused in another scope of the rule hides the
 * finding: it never reports a variable that is used.
 */
final class UnusedVariable extends BaseRule {

  UnusedVariable() {
    super("unused-variable", Category.bugs, Level.warning, "Local variable assigned but never used.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      Set<String> globals = policy.globals(m);
      for (Rule r : m.rules()) {
        Map<String, Integer> uses = new HashMap<>();
        Ast.varTerms(r).forEach(v -> uses.merge(v.name(), 1, Integer::sum));
        for (Term declared : VarShadowsBuiltin.declared(r)) {
          if (r.head().args() != null && r.head().args().contains(declared)) {
            continue; // arguments are the caller's contract, not locals
          }
          for (String v : Ast.vars(declared)) {
            if (uses.get(v) == 1 && !globals.contains(v)) {
              out.at(declared.location(), "local " + v + " is never used (use _ if it is only a placeholder)");
            }
          }
        }
      }
    }
  }
}
