package dev.verdict.compiler;

import dev.verdict.ast.Head;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.error.RegoError;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Places every rule in the virtual document and classifies it, then reports the conflicts that
 * are visible without evaluating anything: functions and non-functions sharing a name, functions
 * of different arity, single- and multi-value rules at one path, several defaults, and a default
 * on a rule whose ref has vars.
 */
final class BuildRuleTree implements Stage {

  @Override
  public String name() {
    return "build_rule_tree";
  }

  @Override
  public void run(CompileState state) {
    RuleTree tree = new RuleTree();
    List<CompiledRule> rules = new ArrayList<>();
    for (Module m : state.modules()) {
      List<Value> pkg = ResolveRefs.packagePath(m);
      tree.ensure(pkg);
      for (Rule r : m.rules()) {
        Head h = r.head();
        List<Value> path = Names.rulePath(pkg, h);
        int ground = path.size() - pkg.size() - 1;
        List<Term> suffix = h.ref().path().subList(ground, h.ref().path().size());
        CompiledRule.Kind kind =
            h.isFunction()
                ? CompiledRule.Kind.FUNCTION
                : h.isMultiValue() ? CompiledRule.Kind.MULTI : CompiledRule.Kind.SINGLE;
        CompiledRule cr = new CompiledRule(rules.size(), m, r, path, suffix, kind);
        rules.add(cr);
        tree.ensure(path).add(cr);
      }
    }
    checkConflicts(tree.root(), state);
    state.rules(rules);
    state.tree(tree);
  }

  private static void checkConflicts(RuleTree.Node node, CompileState state) {
    List<CompiledRule> rules = node.rules();
    List<CompiledRule> fns = node.functions();
    if (!fns.isEmpty() && (!rules.isEmpty() || node.hasRules())) {
      state.error(RegoError.TYPE, fns.get(0).rule().location(), "conflicting rules " + node.name() + " found");
    }
    if (!fns.isEmpty()) {
      int arity = fns.get(0).rule().head().args().size();
      for (CompiledRule f : fns) {
        if (f.rule().head().args().size() != arity) {
          state.error(RegoError.TYPE, f.rule().location(), "conflicting rules " + node.name() + " found");
          break;
        }
      }
    }
    boolean single = false;
    boolean multi = false;
    int defaults = 0;
    for (CompiledRule r : rules) {
      boolean ground = r.suffix().isEmpty();
      single |= r.kind() == CompiledRule.Kind.SINGLE && ground;
      multi |= r.kind() == CompiledRule.Kind.MULTI && ground;
      if (r.isDefault()) {
        defaults++;
        if (!ground) {
          state.error(RegoError.COMPILE, r.rule().location(), "default rules must not have a variable in their ref: " + node.name());
        } else if (defaults == 2) {
          state.error(RegoError.TYPE, r.rule().location(), "multiple default rules " + node.name() + " found");
        }
      }
    }
    if (single && multi) {
      state.error(RegoError.TYPE, rules.get(0).rule().location(), "conflicting rules " + node.name() + " found");
    }
    for (RuleTree.Node child : node.children().values()) {
      checkConflicts(child, state);
    }
  }
}
