package dev.verdict.lint;

import dev.verdict.ast.Import;

/** {@code import data.lib.users as users}: the alias repeats the name the import binds anyway. */
final class RedundantAlias extends ImportRule {

  RedundantAlias() {
    super("redundant-alias", Category.imports, Level.warning, "Import alias equal to the imported name.");
  }

  @Override
  String report(Import i) {
    if (i.alias() == null || i.path().path().isEmpty()) {
      return null;
    }
    Import bare = new Import(i.location(), i.path(), null);
    return Ast.importName(bare).equals(i.alias()) ? "alias " + i.alias() + " is the name the import has anyway" : null;
  }
}
