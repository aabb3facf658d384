package dev.verdict.lint;

import dev.verdict.ast.Import;
import dev.verdict.ast.Module;

/** The shape of rules that judge each import on its own: report what {@link #report} says. */
abstract class ImportRule extends BaseRule {

  ImportRule(String id, Category category, Level level, String summary) {
    super(id, category, level, summary);
  }

  @Override
  public final void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      for (Import i : m.imports()) {
        String message = Ast.isKeywordImport(i) ? null : report(i);
        if (message != null) {
          out.at(i.location(), message);
        }
      }
    }
  }

  /** The finding's message for this import, or null. */
  abstract String report(Import i);
}
