package dev.verdict.eval;

import dev.verdict.compiler.Names;
import dev.verdict.value.Value;
import java.util.List;
import java.util.Map;

/**
 * A node of the virtual document at run time. A node with {@link #rules} is a rule root: it
 * evaluates every rule at or below its path into one document. A node without is a namespace
 * (a package or a path prefix) whose document merges base data with its children.
 */
final class DocNode {

  final List<Value> path;
  final String name;
  final Map<Value, DocNode> children;
  /** True when rules (not only functions) are defined at this very node. */
  final boolean definesRules;
  RuleSet rules;
  FunctionSet function;

  DocNode(List<Value> path, Map<Value, DocNode> children, boolean definesRules) {
    this.path = path;
    this.name = Names.ofPath("data", path);
    this.children = children;
    this.definesRules = definesRules;
  }
}
