package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Term;
import dev.verdict.compiler.Names;
import dev.verdict.compiler.RuleTree;
import dev.verdict.compiler.TermWalker;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A {@code data.…} ref (after imports are resolved) that no rule, package or loaded data file
 * provides. Only the ground prefix is checked, and a path through a rule's value or through a
 * data value that is not an object counts as provided. Data supplied at run time (bundles,
 * the REST API) is unknown to the linter, hence a warning.
 */
final class UnknownDataRef extends BaseRule {

  UnknownDataRef() {
    super("unknown-data-ref", Category.bugs, Level.warning, "Reference to data that no rule or data file provides.");
  }

  @Override
  public void check(Policy policy, Report out) {
    RuleTree tree = policy.compiled().tree();
    for (Module m : policy.resolved()) {
      Set<Term> mocked = Collections.newSetFromMap(new IdentityHashMap<>());
      for (var r : m.rules()) {
        Ast.literals(r, l -> l.withs().forEach(w -> mocked.add(w.target())));
      }
      Ast.terms(m, (r, t) -> {
        if (t instanceof Term.Ref ref && ref.head() instanceof Term.Var v && v.name().equals("data") && !mocked.contains(ref)) {
          List<Value> path = Names.groundPrefix(ref.path());
          if (!provided(tree.root(), policy.data(), path)) {
            out.at(ref.location(), Names.ofPath("data", path) + " is provided by no rule and no data file");
          }
        }
      });
    }
  }

  private static boolean provided(RuleTree.Node node, Value data, List<Value> path) {
    for (Value key : path) {
      if (node != null && (!node.rules().isEmpty() || !node.functions().isEmpty())) {
        return true;
      }
      if (data != null && !(data instanceof ObjectValue)) {
        return true;
      }
      node = node == null ? null : node.children().get(key);
      data = data == null ? null : ((ObjectValue) data).get(key);
      if (node == null && data == null) {
        return false;
      }
    }
    return true;
  }
}
