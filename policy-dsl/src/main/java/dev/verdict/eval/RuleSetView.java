package dev.verdict.eval;

import dev.verdict.tree.DecisionTree;
import dev.verdict.tree.TreePrinter;
import java.util.ArrayList;
import java.util.List;

/** A read-only look at a rule root for {@code verdict explain}: its rules and its decision tree. */
public final class RuleSetView {

  private final RuleSet set;

  RuleSetView(RuleSet set) {
    this.set = set;
  }

  public String name() {
    return set.node.name;
  }

  public DecisionTree tree() {
    return set.index;
  }

  /** One line per rule: its number, where it is, how it is indexed. */
  public List<String> ruleLabels() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < set.rules.length; i++) {
      out.add("#" + (i + 1) + " " + set.rules[i].location);
    }
    return out;
  }

  /** The readable form: header, then the tree (or why there is none). */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(name()).append(": ").append(set.rules.length).append(set.rules.length == 1 ? " rule" : " rules");
    if (set.defaults.length > 0) {
      sb.append(" + default");
    }
    sb.append(", ").append(set.mode.name().toLowerCase()).append(" document");
    if (set.earlyExit) {
      sb.append(", stops at the first match");
    }
    sb.append('\n');
    if (set.index == null) {
      sb.append(set.rules.length <= 1 ? "  (a single rule: no decision tree)\n" : "  (no indexable conditions: every rule runs)\n");
      for (String l : ruleLabels()) {
        sb.append("  ").append(l).append('\n');
      }
      return sb.toString();
    }
    sb.append(TreePrinter.print(set.index, ruleLabels()));
    return sb.toString();
  }
}
