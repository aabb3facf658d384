package dev.verdict.compiler;

import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.error.RegoError;
import java.util.ArrayList;
import java.util.List;

/** What the stages hand to each other: the modules as rewritten so far, the rules, the errors. */
public final class CompileState {

  private final BuiltinRegistry builtins;
  private final List<RegoError> errors = new ArrayList<>();
  private List<Module> modules;
  private List<CompiledRule> rules = List.of();
  private RuleTree tree;

  CompileState(List<Module> modules, BuiltinRegistry builtins) {
    this.modules = List.copyOf(modules);
    this.builtins = builtins;
  }

  public BuiltinRegistry builtins() {
    return builtins;
  }

  public List<Module> modules() {
    return modules;
  }

  public void modules(List<Module> rewritten) {
    modules = List.copyOf(rewritten);
  }

  public List<CompiledRule> rules() {
    return rules;
  }

  public void rules(List<CompiledRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public RuleTree tree() {
    return tree;
  }

  void tree(RuleTree tree) {
    this.tree = tree;
  }

  public void error(String code, Location location, String message) {
    errors.add(new RegoError(code, message, location));
  }

  public List<RegoError> errors() {
    return errors;
  }

  public boolean failed() {
    return !errors.isEmpty();
  }
}
