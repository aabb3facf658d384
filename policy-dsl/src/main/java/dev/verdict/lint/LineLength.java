package dev.verdict.lint;

import dev.verdict.ast.Location;
import dev.verdict.ast.Module;

/** Lines longer than 120 characters (tabs count as one, as editors' rulers do not agree). */
final class LineLength extends BaseRule {

  static final int MAX = 120;

  LineLength() {
    super("line-length", Category.style, Level.warning, "Line longer than " + MAX + " characters.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      var lines = policy.lines(m.file());
      for (int i = 0; i < lines.size(); i++) {
        int length = lines.get(i).codePointCount(0, lines.get(i).length());
        if (length > MAX) {
          out.at(new Location(m.file(), i + 1, MAX + 1), "line is " + length + " characters long (at most " + MAX + ")");
        }
      }
    }
  }
}
