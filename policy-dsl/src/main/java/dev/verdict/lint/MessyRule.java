package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import java.util.HashSet;
import java.util.Set;

/** Definitions of one rule scattered through a file: readers looking at one miss the others. */
final class MessyRule extends BaseRule {

  MessyRule() {
    super("messy-rule", Category.style, Level.warning, "Definitions of a rule not kept together.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      Set<String> done = new HashSet<>();
      String previous = null;
      for (Rule r : m.rules()) {
        String name = Shape.of(r.head().ref());
        if (!name.equals(previous) && !done.add(name)) {
          out.at(r.location(), "rule " + name + " is also defined earlier in this file; keep its definitions together");
        }
        previous = name;
      }
    }
  }
}
