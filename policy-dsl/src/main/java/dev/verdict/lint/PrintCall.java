package dev.verdict.lint;

import dev.verdict.ast.Module;

/** {@code print} outside tests: debugging output left in a policy runs on every decision. */
final class PrintCall extends CallRule {

  PrintCall() {
    super("print-call", Category.testing, Level.warning, "print() left in a non-test policy.");
  }

  @Override
  String report(Policy policy, Module m, String op) {
    return op.equals("print") && !Ast.isTestFile(m.file()) ? "print left in policy code (only tests should print)" : null;
  }
}
