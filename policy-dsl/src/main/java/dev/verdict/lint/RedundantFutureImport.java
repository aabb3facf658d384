package dev.verdict.lint;

import dev.verdict.ast.Import;
import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.ast.Term;

/**
 * {@code import future.keywords…} in a module read as Rego v1, where every keyword is on: the
 * import does nothing. ({@code import rego.v1} is left alone: it lets v0 readers take the file.)
 */
final class RedundantFutureImport extends BaseRule {

  RedundantFutureImport() {
    super("redundant-future-import", Category.imports, Level.warning, "future.keywords import in a Rego v1 module.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      if (m.version() != RegoVersion.V1) {
        continue;
      }
      for (Import i : m.imports()) {
        if (((Term.Var) i.path().head()).name().equals("future")) {
          out.at(i.location(), "import " + Shape.of(i.path()) + " does nothing in Rego v1: remove it");
        }
      }
    }
  }
}
