package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import java.util.HashSet;
import java.util.Set;

/** Rule, function and variable names with capitals: Rego's own names and OPA's are snake_case. */
final class PreferSnakeCase extends BaseRule {

  PreferSnakeCase() {
    super("prefer-snake-case", Category.style, Level.warning, "Name not in snake_case.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      Set<String> reported = new HashSet<>();
      for (Rule r : m.rules()) {
        String name = Ast.name(r);
        if (!snake(name) && reported.add(name)) {
          out.at(r.head().location(), "rule name " + name + " is not snake_case");
        }
        for (Term.Var v : Ast.varTerms(r)) {
          if (!snake(v.name()) && reported.add(v.name())) {
            out.at(v.location(), "variable name " + v.name() + " is not snake_case");
          }
        }
      }
    }
  }

  private static boolean snake(String name) {
    return name.chars().noneMatch(Character::isUpperCase);
  }
}
