package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;

/** {@code todo_test_…}: a skipped test, reported so it does not stay skipped unnoticed. */
final class TodoTest extends BaseRule {

  TodoTest() {
    super("todo-test", Category.testing, Level.warning, "Skipped (todo_) test.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      for (Rule r : m.rules()) {
        if (Ast.name(r).startsWith("todo_test_")) {
          out.at(r.head().location(), "test " + Ast.name(r) + " is skipped");
        }
      }
    }
  }
}
