package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;

/** A {@code test_} rule in a file not named {@code *_test.rego}: it ships in bundles and runs with the policy's data. */
final class TestOutsideTestFile extends BaseRule {

  TestOutsideTestFile() {
    super("test-outside-test-file", Category.testing, Level.warning, "Test rule outside a _test.rego file.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      if (Ast.isTestFile(m.file())) {
        continue;
      }
      for (Rule r : m.rules()) {
        if (Ast.isTestRule(r)) {
          out.at(r.head().location(), "test " + Ast.name(r) + " is in " + m.file() + ", not in a _test.rego file");
        }
      }
    }
  }
}
