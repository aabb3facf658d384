package dev.verdict.cli;

import dev.verdict.ast.Location;
import dev.verdict.value.GoText;
import java.util.ArrayList;
import java.util.List;

/**
 * A test rule found in a module: named {@code test_…} (run) or {@code todo_test_…} (skipped),
 * possibly under a ref head ({@code p.q.test_x}).
 *
 * @param location where the rule starts (reported as the test's location)
 * @param packageKeys the package path without {@code data}
 * @param nameKeys the rule ref up to and including the test's name
 * @param nameAt where the test's name is written, for renaming duplicates
 * @param cases true for rules whose ref continues past the name ({@code test_x[note] if …}):
 *     each key of their object value is a sub-test
 */
record TestCase(Location location, List<String> packageKeys, List<String> nameKeys, Location nameAt, boolean skip, boolean cases) {

  /** Marks a renamed duplicate in the source; reported as opa reports them, {@code test_x#01}. */
  static final String DUPLICATE_MARK = "__verdict_dup";

  /** {@code data.pkg}, as opa prints a package. */
  String packageName() {
    return "data" + GoText.refPath(packageKeys);
  }

  /** {@code test_x}, {@code p.q.test_x}, or {@code test_x#01} for a renamed duplicate. */
  String name() {
    String text = nameKeys.get(0) + GoText.refPath(nameKeys.subList(1, nameKeys.size()));
    return text.replaceFirst(DUPLICATE_MARK + "(\\d+)$", "#$1");
  }

  /** The name {@code --run} matches and reports print: {@code data.pkg.test_x}. */
  String fullName() {
    return packageName() + "." + name();
  }

  /** The document to evaluate, in the slash form {@link dev.verdict.PolicySet#eval} takes. */
  String documentPath() {
    List<String> keys = new ArrayList<>(packageKeys);
    keys.addAll(nameKeys);
    return String.join("/", keys);
  }

  /** Identifies tests that would share one document: the same package and name. */
  String key() {
    return documentPath();
  }
}
