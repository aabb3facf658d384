package dev.verdict.lint;

import dev.verdict.ast.Import;
import dev.verdict.ast.Term;

/** {@code import input.x}: the rules then read input under a name that does not say so. */
final class AvoidImportingInput extends ImportRule {

  AvoidImportingInput() {
    super("avoid-importing-input", Category.imports, Level.warning, "Import of input.");
  }

  @Override
  String report(Import i) {
    return ((Term.Var) i.path().head()).name().equals("input") ? "importing input hides where values come from; refer to input directly" : null;
  }
}
