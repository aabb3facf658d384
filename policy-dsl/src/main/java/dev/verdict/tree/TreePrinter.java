package dev.verdict.tree;

import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a decision tree as indented text: one line per test, leaves list their rules. */
public final class TreePrinter {

  private TreePrinter() {}

  public static String print(DecisionTree tree, List<String> ruleLabels) {
    StringBuilder sb = new StringBuilder();
    sb.append("  decision tree on ").append(tree.refs().size()).append(tree.refs().size() == 1 ? " ref: " : " refs: ");
    List<String> names = new ArrayList<>();
    tree.refs().forEach(r -> names.add(r.toString()));
    sb.append(String.join(", ", names)).append('\n');
    node(sb, tree, tree.root(), "  ", ruleLabels);
    return sb.toString();
  }

  private static void node(StringBuilder sb, DecisionTree tree, DecisionTree.Node n, String indent, List<String> labels) {
    if (n.rules != null) {
      if (n.rules.length == 0) {
        sb.append(indent).append("→ no rules\n");
      }
      for (int r : n.rules) {
        sb.append(indent).append("→ rule ").append(labels.get(r)).append('\n');
      }
      return;
    }
    String ref = tree.refs().get(n.level).toString();
    for (Map.Entry<Value, DecisionTree.Node> e : sortedEq(n)) {
      sb.append(indent).append(ref).append(" == ").append(e.getKey().toRego()).append('\n');
      node(sb, tree, e.getValue(), indent + "    ", labels);
    }
    for (Map.Entry<Condition.Glob, DecisionTree.Node> g : n.globs.entrySet()) {
      sb.append(indent).append("glob.match(").append(StringValue.of(g.getKey().pattern()).toRego())
          .append(", ").append(g.getKey().delimiters().toRego()).append(", ").append(ref).append(")\n");
      node(sb, tree, g.getValue(), indent + "    ", labels);
    }
    if (n.truthy != null) {
      sb.append(indent).append(ref).append(" (defined, not false)\n");
      node(sb, tree, n.truthy, indent + "    ", labels);
    }
    if (n.any != null) {
      sb.append(indent).append(ref).append(" (any value)\n");
      node(sb, tree, n.any, indent + "    ", labels);
    }
  }

  private static List<Map.Entry<Value, DecisionTree.Node>> sortedEq(DecisionTree.Node n) {
    List<Map.Entry<Value, DecisionTree.Node>> out = new ArrayList<>(n.eq.entrySet());
    out.sort(Map.Entry.comparingByKey());
    return out;
  }
}
