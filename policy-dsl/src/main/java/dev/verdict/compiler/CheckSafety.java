package dev.verdict.compiler;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import java.util.ArrayList;
import java.util.List;

/** Orders every rule body for safety and reports unsafe vars (see {@link SafetyChecker}). */
final class CheckSafety implements Stage {

  @Override
  public String name() {
    return "check_safety";
  }

  @Override
  public void run(CompileState state) {
    SafetyChecker checker = new SafetyChecker(new Arities(state.builtins(), state.modules()), state);
    List<Module> out = new ArrayList<>();
    for (Module m : state.modules()) {
      List<Rule> rules = new ArrayList<>();
      for (Rule r : m.rules()) {
        rules.add(checker.rule(r));
      }
      out.add(new Module(m.file(), m.version(), m.pkg(), m.imports(), rules, m.annotations(), m.comments()));
    }
    state.modules(out);
  }
}
