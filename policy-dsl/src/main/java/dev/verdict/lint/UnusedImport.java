package dev.verdict.lint;

import dev.verdict.ast.Import;
import dev.verdict.ast.Module;
import dev.verdict.ast.Term;
import java.util.HashSet;
import java.util.Set;

/** An import whose name no rule of its file uses. */
final class UnusedImport extends BaseRule {

  UnusedImport() {
    super("unused-import", Category.imports, Level.warning, "Import not used.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      Set<String> used = new HashSet<>();
      Ast.terms(m, (r, t) -> {
        switch (t) {
          case Term.Var v -> used.add(v.name());
          case Term.Call c when c.operator().head() instanceof Term.Var v -> used.add(v.name());
          default -> {}
        }
      });
      for (Import i : m.imports()) {
        if (!Ast.isKeywordImport(i) && !i.path().path().isEmpty() && !used.contains(Ast.importName(i))) {
          out.at(i.location(), "import " + Shape.of(i.path()) + " is not used");
        }
      }
    }
  }
}
