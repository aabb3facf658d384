package dev.verdict.lint;

import dev.verdict.ast.Head;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two definitions in one file with the same head and the same body: one of them is dead weight or a copy-paste slip. */
final class DuplicateRule extends BaseRule {

  DuplicateRule() {
    super("duplicate-rule", Category.bugs, Level.error, "Rule defined twice with the same head and body.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      Map<String, Rule> seen = new HashMap<>();
      for (Rule r : m.rules()) {
        if (r.elseRule() != null) {
          continue; // a chain is one definition; its branches are compared by nobody
        }
        Rule first = seen.putIfAbsent(head(r.head()) + (r.isDefault() ? " default " : " ") + Shape.of(r.body()), r);
        if (first != null) {
          out.at(r.location(), "rule " + Ast.name(r) + " repeats the definition at " + first.location());
        }
      }
    }
  }

  private static String head(Head h) {
    List<Term> args = h.args() == null ? List.of() : h.args();
    return Shape.of(h.ref()) + args.stream().map(Shape::of).toList() + " " + (h.key() == null ? "" : Shape.of(h.key())) + " "
        + (h.value() == null ? "" : Shape.of(h.value()));
  }
}
